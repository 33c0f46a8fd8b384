import Foundation

/// One-dimensional minimisation on an interval: a coarse grid finds the basin of the global
/// minimum, golden-section search refines it.
enum Minimize1D {
    /// The x in [lower, upper] minimising `f`, to about 1e-10 of the interval's width.
    static func minimize(_ f: (Double) -> Double, lower: Double, upper: Double, gridPoints: Int = 200) -> Double {
        let width = upper - lower
        let grid = (0...gridPoints).map { lower + width * Double($0) / Double(gridPoints) }
        let values = grid.map(f)
        let best = values.indices.min { values[$0] < values[$1] }!
        var a = grid[max(best - 1, 0)], b = grid[min(best + 1, gridPoints)]
        let ratio = (5.0.squareRoot() - 1) / 2
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = f(c), fd = f(d)
        while b - a > 1e-10 * max(width, 1e-300) {
            if fc < fd { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = f(c) }
            else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = f(d) }
        }
        let x = (a + b) / 2
        return f(x) <= values[best] ? x : grid[best]
    }
}
