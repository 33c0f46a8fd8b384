/// Ops that only relabel a tensor's shape (or pass it through); each backward reshapes the
/// gradient back to the input's shape.
struct Reshaping: Operator {
    enum Kind: Sendable, Equatable {
        /// To 2-D: [product of axes before `axis`, product of the rest].
        case flatten(axis: Int)
        /// To the shape in input 1 (0 keeps the input's extent unless allowzero, −1 is inferred).
        case reshape(allowZero: Bool)
        /// Inserts axes of extent 1 at `axes` (opset ≤ 12) or at the axes in input 1 (opset ≥ 13).
        case unsqueeze(axes: [Int]?)
        /// Identity, and Dropout at inference (its optional mask output is all ones).
        case identity
    }
    var kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    static func flatten(_ attributes: Attributes) throws -> Reshaping {
        try attributes.allow(["axis"])
        return Reshaping(.flatten(axis: try attributes.int("axis", default: 1)))
    }

    static func reshape(_ attributes: Attributes) throws -> Reshaping {
        try attributes.allow(["allowzero"])
        return Reshaping(.reshape(allowZero: try attributes.int("allowzero", default: 0) != 0))
    }

    static func unsqueeze(_ attributes: Attributes) throws -> Reshaping {
        try attributes.allow(["axes"])
        return Reshaping(.unsqueeze(axes: try attributes.ints("axes")))
    }

    static func identity(_ attributes: Attributes) throws -> Reshaping {
        try attributes.allow([])
        return Reshaping(.identity)
    }

    static func dropout(_ attributes: Attributes) throws -> Reshaping {
        try attributes.allow(["ratio", "seed", "is_test"])
        return Reshaping(.identity)
    }

    /// The output shape for an input of `shape`.
    private func outputShape(_ inputs: [Tensor?]) throws -> [Int] {
        let x = try inputs.required(0)
        switch kind {
        case .flatten(let axis):
            let at = axis < 0 ? axis + x.rank : axis
            guard at >= 0, at <= x.rank else { throw NeuralError("axis \(axis) is out of range for shape \(x.shape)") }
            return [x.shape[..<at].reduce(1, *), x.shape[at...].reduce(1, *)]
        case .reshape(let allowZero):
            let target = try inputs.required(1)
            var shape = try target.data.map { try exactInteger($0, "shape") }
            if !allowZero {
                for (i, extent) in shape.enumerated() where extent == 0 {
                    guard i < x.rank else { throw NeuralError("shape \(shape) copies axis \(i), which \(x.shape) lacks") }
                    shape[i] = x.shape[i]
                }
            }
            let inferred = shape.indices.filter { shape[$0] == -1 }
            let known = shape.filter { $0 != -1 }.reduce(1, *)
            if inferred.count == 1, known > 0, x.count % known == 0 { shape[inferred[0]] = x.count / known }
            guard inferred.count <= 1, shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == x.count else {
                throw NeuralError("cannot reshape \(x.shape) (\(x.count) elements) to \(target.data.map { Int($0) })")
            }
            return shape
        case .unsqueeze(let attributeAxes):
            let rawAxes = try attributeAxes ?? inputs.required(1).data.map { try exactInteger($0, "axes") }
            let rank = x.rank + rawAxes.count
            let axes = try Set(rawAxes.map { try normaliseAxis($0, rank: rank, what: "unsqueeze axis") })
            guard axes.count == rawAxes.count else { throw NeuralError("axes \(rawAxes) repeat an axis") }
            var remaining = x.shape.makeIterator()
            return (0..<rank).map { axes.contains($0) ? 1 : remaining.next()! }
        case .identity:
            return x.shape
        }
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let x = try inputs.required(0)
        let y = x.reshaped(try outputShape(inputs))
        // Dropout's second output, the mask, is all ones at inference.
        return [y, Tensor(shape: x.shape, repeating: 1)]
    }

    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let x = try inputs.required(0)
        return [outputGradients[0].reshaped(x.shape)] + Array(repeating: nil, count: max(0, inputs.count - 1))
    }
}

/// A float holding an integer (a shape, an axis, an index), or an error naming `what`.
func exactInteger(_ value: Float, _ what: String) throws -> Int {
    guard value.rounded() == value, abs(value) < 16_777_216 else {
        throw NeuralError("\(what) value \(value) is not an integer stimgen can represent exactly")
    }
    return Int(value)
}
