import Foundation

/// An ordinary least-squares line y = intercept + slope · x with t-based confidence intervals
/// (n − 2 degrees of freedom): SE(slope) = s / √Sxx and SE(intercept) = s · √(1/n + x̄²/Sxx), where
/// s² = Σ residual² / (n − 2) and Sxx = Σ (x − x̄)².
public struct LinearFit: Sendable, Equatable {
    /// In the unit of y per unit of x.
    public var slope: Estimate
    /// In the unit of y.
    public var intercept: Estimate
    public var count: Int
    /// The residual standard deviation s (unit of y).
    public var residualSD: Double

    /// Fits `y` against `x` (paired, finite); nil with fewer than three points or fewer than two distinct x.
    public init?(x: [Double], y: [Double], level: Double = 0.95) {
        guard x.count == y.count, x.count >= 3, Set(x).count >= 2 else { return nil }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let b = sxy / sxx, a = my - b * mx
        let rss = zip(x, y).reduce(0) { $0 + pow($1.1 - a - b * $1.0, 2) }
        let s = (rss / (n - 2)).squareRoot()
        let t = StudentT(degreesOfFreedom: n - 2).quantile(0.5 + level / 2)
        let seSlope = s / sxx.squareRoot(), seIntercept = s * (1 / n + mx * mx / sxx).squareRoot()
        slope = Estimate(value: b, lower: b - t * seSlope, upper: b + t * seSlope, level: level)
        intercept = Estimate(value: a, lower: a - t * seIntercept, upper: a + t * seIntercept, level: level)
        count = x.count
        residualSD = s
    }
}
