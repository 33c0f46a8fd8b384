/// Element-wise square root (ONNX Sqrt): y = √x.
///
/// Its backward is dx = dy / (2y). At y = 0 the derivative is unbounded; there the gradient is
/// taken as 0 (a subgradient), which is what an energy unit that no stimulus drives should pass back.
struct SquareRoot: Operator {
    init(_ attributes: Attributes = Attributes()) throws {
        try attributes.allow([])
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        var y = try inputs.required(0)
        y.data.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = $0[i].squareRoot() } }
        return [y]
    }

    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let y = outputs[0]
        var dx = outputGradients[0]
        for i in 0..<dx.count { dx.data[i] = y.data[i] > 0 ? dx.data[i] / (2 * y.data[i]) : 0 }
        return [dx]
    }
}
