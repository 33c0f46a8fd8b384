import Foundation

/// Maps data values on one axis to pixel positions, and chooses round tick values.
public struct AxisScale: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case linear, logarithmic }

    public var kind: Kind
    /// Data range covered by the axis (positive for a logarithmic axis).
    public var lower: Double
    public var upper: Double

    /// An axis covering `values` (non-finite values ignored), widened to round tick values.
    /// A logarithmic axis ignores values ≤ 0; an empty or single-valued range is widened.
    public init(covering values: [Double], kind: Kind = .linear, includeZero: Bool = false) {
        self.kind = kind
        var finite = values.filter { $0.isFinite && (kind == .linear || $0 > 0) }
        if includeZero && kind == .linear { finite.append(0) }
        switch kind {
        case .linear:
            var low = finite.min() ?? 0, high = finite.max() ?? 1
            if low == high { low -= max(abs(low) * 0.5, 0.5); high += max(abs(high) * 0.5, 0.5) }
            let step = Self.roundStep((high - low) / 5)
            lower = floor(low / step) * step
            upper = ceil(high / step) * step
        case .logarithmic:
            let low = finite.min() ?? 1, high = finite.max() ?? 10
            lower = pow(10, floor(log10(low)))
            upper = pow(10, ceil(log10(high)))
            if lower == upper { upper *= 10 }
        }
    }

    /// A 1, 2 or 5 times a power of ten, at least `rough`.
    static func roundStep(_ rough: Double) -> Double {
        let power = pow(10, floor(log10(rough)))
        for multiple in [1.0, 2, 5, 10] where multiple * power >= rough * (1 - 1e-9) { return multiple * power }
        return 10 * power
    }

    /// Position of `value` as a fraction of the axis length (0 at `lower`, 1 at `upper`).
    public func fraction(_ value: Double) -> Double {
        switch kind {
        case .linear: (value - lower) / (upper - lower)
        case .logarithmic: (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
    }

    /// Round values between `lower` and `upper` inclusive (about five for a linear axis; the
    /// powers of ten for a logarithmic one).
    public var ticks: [Double] {
        switch kind {
        case .linear:
            let step = Self.roundStep((upper - lower) / 5)
            let count = Int(((upper - lower) / step).rounded())
            return (0...count).map { lower + Double($0) * step }
        case .logarithmic:
            let first = Int(log10(lower).rounded()), last = Int(log10(upper).rounded())
            return (first...last).map { pow(10, Double($0)) }
        }
    }

    /// The text of a tick label, with as many decimals as the tick step needs.
    public func label(_ value: Double) -> String {
        switch kind {
        case .linear:
            let step = Self.roundStep((upper - lower) / 5)
            return NumberFormat.fixed(value, decimals: max(0, -Int(floor(log10(step) + 1e-9))))
        case .logarithmic:
            return NumberFormat.significant(value, digits: 1)
        }
    }
}
