"""Reference values for stimgen's Analysis statistics, computed with numpy and scipy.

Each dataset is fixed here and written into the JSON beside its expected results, so that the
Swift tests read both. The psychometric fits and their profile-likelihood intervals are
computed by an independent implementation (scipy.optimize with box bounds, brentq roots).
"""
import json
import sys

import numpy as np
import scipy
from scipy import optimize, special, stats

CHI2_95 = stats.chi2.ppf(0.95, 1)


def student_t():
    cases = []
    for df in [1, 2, 3, 4.5, 5, 10, 29, 30, 100, 1000]:
        for p in [0.025, 0.6, 0.9, 0.975, 0.995, 0.9995]:
            cases.append({"df": df, "p": p, "quantile": stats.t.ppf(p, df)})
    cdf = [{"df": df, "t": t, "cdf": stats.t.cdf(t, df)}
           for df in [1, 3, 7.5, 40] for t in [-4.0, -1.0, 0.3, 2.0, 6.0]]
    return {"quantiles": cases, "cdf": cdf}


def incomplete_beta():
    return [{"a": a, "b": b, "x": x, "value": special.betainc(a, b, x)}
            for a, b in [(0.5, 0.5), (2, 3), (10, 0.5), (30, 40)] for x in [0.01, 0.3, 0.5, 0.9]]


def normal_quantiles():
    return [{"p": p, "quantile": stats.norm.ppf(p)} for p in [1e-6, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999]]


def mean_ci():
    samples = [[4.1, 5.3, 3.8, 6.0, 5.1], [12.0, 15.5], [-2.5, -1.0, 0.5, -3.0, -2.2, -1.7, 0.1, -0.9]]
    out = []
    for x in samples:
        x = np.array(x)
        lo, hi = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
        out.append({"values": x.tolist(), "mean": x.mean(), "sd": x.std(ddof=1), "lower": lo, "upper": hi})
    return out


def welch():
    a = [3.1, 4.2, 2.8, 5.0, 3.9, 4.4]
    b = [1.2, 0.4, 2.5, 1.9, 0.8, 1.1, 2.2, 1.6, 0.3]
    res = stats.ttest_ind(a, b, equal_var=False)
    ci = res.confidence_interval(0.95)
    two = {"groups": [a, b], "weights": [1, -1], "value": np.mean(a) - np.mean(b),
           "lower": ci.low, "upper": ci.high}
    # Four groups: (after_A − before_A) − (after_B − before_B), Welch–Satterthwaite df.
    groups = [[5.2, 6.1, 4.8, 5.9], [1.0, 1.6, 0.7, 1.3, 0.9], [-3.9, -4.4, -3.1], [-0.8, -0.2, -1.1, -0.5]]
    weights = [1, -1, -1, 1]
    terms = [w * w * np.var(g, ddof=1) / len(g) for g, w in zip(groups, weights)]
    se2 = sum(terms)
    df = se2 ** 2 / sum(t * t / (len(g) - 1) for t, g in zip(terms, groups))
    value = sum(w * np.mean(g) for g, w in zip(groups, weights))
    half = stats.t.ppf(0.975, df) * np.sqrt(se2)
    four = {"groups": groups, "weights": weights, "value": value, "lower": value - half, "upper": value + half}
    return [two, four]


def spearman():
    cases = [
        ([1, 2, 3, 4, 5, 6], [2.0, 1.0, 4.0, 3.0, 6.0, 5.0]),
        ([10, 20, 20, 30, 40, 40, 40], [3.5, 1.0, 2.0, 2.0, 8.0, 5.0, 9.0]),
        ([0.1, 0.4, 0.2, 0.9, 0.5], [9, 7, 8, 1, 5]),
    ]
    return [{"x": x, "y": y, "rho": stats.spearmanr(x, y).statistic} for x, y in cases]


def decay():
    datasets = [
        # hours since adaptation; effect in L−M nulling units
        ([0.1, 0.5, 1, 2, 4, 8, 24, 48], [10.2, 8.1, 7.0, 5.9, 4.6, 3.9, 2.5, 1.8]),
        # minutes since adaptation; close to 12·exp(−t/25)
        ([1, 5, 10, 20, 40, 60, 90], [11.9, 9.7, 8.3, 5.2, 2.4, 1.2, 0.4]),
    ]
    out = []
    for t, y in datasets:
        t, y = np.array(t, float), np.array(y, float)
        fits = {}
        exp_fn = lambda tt, a, tau: a * np.exp(-tt / tau)
        p, _ = optimize.curve_fit(exp_fn, t, y, p0=[y[0], np.median(t)], maxfev=100000, xtol=1e-14, ftol=1e-14)
        fits["exponential"] = (p, np.sum((y - exp_fn(t, *p)) ** 2))
        slope, intercept = np.polyfit(np.log(t), np.log(y), 1)
        pow_fn = lambda tt, a, b: a * tt ** (-b)
        p, _ = optimize.curve_fit(pow_fn, t, y, p0=[np.exp(intercept), -slope], maxfev=100000, xtol=1e-14, ftol=1e-14)
        fits["powerLaw"] = (p, np.sum((y - pow_fn(t, *p)) ** 2))
        n = len(t)
        entry = {"times": t.tolist(), "effects": y.tolist()}
        for name, (p, rss) in fits.items():
            entry[name] = {"amplitude": p[0], "rate": p[1], "rss": rss, "aic": n * np.log(rss / n) + 2 * 3}
        out.append(entry)
    return out


def psychometric_core(shape, x, alpha, beta):
    if shape == "logistic":
        return 1 / (1 + np.exp(-beta * (x - alpha)))
    if shape == "cumulativeNormal":
        return stats.norm.cdf(beta * (x - alpha))
    return np.where(x > 0, 1 - np.exp(-(np.maximum(x, 0) / alpha) ** beta), 0.0)


def make_nll(shape, x, n, k, gamma, lapse_fixed):
    def nll(alpha, beta, lam):
        psi = gamma + (1 - gamma - lam) * psychometric_core(shape, x, alpha, beta)
        psi = np.clip(psi, 1e-12, 1 - 1e-12)
        return -np.sum(k * np.log(psi) + (n - k) * np.log1p(-psi))
    return nll


def fit_psychometric(shape, x, n, k, gamma, lapse):
    lapse_max = lapse.get("maximum")
    lapse_fixed = lapse.get("fixed")
    nll = make_nll(shape, x, n, k, gamma, lapse_fixed)
    span = x.max() - x.min()
    alpha_bounds = (1e-6, 10 * x.max()) if shape == "weibull" else (x.min() - 5 * span, x.max() + 5 * span)
    beta_bounds = (1e-4, 1e4)
    lam_bounds = (0.0, lapse_max) if lapse_max is not None else (lapse_fixed, lapse_fixed)

    def minimize(fun, starts, bounds):
        best = None
        for s in starts:
            r = optimize.minimize(fun, s, method="L-BFGS-B", bounds=bounds,
                                  options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 10000})
            r = optimize.minimize(fun, r.x, method="Nelder-Mead", bounds=bounds,
                                  options={"xatol": 1e-11, "fatol": 1e-13, "maxiter": 40000})
            if best is None or r.fun < best.fun:
                best = r
        return best

    starts = [[a, b, l] for a in np.linspace(x.min() + 0.1 * span if shape != "weibull" else x.min(), x.max(), 5)
              for b in ([1, 3] if shape == "weibull" else [1 / span, 5 / span]) for l in [lam_bounds[0], lam_bounds[1]]]
    full = lambda v: nll(*v)
    best = minimize(full, starts, [alpha_bounds, beta_bounds, lam_bounds])
    mle, nll_min = best.x, best.fun

    def profile(index, value):
        free = [i for i in range(3) if i != index]
        bounds = [[alpha_bounds, beta_bounds, lam_bounds][i] for i in free]

        def fun(v):
            params = list(mle)
            params[index] = value
            for i, vi in zip(free, v):
                params[i] = vi
            return nll(*params)
        starts = [[mle[i] for i in free]]
        starts.append([mle[free[0]] * 1.5 if free[0] == 1 else mle[free[0]], lam_bounds[1] if free[-1] == 2 else mle[free[-1]]])
        return minimize(fun, starts, bounds).fun

    def interval(index):
        est = mle[index]
        deviance = lambda v: 2 * (profile(index, v) - nll_min) - CHI2_95
        bounds = []
        for direction in (-1, 1):
            factor = 1.0
            while True:
                if index == 1 or shape == "weibull":
                    far = est * np.exp(direction * 0.1 * factor)
                else:
                    far = est + direction * 0.1 * span * factor
                if deviance(far) > 0:
                    break
                factor *= 2
                if factor > 1e4:
                    raise RuntimeError("unbounded interval in a fixture dataset")
            bounds.append(optimize.brentq(deviance, min(est, far), max(est, far), xtol=1e-12))
        return bounds

    lo_a, hi_a = interval(0)
    lo_b, hi_b = interval(1)
    return {"threshold": mle[0], "slope": mle[1], "lapseRate": mle[2], "logLikelihood": -nll_min,
            "thresholdLower": lo_a, "thresholdUpper": hi_a, "slopeLower": lo_b, "slopeUpper": hi_b}


def psychometric():
    datasets = [
        {"name": "2AFC contrast, lapse free", "levels": [0.5, 1, 1.5, 2, 2.5, 3, 3.5],
         "trials": [40] * 7, "correct": [21, 23, 28, 33, 37, 39, 40],
         "guessRate": 0.5, "lapse": {"maximum": 0.06}},
        {"name": "yes/no nulling offset, lapse fixed", "levels": [-3, -2, -1, 0, 1, 2, 3],
         "trials": [20] * 7, "correct": [1, 3, 6, 11, 15, 18, 19],
         "guessRate": 0.0, "lapse": {"fixed": 0.02}},
        {"name": "4AFC, lapse free, upper asymptote below 1", "levels": [1, 2, 4, 8, 16, 32],
         "trials": [50] * 6, "correct": [14, 17, 27, 41, 47, 48],
         "guessRate": 0.25, "lapse": {"maximum": 0.1}},
    ]
    out = []
    for d in datasets:
        x = np.array(d["levels"], float)
        n = np.array(d["trials"], float)
        k = np.array(d["correct"], float)
        shapes = ["logistic", "cumulativeNormal"] + (["weibull"] if x.min() > 0 else [])
        entry = dict(d)
        entry["fits"] = {s: fit_psychometric(s, x, n, k, d["guessRate"], d["lapse"]) for s in shapes}
        out.append(entry)
    return out


def to_builtin(obj):
    if isinstance(obj, dict):
        return {k: to_builtin(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_builtin(v) for v in obj]
    if isinstance(obj, np.generic):
        return obj.item()
    return obj


def main(path):
    np.seterr(over="ignore")
    result = {
        "generator": f"scripts/analysis/make_fixtures.py with numpy {np.__version__}, scipy {scipy.__version__}",
        "studentT": student_t(),
        "incompleteBeta": incomplete_beta(),
        "normalQuantiles": normal_quantiles(),
        "meanCI": mean_ci(),
        "welch": welch(),
        "spearman": spearman(),
        "decay": decay(),
        "psychometric": psychometric(),
    }
    with open(path, "w") as f:
        json.dump(to_builtin(result), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
