import Foundation

/// Inference-mode batch normalisation (ONNX BatchNormalization): per channel c,
/// y = scale_c · (x − mean_c) / √(var_c + epsilon) + B_c. Inputs: X, scale, B, mean, var.
/// Where it follows a Conv, the importer folds it into that Conv's weights instead.
struct BatchNormalization: Operator {
    var epsilon: Float

    init(_ attributes: Attributes) throws {
        try attributes.allow(["epsilon", "momentum", "spatial", "training_mode"])
        if try attributes.int("training_mode", default: 0) != 0 {
            throw NeuralError("attribute 'training_mode' = 1 is not supported (inference only)")
        }
        if try attributes.int("spatial", default: 1) != 1 {
            throw NeuralError("attribute 'spatial' = 0 is not supported (per-channel statistics only)")
        }
        epsilon = try attributes.float("epsilon", default: 1e-5)
    }

    /// Per-channel multiplier and offset: y = a_c·x + b_c.
    func affine(scale: Tensor, bias: Tensor, mean: Tensor, variance: Tensor) -> (a: [Float], b: [Float]) {
        var a = [Float](repeating: 0, count: scale.count), b = a
        for c in 0..<scale.count {
            a[c] = scale.data[c] / (variance.data[c] + epsilon).squareRoot()
            b[c] = bias.data[c] - a[c] * mean.data[c]
        }
        return (a, b)
    }

    private func checked(_ inputs: [Tensor?]) throws -> (x: Tensor, a: [Float], b: [Float], pixels: Int) {
        let x = try inputs.required(0)
        guard x.rank >= 2 else { throw NeuralError("input X must have rank 2 or more (N, C, …), got shape \(x.shape)") }
        let parameters = try (1...4).map { try inputs.required($0) }
        for (name, t) in zip(["scale", "B", "input_mean", "input_var"], parameters) where t.shape != [x.shape[1]] {
            throw NeuralError("input '\(name)' has shape \(t.shape), expected [\(x.shape[1])] (one per channel)")
        }
        let (a, b) = affine(scale: parameters[0], bias: parameters[1], mean: parameters[2], variance: parameters[3])
        return (x, a, b, x.shape[2...].reduce(1, *))
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        var (y, a, b, pixels) = try checked(inputs)
        let channels = y.shape[1]
        for i in 0..<y.count {
            let c = (i / pixels) % channels
            y.data[i] = a[c] * y.data[i] + b[c]
        }
        return [y]
    }

    /// dX = a_c · dY; the statistics and affine parameters are not differentiated.
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let (x, a, _, pixels) = try checked(inputs)
        var dx = outputGradients[0]
        for i in 0..<x.count { dx.data[i] *= a[(i / pixels) % x.shape[1]] }
        return [dx, nil, nil, nil, nil]
    }
}
