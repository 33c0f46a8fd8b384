import Foundation

/// Student's t distribution with `degreesOfFreedom` ν > 0 (ν need not be an integer, so that
/// Welch–Satterthwaite degrees of freedom can be used).
public struct StudentT: Sendable {
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "Student t needs degrees of freedom > 0")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T > t) for t ≥ 0, computed without cancellation: ½ I_{ν/(ν+t²)}(ν/2, ½).
    private func upperTail(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        return 0.5 * IncompleteBeta.regularized(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
    }

    /// Cumulative distribution function P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        t >= 0 ? 1 - upperTail(t) : upperTail(-t)
    }

    /// Probability density at t.
    public func pdf(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        let logDensity = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
            - (nu + 1) / 2 * log1p(t * t / nu)
        return exp(logDensity)
    }

    /// The quantile (inverse CDF) for 0 < p < 1: the t with P(T ≤ t) = p. Solved by Newton's
    /// method on the upper tail, safeguarded by bisection; absolute accuracy about 1e-12.
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile needs 0 < p < 1")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p) }
        let tail = 1 - p
        var low = 0.0, high = 1.0
        while upperTail(high) > tail { low = high; high *= 2 }
        var t = (low + high) / 2
        for _ in 0..<200 {
            let excess = upperTail(t) - tail          // decreasing in t
            if excess > 0 { low = t } else { high = t }
            var next = t + excess / pdf(t)            // Newton step on P(T > t) − tail
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-13 * max(1, abs(t)) { return next }
            t = next
        }
        return t
    }
}
