import Foundation

/// Derivative-free minimisation by the Nelder–Mead simplex method (reflection 1, expansion 2,
/// contraction ½, shrink ½), restarted from its own optimum until a restart no longer improves
/// it, which guards against the simplex collapsing early.
enum NelderMead {
    /// The point minimising `objective`, starting from `start` with initial simplex edges `step`.
    static func minimize(
        _ objective: ([Double]) -> Double,
        start: [Double],
        step: [Double],
        tolerance: Double = 1e-12,
        maxEvaluations: Int = 20_000
    ) -> (point: [Double], value: Double) {
        var best = (point: start, value: objective(start))
        var budget = maxEvaluations
        for _ in 0..<5 {
            let result = run(objective, start: best.point, step: step, tolerance: tolerance, budget: &budget)
            let improved = best.value - result.value > tolerance * (abs(best.value) + tolerance)
            if result.value <= best.value { best = result }
            if !improved || budget <= 0 { break }
        }
        return best
    }

    private static func run(
        _ f: ([Double]) -> Double, start: [Double], step: [Double], tolerance: Double, budget: inout Int
    ) -> (point: [Double], value: Double) {
        let n = start.count
        var simplex = [start]
        for i in 0..<n {
            var vertex = start
            vertex[i] += step[i]
            simplex.append(vertex)
        }
        var values = simplex.map(f)
        budget -= n + 1
        func combine(_ a: [Double], _ b: [Double], _ t: Double) -> [Double] {
            zip(a, b).map { $0 + t * ($1 - $0) }   // a + t·(b − a)
        }
        while budget > 0 {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = abs(values[n] - values[0])
            let size = (1...n).map { i in zip(simplex[i], simplex[0]).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
            if spread <= tolerance * (abs(values[0]) + tolerance) && size <= 1e-9 { break }

            var centroid = [Double](repeating: 0, count: n)
            for vertex in simplex[0..<n] { for i in 0..<n { centroid[i] += vertex[i] / Double(n) } }
            let reflected = combine(centroid, simplex[n], -1)
            let fr = f(reflected); budget -= 1
            if fr < values[0] {
                let expanded = combine(centroid, simplex[n], -2)
                let fe = f(expanded); budget -= 1
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
            } else {
                let outside = fr < values[n]
                let contracted = combine(centroid, outside ? reflected : simplex[n], 0.5)
                let fc = f(contracted); budget -= 1
                if fc < min(fr, values[n]) {
                    simplex[n] = contracted; values[n] = fc
                } else {
                    for i in 1...n {
                        simplex[i] = combine(simplex[0], simplex[i], 0.5)
                        values[i] = f(simplex[i])
                    }
                    budget -= n
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] }!
        return (simplex[bestIndex], values[bestIndex])
    }
}
