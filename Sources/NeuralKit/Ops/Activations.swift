import Foundation

/// Element-wise activations: each maps x to y = f(x), and its backward multiplies the output
/// gradient by f′(x).
struct Activation: Operator {
    enum Kind: Sendable, Equatable {
        case relu
        /// y = x for x > 0, alpha·x otherwise.
        case leakyRelu(alpha: Float)
        /// y = 1 / (1 + e^−x).
        case sigmoid
        /// y = min(max(x, low), high); opset ≥ 11 takes the bounds as inputs 1 and 2 instead.
        case clip(low: Float, high: Float)
    }
    var kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    static func relu(_ attributes: Attributes) throws -> Activation {
        try attributes.allow([])
        return Activation(.relu)
    }

    static func leakyRelu(_ attributes: Attributes) throws -> Activation {
        try attributes.allow(["alpha"])
        return Activation(.leakyRelu(alpha: try attributes.float("alpha", default: 0.01)))
    }

    static func sigmoid(_ attributes: Attributes) throws -> Activation {
        try attributes.allow([])
        return Activation(.sigmoid)
    }

    static func clip(_ attributes: Attributes) throws -> Activation {
        try attributes.allow(["min", "max"])
        return Activation(.clip(low: try attributes.float("min", default: -.greatestFiniteMagnitude),
                                high: try attributes.float("max", default: .greatestFiniteMagnitude)))
    }

    /// Clip's bounds, from inputs 1 and 2 when present.
    private func resolved(_ inputs: [Tensor?]) throws -> Kind {
        guard case .clip(var low, var high) = kind else { return kind }
        if let t = inputs.optional(1) {
            guard t.count == 1 else { throw NeuralError("input 'min' must be a scalar, got shape \(t.shape)") }
            low = t.data[0]
        }
        if let t = inputs.optional(2) {
            guard t.count == 1 else { throw NeuralError("input 'max' must be a scalar, got shape \(t.shape)") }
            high = t.data[0]
        }
        return .clip(low: low, high: high)
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let x = try inputs.required(0), kind = try resolved(inputs)
        let y = Tensor(shape: x.shape) { out in
            x.data.withUnsafeBufferPointer { x in
                Parallel.split(x.count, minimumPerThread: Parallel.elementsPerThread) { range in
                    switch kind {
                    case .relu: for i in range { out[i] = max(x[i], 0) }
                    case .leakyRelu(let a): for i in range { out[i] = x[i] < 0 ? a * x[i] : x[i] }
                    case .sigmoid: for i in range { out[i] = 1 / (1 + exp(-x[i])) }
                    case .clip(let low, let high): for i in range { out[i] = min(max(x[i], low), high) }
                    }
                }
            }
        }
        return [y]
    }

    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let x = try inputs.required(0), y = outputs[0]
        var dx = outputGradients[0]
        switch try resolved(inputs) {
        case .relu: for i in 0..<x.count where x.data[i] <= 0 { dx.data[i] = 0 }
        case .leakyRelu(let a): for i in 0..<x.count where x.data[i] <= 0 { dx.data[i] *= a }
        case .sigmoid: for i in 0..<x.count { dx.data[i] *= y.data[i] * (1 - y.data[i]) }
        case .clip(let low, let high): for i in 0..<x.count where x.data[i] < low || x.data[i] > high { dx.data[i] = 0 }
        }
        return [dx] + Array(repeating: nil, count: max(0, inputs.count - 1))
    }
}
