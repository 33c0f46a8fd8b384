extension Network {
    /// Fuses each Relu that directly follows a Conv, or an element-wise Add, Mul or Sum (a
    /// residual block's Add), into that node, which then clamps its own output at zero in the pass
    /// that writes it and writes the Relu's output: one tensor and one pass over memory fewer per
    /// layer. Skipped where the producer's output is read elsewhere, is a graph output or is named
    /// in `keeping` (so it can still be asked for as a layer).
    mutating func fuseRelus(keeping: Set<String>) {
        let readers = readerCounts()
        var removed = Set<Int>()
        for (index, node) in nodes.enumerated() {
            guard let activation = node.op as? Activation, activation.kind == .relu, node.outputs.count == 1,
                  let producerIndex = privateProducer(feeding: node, readers: readers, keeping: keeping),
                  var producer = nodes[producerIndex].op as? any ClampingOperator, !producer.clampsAtZero else { continue }
            producer.clampsAtZero = true
            nodes[producerIndex].op = producer
            nodes[producerIndex].outputs = node.outputs
            removed.insert(index)
        }
        removeNodes(at: removed)
    }
}
