/// Joins tensors along one axis (ONNX Concat); every other axis must agree.
struct Concat: Operator {
    var axis: Int

    init(_ attributes: Attributes) throws {
        try attributes.allow(["axis"])
        guard case .int(let axis)? = attributes.values["axis"] else { throw NeuralError("attribute 'axis' is required") }
        self.axis = axis
    }

    /// Elements before the axis (outer), and each input's contiguous block per outer index.
    private func layout(_ parts: [Tensor]) throws -> (axis: Int, outer: Int, blocks: [Int], shape: [Int]) {
        let first = parts[0]
        let axis = try normaliseAxis(self.axis, rank: first.rank)
        var shape = first.shape
        shape[axis] = 0
        for part in parts {
            var expected = first.shape
            expected[axis] = part.shape.count == first.rank ? part.shape[axis] : -1
            guard part.shape == expected else {
                throw NeuralError("inputs of shapes \(parts.map { "\($0.shape)" }.joined(separator: ", ")) differ outside axis \(axis)")
            }
            shape[axis] += part.shape[axis]
        }
        let outer = first.shape[..<axis].reduce(1, *)
        return (axis, outer, parts.map { $0.count / max(outer, 1) }, shape)
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let parts = try inputs.indices.map { try inputs.required($0) }
        guard !parts.isEmpty else { throw NeuralError("expects at least one input") }
        let l = try layout(parts)
        // Output block (o, i) is input i's block o, at o · (sum of blocks) + (blocks before i).
        let starts = l.blocks.indices.map { l.blocks[..<$0].reduce(0, +) }, outerStride = l.blocks.reduce(0, +)
        let y = Tensor(shape: l.shape) { out in
            let averageBlock = max(1, outerStride / parts.count)
            Parallel.split(l.outer * parts.count, minimumPerThread: max(1, Parallel.elementsPerThread / averageBlock)) { copies in
                for copy in copies {
                    let (o, i) = (copy / parts.count, copy % parts.count)
                    parts[i].data.withUnsafeBufferPointer { src in
                        (out.baseAddress! + o * outerStride + starts[i]).update(from: src.baseAddress! + o * l.blocks[i], count: l.blocks[i])
                    }
                }
            }
        }
        return [y]
    }

    /// Each input gets its own slice of the output gradient back.
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let parts = try inputs.indices.map { try inputs.required($0) }
        let l = try layout(parts)
        let g = outputGradients[0]
        var grads = parts.map { Tensor(shape: $0.shape) }
        let total = l.blocks.reduce(0, +)
        for o in 0..<l.outer {
            var start = o * total
            for (index, block) in l.blocks.enumerated() {
                grads[index].data.replaceSubrange(o * block..<(o + 1) * block, with: g.data[start..<start + block])
                start += block
            }
        }
        return grads
    }
}
