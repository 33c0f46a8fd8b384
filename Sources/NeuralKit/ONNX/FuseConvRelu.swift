extension Network {
    /// Fuses each Relu that directly follows a Conv into that Conv, which then clamps its own
    /// output at zero in the pass that writes it and writes the Relu's output: one tensor and one
    /// pass over memory fewer per layer. Skipped where the Conv's output is read elsewhere, is a
    /// graph output or is named in `keeping` (so it can still be asked for as a layer).
    mutating func fuseConvRelus(keeping: Set<String>) {
        let readers = readerCounts()
        var removed = Set<Int>()
        for (index, node) in nodes.enumerated() {
            guard let activation = node.op as? Activation, activation.kind == .relu, node.outputs.count == 1,
                  let convIndex = privateConv(feeding: node, readers: readers, keeping: keeping),
                  var conv = nodes[convIndex].op as? Conv, !conv.clampsAtZero else { continue }
            conv.clampsAtZero = true
            nodes[convIndex].op = conv
            nodes[convIndex].outputs = node.outputs
            removed.insert(index)
        }
        removeNodes(at: removed)
    }
}
