import Foundation

/// Descriptive statistics of one sample. Values keep the unit of the data they summarise.
public enum Descriptive {
    /// Arithmetic mean; `nil` for an empty sample.
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.reduce(0, +) / Double(values.count)
    }

    /// Unbiased sample variance (divisor n − 1); `nil` for fewer than two values.
    public static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2, let m = mean(values) else { return nil }
        let sumSquares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return sumSquares / Double(values.count - 1)
    }

    /// Sample standard deviation (divisor n − 1); `nil` for fewer than two values.
    public static func standardDeviation(_ values: [Double]) -> Double? {
        variance(values).map { $0.squareRoot() }
    }

    /// Median (mean of the two middle values for an even count); `nil` for an empty sample.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[mid]
    }
}
