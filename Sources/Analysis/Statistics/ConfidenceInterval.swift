import Foundation

/// An estimate with a two-sided confidence interval, in the unit of the data.
public struct Estimate: Sendable, Equatable, Codable {
    /// The point estimate.
    public var value: Double
    /// Lower and upper bound; −∞ / +∞ when the data do not bound the interval on that side.
    public var lower: Double
    public var upper: Double
    /// Confidence level of the interval, e.g. 0.95.
    public var level: Double

    public init(value: Double, lower: Double, upper: Double, level: Double) {
        self.value = value
        self.lower = lower
        self.upper = upper
        self.level = level
    }
}

/// The mean of a sample with its t-based confidence interval.
public struct MeanSummary: Sendable, Equatable {
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (n − 1); `nil` for a single value.
    public var standardDeviation: Double?
    /// mean ± t(1 − α/2, n − 1) · SD / √n; `nil` for fewer than two values.
    public var interval: Estimate?

    /// Summarises `values` (at least one) with a `level` confidence interval (default 95%).
    public init?(_ values: [Double], level: Double = 0.95) {
        guard let m = Descriptive.mean(values) else { return nil }
        count = values.count
        mean = m
        standardDeviation = Descriptive.standardDeviation(values)
        interval = standardDeviation.map { sd in
            let t = StudentT(degreesOfFreedom: Double(values.count - 1)).quantile(0.5 + level / 2)
            let halfWidth = t * sd / Double(values.count).squareRoot()
            return Estimate(value: m, lower: m - halfWidth, upper: m + halfWidth, level: level)
        }
    }
}

/// A linear contrast Σ cᵢ·meanᵢ of independent sample means, with a Welch–Satterthwaite
/// confidence interval (unequal variances). Two groups with weights (1, −1) give Welch's
/// two-sample interval for a difference of means.
public enum WelchContrast {
    /// The contrast of `groups` with `weights` (same count). Every group needs at least two
    /// values; returns `nil` otherwise, or when all groups have zero variance.
    public static func estimate(groups: [[Double]], weights: [Double], level: Double = 0.95) -> Estimate? {
        precondition(groups.count == weights.count, "one weight per group")
        var value = 0.0, variance = 0.0, dfDenominator = 0.0
        for (values, weight) in zip(groups, weights) {
            guard let m = Descriptive.mean(values), let v = Descriptive.variance(values) else { return nil }
            let n = Double(values.count)
            let term = weight * weight * v / n
            value += weight * m
            variance += term
            dfDenominator += term * term / (n - 1)
        }
        guard variance > 0 else { return nil }
        let df = variance * variance / dfDenominator
        let halfWidth = StudentT(degreesOfFreedom: df).quantile(0.5 + level / 2) * variance.squareRoot()
        return Estimate(value: value, lower: value - halfWidth, upper: value + halfWidth, level: level)
    }
}
