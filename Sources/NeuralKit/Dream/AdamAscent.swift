import Foundation

/// Adam (Kingma & Ba 2015) as TensorFlow's `AdamOptimizer` implements it, climbing a gradient:
/// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ + lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε).
struct AdamAscent: Sendable {
    /// Step size (parameter units); Lucid's `render_vis` uses 0.05.
    var learningRate: Float
    var beta1: Float = 0.9
    var beta2: Float = 0.999
    var epsilon: Float = 1e-8
    private var m: [Float]
    private var v: [Float]
    /// Steps taken so far.
    private(set) var steps = 0

    init(parameterCount: Int, learningRate: Float) {
        self.learningRate = learningRate
        m = [Float](repeating: 0, count: parameterCount)
        v = m
    }

    /// One step up the gradient `g` of the objective with respect to `parameters`.
    mutating func step(_ parameters: inout [Float], gradient g: [Float]) {
        steps += 1
        let t = Float(steps)
        let rate = learningRate * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t))
        for i in parameters.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
            parameters[i] += rate * m[i] / (v[i].squareRoot() + epsilon)
        }
    }
}
