/// Picks slices along one axis by index (ONNX Gather): output shape is
/// data.shape[..<axis] + indices.shape + data.shape[(axis+1)...]; negative indices count from the end.
struct Gather: Operator {
    var axis: Int

    init(_ attributes: Attributes) throws {
        try attributes.allow(["axis"])
        axis = try attributes.int("axis", default: 0)
    }

    private func plan(_ data: Tensor, _ indices: Tensor) throws -> (axis: Int, picks: [Int], outer: Int, inner: Int, shape: [Int]) {
        let axis = try normaliseAxis(self.axis, rank: data.rank)
        let extent = data.shape[axis]
        let picks = try indices.data.map { value -> Int in
            let index = try exactInteger(value, "index")
            guard index >= -extent, index < extent else {
                throw NeuralError("index \(index) is out of range for axis \(axis) of extent \(extent)")
            }
            return index < 0 ? index + extent : index
        }
        let shape = Array(data.shape[..<axis]) + indices.shape + Array(data.shape[(axis + 1)...])
        return (axis, picks, data.shape[..<axis].reduce(1, *), data.shape[(axis + 1)...].reduce(1, *), shape)
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let data = try inputs.required(0), indices = try inputs.required(1)
        let p = try plan(data, indices)
        var y = [Float]()
        y.reserveCapacity(p.shape.reduce(1, *))
        let extent = data.shape[p.axis]
        for o in 0..<p.outer {
            for pick in p.picks {
                let start = (o * extent + pick) * p.inner
                y.append(contentsOf: data.data[start..<start + p.inner])
            }
        }
        return [Tensor(shape: p.shape, data: y)]
    }

    /// The gradient is added back into the picked slices (a slice picked twice gets both).
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let data = try inputs.required(0), indices = try inputs.required(1)
        let p = try plan(data, indices)
        let g = outputGradients[0]
        var dx = Tensor(shape: data.shape)
        let extent = data.shape[p.axis]
        var read = 0
        for o in 0..<p.outer {
            for pick in p.picks {
                let start = (o * extent + pick) * p.inner
                for i in 0..<p.inner { dx.data[start + i] += g.data[read + i] }
                read += p.inner
            }
        }
        return [dx, nil]
    }
}
