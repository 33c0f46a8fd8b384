/// A weight packed for NeuralKit's own matrix kernel (`PackedMatrix`) when the model was loaded,
/// kept on its op so that the packing is done once, not on every run.
struct PackedWeights: Sendable {
    /// The weight these were packed from.
    let source: WeightSource
    /// The packed matrices: one per group of a Conv, one for a Gemm.
    let matrices: [PackedMatrix]

    /// The packed matrices when they were packed from `weight`, else nil.
    func matrices(for weight: Tensor) -> [PackedMatrix]? {
        source.isStorage(of: weight) ? matrices : nil
    }
}

/// The weight an op prepared something from when the model was loaded (transformed or packed
/// filters). Holding it keeps its storage alive, so an input whose storage is this very buffer
/// holds these very values (a changed copy of a weight always gets storage of its own).
struct WeightSource: Sendable {
    let values: [Float]

    init(_ weight: Tensor) { values = weight.data }

    /// Whether `weight` is this weight (the same storage).
    func isStorage(of weight: Tensor) -> Bool {
        values.count == weight.count && values.withUnsafeBufferPointer { a in
            weight.data.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
    }
}

extension Network {
    /// Packs, once, the fixed weight of every Conv that multiplies (not depthwise) and of every
    /// Gemm, and keeps it on the op (a Winograd Conv's transformed filters are packed by
    /// `prepareWinogradFilters`).
    mutating func packWeights() {
        for (index, node) in nodes.enumerated() {
            guard node.inputs.count >= 2, let weight = initializers[node.inputs[1]] else { continue }
            if var conv = node.op as? Conv {
                conv.pack(weight)
                nodes[index].op = conv
            } else if var gemm = node.op as? Gemm, weight.rank == 2 {
                gemm.pack(weight)
                nodes[index].op = gemm
            }
        }
    }
}
