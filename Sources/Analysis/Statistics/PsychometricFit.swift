import Foundation

/// A maximum-likelihood fit of a psychometric function to binomial data, with profile-
/// likelihood confidence intervals for threshold and slope.
///
/// The interval for a parameter holds every value whose profile deviance,
/// 2·(max log L − max log L with that parameter fixed), is at most the χ²(1) quantile of the
/// confidence level (3.841 for 95%); the other parameters are re-optimised at each value.
/// Such intervals are deterministic and need no resampling; an interval that the data do
/// not close is reported with an infinite bound.
public struct PsychometricFit: Sendable, Equatable {
    /// How the lapse rate λ is treated.
    public enum Lapse: Sendable, Equatable {
        /// λ held at this value.
        case fixed(Double)
        /// λ fitted within [0, maximum].
        case free(maximum: Double)
    }

    /// The maximum-likelihood function.
    public var function: PsychometricFunction
    /// α with its profile-likelihood interval, in the unit of the stimulus level.
    public var threshold: Estimate
    /// β with its profile-likelihood interval.
    public var slope: Estimate
    /// The maximised log-likelihood (natural log).
    public var logLikelihood: Double

    /// Fits `shape` to `points` with guess rate `guessRate` (probability; e.g. 1/m in m-alternative
    /// forced choice, 0 for yes/no). Needs at least two distinct levels with trials (positive
    /// levels for the Weibull); returns `nil` otherwise.
    public static func fit(
        _ shape: PsychometricShape, points: [PsychometricPoint], guessRate: Double,
        lapse: Lapse = .free(maximum: 0.06), level: Double = 0.95
    ) -> PsychometricFit? {
        let used = points.filter { $0.trials > 0 && (shape != .weibull || $0.level > 0) }
        guard Set(used.map(\.level)).count >= 2 else { return nil }
        let problem = LikelihoodProblem(shape: shape, points: used, guessRate: guessRate, lapse: lapse)
        let (mle, minimum) = problem.maximumLikelihood()
        let critical = ChiSquare1.quantile(level)
        let thresholdBounds = problem.profileInterval(parameter: 0, mle: mle, minimum: minimum, critical: critical)
        let slopeBounds = problem.profileInterval(parameter: 1, mle: mle, minimum: minimum, critical: critical)
        let function = problem.function(mle)
        let toThreshold: (Double) -> Double = shape == .weibull ? { exp($0) } : { $0 }
        return PsychometricFit(
            function: function,
            threshold: Estimate(value: function.threshold, lower: toThreshold(thresholdBounds.lower),
                                upper: toThreshold(thresholdBounds.upper), level: level),
            slope: Estimate(value: function.slope, lower: exp(slopeBounds.lower),
                            upper: exp(slopeBounds.upper), level: level),
            logLikelihood: -minimum)
    }
}

/// Quantiles of the χ² distribution with one degree of freedom: the square of a normal quantile.
enum ChiSquare1 {
    static func quantile(_ p: Double) -> Double {
        let z = StandardNormal.quantile((1 + p) / 2)
        return z * z
    }
}

/// The negative log-likelihood in unconstrained coordinates z = (a, ln β[, u]):
/// a = α (ln α for the Weibull), λ = λmax · sin²(u) when the lapse is free.
private struct LikelihoodProblem {
    let shape: PsychometricShape
    let points: [PsychometricPoint]
    let guessRate: Double
    let lapse: PsychometricFit.Lapse

    var dimension: Int { if case .free = lapse { 3 } else { 2 } }

    func function(_ z: [Double]) -> PsychometricFunction {
        let lapseRate: Double
        switch lapse {
        case .fixed(let value): lapseRate = value
        case .free(let maximum): lapseRate = maximum * sin(z[2]) * sin(z[2])
        }
        return PsychometricFunction(shape: shape, threshold: shape == .weibull ? exp(z[0]) : z[0],
                                    slope: exp(z[1]), guessRate: guessRate, lapseRate: lapseRate)
    }

    func negativeLogLikelihood(_ z: [Double]) -> Double {
        let psi = function(z)
        var total = 0.0
        for point in points {
            let p = min(max(psi.probability(at: point.level), 1e-12), 1 - 1e-12)
            total -= Double(point.correct) * log(p) + Double(point.trials - point.correct) * log1p(-p)
        }
        return total
    }

    /// Range of the location coordinate a over the data.
    var locationRange: (low: Double, high: Double) {
        let values = points.map { shape == .weibull ? log($0.level) : $0.level }
        return (values.min()!, values.max()!)
    }

    var locationStep: Double {
        let (low, high) = locationRange
        return max(high - low, 1e-6 * max(abs(low), 1)) * 0.1
    }

    func maximumLikelihood() -> ([Double], Double) {
        let (low, high) = locationRange
        let span = max(high - low, 1e-6)
        // Starting grid: location across the tested range, steepness across two decades.
        let slopeStarts = shape == .weibull ? [0.0, 1.0, 2.0] : [1.0, 4.0, 16.0].map { log($0 / span) }
        var best: [Double] = []
        var bestValue = Double.infinity
        for i in 0...6 {
            for logSlope in slopeStarts {
                var z = [low + span * Double(i) / 6, logSlope]
                if dimension == 3 { z.append(0.3) }
                let value = negativeLogLikelihood(z)
                if value < bestValue { best = z; bestValue = value }
            }
        }
        let steps = [locationStep, 0.5, 0.3].prefix(dimension)
        let result = NelderMead.minimize(negativeLogLikelihood, start: best, step: Array(steps))
        return (result.point, result.value)
    }

    /// Profile minimum with coordinate `parameter` held at `value`, warm-started at `start`.
    func profile(parameter: Int, value: Double, start: [Double]) -> (value: Double, point: [Double]) {
        let free = (0..<dimension).filter { $0 != parameter }
        func full(_ others: [Double]) -> [Double] {
            var z = start
            z[parameter] = value
            for (index, x) in zip(free, others) { z[index] = x }
            return z
        }
        let allSteps = [locationStep, 0.5, 0.3]
        let result = NelderMead.minimize({ negativeLogLikelihood(full($0)) },
                                         start: free.map { start[$0] }, step: free.map { allSteps[$0] })
        return (result.value, full(result.point))
    }

    /// The interval of coordinate `parameter` where the profile deviance ≤ `critical`.
    func profileInterval(parameter: Int, mle: [Double], minimum: Double, critical: Double) -> (lower: Double, upper: Double) {
        let initialStep = parameter == 0 ? locationStep : 0.1
        let limit = parameter == 0 ? max(locationStep * 500, 20) : 12.0   // beyond this: unbounded
        func bound(direction: Double) -> Double {
            var inside = (offset: 0.0, point: mle)
            var step = initialStep
            var outside: Double?
            while step <= limit {
                let offset = inside.offset + step
                let p = profile(parameter: parameter, value: mle[parameter] + direction * offset, start: inside.point)
                if 2 * (p.value - minimum) > critical { outside = offset; break }
                inside = (offset, p.point)
                step *= 2
            }
            guard var high = outside else { return direction * .infinity }
            var low = inside.offset
            var warm = inside.point
            while high - low > 1e-9 * max(1, high) {
                let mid = (low + high) / 2
                let p = profile(parameter: parameter, value: mle[parameter] + direction * mid, start: warm)
                if 2 * (p.value - minimum) > critical { high = mid } else { low = mid; warm = p.point }
            }
            return mle[parameter] + direction * (low + high) / 2
        }
        return (bound(direction: -1), bound(direction: 1))
    }
}
