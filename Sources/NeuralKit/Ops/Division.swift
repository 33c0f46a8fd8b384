/// Element-wise division with numpy broadcasting (ONNX Div): y = a / b.
///
/// Its backward is da = dy / b and db = −dy · a / b² = −dy · y / b, each summed back down to its
/// input's shape.
struct Division: Operator {
    init(_ attributes: Attributes = Attributes()) throws {
        try attributes.allow([])
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let a = try inputs.required(0), b = try inputs.required(1)
        let shape = try Broadcast.shape([a.shape, b.shape])
        let ia = Broadcast.offsets(of: a.shape, onto: shape), ib = Broadcast.offsets(of: b.shape, onto: shape)
        var y = Tensor(shape: shape)
        for i in 0..<y.count { y.data[i] = a.data[ia[i]] / b.data[ib[i]] }
        return [y]
    }

    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let a = try inputs.required(0), b = try inputs.required(1)
        let y = outputs[0], g = outputGradients[0]
        let ib = Broadcast.offsets(of: b.shape, onto: y.shape)
        var da = Tensor(shape: y.shape), db = Tensor(shape: y.shape)
        for i in 0..<y.count {
            let divisor = b.data[ib[i]]
            da.data[i] = g.data[i] / divisor
            db.data[i] = -g.data[i] * y.data[i] / divisor
        }
        return [Broadcast.reduce(da, to: a.shape), Broadcast.reduce(db, to: b.shape)]
    }
}
