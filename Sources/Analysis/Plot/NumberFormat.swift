import Foundation

/// Number formatting for reports and tick labels.
enum NumberFormat {
    /// `value` with `digits` significant digits, no exponent for magnitudes in [1e-4, 1e6);
    /// "−∞"/"∞" for infinities and "–" for NaN.
    static func significant(_ value: Double, digits: Int = 3) -> String {
        if value.isNaN { return "–" }
        if value.isInfinite { return value < 0 ? "−∞" : "∞" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e6 || magnitude < 1e-4 { return String(format: "%.\(max(digits - 1, 0))e", value) }
        let decimals = max(digits - 1 - Int(floor(log10(magnitude))), 0)
        return fixed(value, decimals: decimals)
    }

    /// `value` with exactly `decimals` decimals, a true minus sign, and no "−0".
    static func fixed(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") {
            let digits = text.dropFirst()
            return digits.allSatisfy({ $0 == "0" || $0 == "." }) ? String(digits) : "−" + digits
        }
        return text
    }

    /// Up to six significant digits without trailing zeros (90, 22.5, 0.125), true minus sign.
    static func short(_ value: Double) -> String {
        let text = String(format: "%.6g", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
