/// numpy-style (multidirectional) broadcasting: shapes are aligned at their last axis, and an axis
/// of extent 1 (or a missing leading one) stretches to match.
enum Broadcast {
    /// The broadcast shape of several shapes, or an error naming them.
    static func shape(_ shapes: [[Int]]) throws -> [Int] {
        let rank = shapes.map(\.count).max() ?? 0
        var result = [Int](repeating: 1, count: rank)
        for shape in shapes {
            for (i, extent) in shape.enumerated() {
                let axis = rank - shape.count + i
                if result[axis] == 1 {
                    result[axis] = extent
                } else if extent != 1, extent != result[axis] {
                    throw NeuralError("shapes \(shapes.map { "\($0)" }.joined(separator: ", ")) cannot be broadcast together")
                }
            }
        }
        return result
    }

    /// For each element of `outShape` (row-major), the offset of the element of a tensor of
    /// `shape` that broadcasts onto it.
    static func offsets(of shape: [Int], onto outShape: [Int]) -> [Int] {
        let total = outShape.reduce(1, *)
        let padded = Array(repeating: 1, count: outShape.count - shape.count) + shape
        if padded == outShape { return Array(0..<total) }
        let inStrides = Tensor.strides(of: padded).enumerated().map { padded[$0.offset] == 1 ? 0 : $0.element }
        var offsets = [Int](repeating: 0, count: total)
        var index = [Int](repeating: 0, count: outShape.count)
        var offset = 0
        for i in 0..<total {
            offsets[i] = offset
            var axis = outShape.count - 1
            while axis >= 0 {
                index[axis] += 1
                offset += inStrides[axis]
                if index[axis] < outShape[axis] { break }
                offset -= inStrides[axis] * outShape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return offsets
    }

    /// Sums a gradient of `outShape` back down to `shape` (the adjoint of broadcasting).
    static func reduce(_ gradient: Tensor, to shape: [Int]) -> Tensor {
        if gradient.shape == shape { return gradient }
        var result = Tensor(shape: shape)
        for (i, offset) in offsets(of: shape, onto: gradient.shape).enumerated() {
            result.data[offset] += gradient.data[i]
        }
        return result
    }
}

/// Element-wise Add, Mul and Sum (any number of inputs) with broadcasting.
struct Elementwise: ClampingOperator {
    enum Kind: Sendable { case add, mul, sum }
    var kind: Kind
    /// Whether the result is clamped at zero as it is written: a following Relu fused in by the
    /// importer (`Network.fuseRelus`; a residual block's Add then Relu), never set from ONNX.
    var clampsAtZero = false

    init(_ kind: Kind, _ attributes: Attributes) throws {
        try attributes.allow([])
        self.kind = kind
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let operands = try inputs.indices.map { try inputs.required($0) }
        guard !operands.isEmpty, kind == .sum || operands.count == 2 else {
            throw NeuralError("expects \(kind == .sum ? "one or more" : "two") inputs, got \(operands.count)")
        }
        let shape = try Broadcast.shape(operands.map(\.shape))
        if operands.count == 2, operands.allSatisfy({ $0.shape == shape }) { return [sameShape(operands[0], operands[1])] }
        var y = broadcast(operands, to: shape)
        if clampsAtZero { y.data.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = max($0[i], 0) } } }
        return [y]
    }

    /// Any number of operands, each broadcast to `shape`.
    private func broadcast(_ operands: [Tensor], to shape: [Int]) -> Tensor {
        var y = Tensor(shape: shape, repeating: kind == .mul ? 1 : 0)
        for operand in operands {
            if operand.shape == shape {
                y.data.withUnsafeMutableBufferPointer { out in
                    operand.data.withUnsafeBufferPointer { src in
                        if kind == .mul { for i in out.indices { out[i] *= src[i] } } else { for i in out.indices { out[i] += src[i] } }
                    }
                }
            } else {
                let offsets = Broadcast.offsets(of: operand.shape, onto: shape)
                for i in 0..<y.count {
                    if kind == .mul { y.data[i] *= operand.data[offsets[i]] } else { y.data[i] += operand.data[offsets[i]] }
                }
            }
        }
        return y
    }

    /// Two operands of one shape (a residual connection's Add): one pass, no broadcasting, with
    /// a fused Relu's clamp in the same pass.
    private func sameShape(_ a: Tensor, _ b: Tensor) -> Tensor {
        let floor = clampsAtZero ? 0 : -Float.infinity
        return Tensor(shape: a.shape) { out in
            a.data.withUnsafeBufferPointer { a in
                b.data.withUnsafeBufferPointer { b in
                    Parallel.split(out.count, minimumPerThread: Parallel.elementsPerThread) { range in
                        if kind == .mul {
                            for i in range { out[i] = max(a[i] * b[i], floor) }
                        } else {
                            for i in range { out[i] = max(a[i] + b[i], floor) }
                        }
                    }
                }
            }
        }
    }

    /// Add/Sum: each input gets the output gradient summed to its shape. Mul: dA = dY·B, dB = dY·A.
    /// With a fused Relu, dY is first zeroed where the output is not positive.
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let g = clampsAtZero ? outputGradients[0].zeroed(where: outputs[0]) : outputGradients[0]
        let operands = try inputs.indices.map { try inputs.required($0) }
        switch kind {
        case .add, .sum:
            return operands.map { Broadcast.reduce(g, to: $0.shape) }
        case .mul:
            return operands.indices.map { index in
                let other = operands[1 - index]
                let offsets = Broadcast.offsets(of: other.shape, onto: g.shape)
                var product = g
                for i in 0..<g.count { product.data[i] *= other.data[offsets[i]] }
                return Broadcast.reduce(product, to: operands[index].shape)
            }
        }
    }
}
