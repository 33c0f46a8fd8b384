import Foundation

/// The standard normal distribution.
public enum StandardNormal {
    /// Φ(z) = ½ erfc(−z/√2).
    public static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// Φ⁻¹(p) for 0 < p < 1, by Newton's method on the upper tail ½ erfc(z/√2), safeguarded by
    /// bisection; absolute accuracy about 1e-13.
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile needs 0 < p < 1")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p) }
        let tail = 1 - p
        var low = 0.0, high = 40.0
        var z = 1.0
        for _ in 0..<200 {
            let excess = 0.5 * erfc(z / 2.0.squareRoot()) - tail
            if excess > 0 { low = z } else { high = z }
            let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
            var next = z + excess / density
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - z) <= 1e-14 * max(1, z) { return next }
            z = next
        }
        return z
    }
}
