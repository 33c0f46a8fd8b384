extension Network {
    /// Fuses each two-input Add (a residual connection) into the Conv that produces one of its
    /// operands: the Conv takes the other operand as a fourth input and adds it as it writes its
    /// output (`Conv.OutputPass`), which then takes the Add's name. One tensor and one pass over
    /// memory fewer per residual block; a Relu after the Add is then fused into the same Conv by
    /// `fuseRelus`. Where both operands come from Convs (a block with a projection shortcut), the
    /// later one takes the other, which exists by the time it runs. Skipped where the Conv's
    /// output is read elsewhere, is a graph output or is named in `keeping`.
    mutating func fuseResidualAdds(keeping: Set<String>) {
        let readers = readerCounts()
        var removed = Set<Int>()
        for (index, node) in nodes.enumerated() {
            guard let add = node.op as? Elementwise, add.kind == .add, !add.clampsAtZero,
                  node.inputs.count == 2, node.outputs.count == 1 else { continue }
            let candidates = [0, 1].compactMap { side -> (conv: Int, other: String)? in
                let operand = node.inputs[side], other = node.inputs[1 - side]
                guard let convIndex = privateProducer(of: operand, readers: readers, keeping: keeping),
                      nodes[convIndex].op is Conv, nodes[convIndex].inputs.count <= 3,
                      (nodes.firstIndex { $0.outputs.contains(other) } ?? -1) < convIndex else { return nil }
                return (convIndex, other)
            }
            guard let chosen = candidates.max(by: { $0.conv < $1.conv }) else { continue }
            let inputs = nodes[chosen.conv].inputs
            nodes[chosen.conv].inputs = inputs + Array(repeating: "", count: 3 - inputs.count) + [chosen.other]
            nodes[chosen.conv].outputs = node.outputs
            removed.insert(index)
        }
        removeNodes(at: removed)
    }
}
