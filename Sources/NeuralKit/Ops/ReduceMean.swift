/// Mean over some axes (ONNX ReduceMean), as torch's exporter writes `AdaptiveAvgPool2d(1)` and
/// `x.mean((2, 3))`. The axes come from the `axes` attribute (opset ≤ 17) or from input 1
/// (opset 18). Without axes every axis is reduced, unless `noop_with_empty_axes` (opset 18),
/// which passes the input through. `keepdims` (default 1) keeps each reduced axis with extent 1.
struct ReduceMean: Operator {
    /// The attribute's axes (opset ≤ 17); nil when absent.
    var attributeAxes: [Int]?
    var keepDims: Bool
    var noopWithEmptyAxes: Bool

    init(_ attributes: Attributes, opset: Int) throws {
        try attributes.allow(opset >= 18 ? ["keepdims", "noop_with_empty_axes"] : ["axes", "keepdims"])
        attributeAxes = try attributes.ints("axes")
        keepDims = try attributes.int("keepdims", default: 1) != 0
        noopWithEmptyAxes = try attributes.int("noop_with_empty_axes", default: 0) != 0
    }

    /// The reduction for an input: the output shape, and for each input element the index of the
    /// output element it is averaged into, with the number of elements each output averages.
    private func plan(_ inputs: [Tensor?]) throws -> (shape: [Int], target: [Int], count: Int)? {
        let x = try inputs.required(0)
        let given = try attributeAxes ?? inputs.optional(1).map { try $0.data.map { try exactInteger($0, "axes") } } ?? []
        if given.isEmpty && noopWithEmptyAxes { return nil }
        let axes = try Set(given.isEmpty ? Array(0..<x.rank) : given.map { try normaliseAxis($0, rank: x.rank, what: "reduce axis") })
        guard given.isEmpty || axes.count == given.count else { throw NeuralError("axes \(given) repeat an axis") }
        let kept = x.shape.enumerated().map { axes.contains($0.offset) ? 1 : $0.element }
        let keptStrides = Tensor.strides(of: kept), inputStrides = Tensor.strides(of: x.shape)
        let target = (0..<x.count).map { index in
            x.shape.indices.reduce(0) { sum, axis in
                axes.contains(axis) ? sum : sum + (index / inputStrides[axis] % x.shape[axis]) * keptStrides[axis]
            }
        }
        let shape = keepDims ? kept : x.shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
        return (shape, target, axes.map { x.shape[$0] }.reduce(1, *))
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let x = try inputs.required(0)
        guard let (shape, target, count) = try plan(inputs) else { return [x] }
        var sums = [Double](repeating: 0, count: shape.reduce(1, *))
        for (i, value) in x.data.enumerated() { sums[target[i]] += Double(value) }
        return [Tensor(shape: shape, data: sums.map { Float($0 / Double(count)) })]
    }

    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let x = try inputs.required(0), dy = outputGradients[0]
        let tail = Array(repeating: nil as Tensor?, count: max(0, inputs.count - 1))
        guard let (_, target, count) = try plan(inputs) else { return [dy] + tail }
        return [Tensor(shape: x.shape, data: target.map { dy.data[$0] / Float(count) })] + tail
    }
}
