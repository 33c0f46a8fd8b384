extension Network {
    /// Folds each BatchNormalization that directly follows a Conv into that Conv:
    /// W′[m] = a_m·W[m], B′[m] = a_m·B[m] + b_m with the normalisation's y = a_m·x + b_m.
    /// The Conv then writes the normalisation's output. Skipped where the Conv's output is read
    /// elsewhere, is a graph output, is named in `keeping`, or any parameter is not a fixed weight.
    mutating func foldBatchNormalisations(keeping: Set<String>) {
        let readers = readerCounts()
        var removed = Set<Int>()
        for (index, node) in nodes.enumerated() {
            guard let norm = node.op as? BatchNormalization, node.inputs.count == 5, node.outputs.count == 1,
                  let convIndex = privateProducer(feeding: node, readers: readers, keeping: keeping),
                  nodes[convIndex].op is Conv else { continue }
            let conv = nodes[convIndex]
            let parameters = node.inputs[1...4].compactMap { initializers[$0] }
            guard parameters.count == 4, conv.inputs.count >= 2, let weight = initializers[conv.inputs[1]],
                  weight.rank == 4, parameters.allSatisfy({ $0.shape == [weight.shape[0]] }) else { continue }
            let bias = conv.inputs.count > 2 && !conv.inputs[2].isEmpty ? initializers[conv.inputs[2]] : Tensor(shape: [weight.shape[0]])
            guard let bias, bias.shape == [weight.shape[0]] else { continue }

            let (a, b) = norm.affine(scale: parameters[0], bias: parameters[1], mean: parameters[2], variance: parameters[3])
            var foldedWeight = weight, foldedBias = bias
            let perFilter = weight.count / weight.shape[0]
            for m in 0..<weight.shape[0] {
                for i in m * perFilter..<(m + 1) * perFilter { foldedWeight.data[i] *= a[m] }
                foldedBias.data[m] = a[m] * bias.data[m] + b[m]
            }
            let output = node.outputs[0]
            initializers[output + "::folded_weight"] = foldedWeight
            initializers[output + "::folded_bias"] = foldedBias
            nodes[convIndex].inputs = [conv.inputs[0], output + "::folded_weight", output + "::folded_bias"]
            nodes[convIndex].outputs = [output]
            removed.insert(index)
        }
        removeNodes(at: removed)
    }

    /// How many node inputs read each tensor.
    func readerCounts() -> [String: Int] {
        var readers = [String: Int]()
        for node in nodes { for name in node.inputs { readers[name, default: 0] += 1 } }
        return readers
    }

    /// The index of the node whose single output is `source` and is read by one node input only
    /// (the node that would take over its work): not by another node, not as a graph output, not
    /// as a name in `keeping`. Such a node can take that reader's work into its own output pass.
    func privateProducer(of source: String, readers: [String: Int], keeping: Set<String>) -> Int? {
        guard readers[source] == 1, !outputs.contains(source), !keeping.contains(source) else { return nil }
        return nodes.firstIndex { $0.outputs == [source] }
    }

    /// `privateProducer(of:)` for `node`'s first input.
    func privateProducer(feeding node: Node, readers: [String: Int], keeping: Set<String>) -> Int? {
        node.inputs.first.flatMap { privateProducer(of: $0, readers: readers, keeping: keeping) }
    }

    /// Drops the nodes at `indices` and the initialisers no remaining node reads and no graph
    /// output names.
    mutating func removeNodes(at indices: Set<Int>) {
        nodes = nodes.enumerated().filter { !indices.contains($0.offset) }.map(\.element)
        let used = Set(nodes.flatMap(\.inputs)).union(outputs)
        initializers = initializers.filter { used.contains($0.key) }
    }
}
