extension Network {
    /// Folds each BatchNormalization that directly follows a Conv into that Conv:
    /// W′[m] = a_m·W[m], B′[m] = a_m·B[m] + b_m with the normalisation's y = a_m·x + b_m.
    /// The Conv then writes the normalisation's output. Skipped where the Conv's output is read
    /// elsewhere, is a graph output, is named in `keeping`, or any parameter is not a fixed weight.
    mutating func foldBatchNormalisations(keeping: Set<String>) {
        var readers = [String: Int]()
        for node in nodes { for name in node.inputs { readers[name, default: 0] += 1 } }
        var removed = Set<Int>()
        for (index, node) in nodes.enumerated() {
            guard let norm = node.op as? BatchNormalization, node.inputs.count == 5, node.outputs.count == 1,
                  let convIndex = nodes.firstIndex(where: { $0.outputs == [node.inputs[0]] && $0.op is Conv }),
                  readers[node.inputs[0]] == 1, !outputs.contains(node.inputs[0]), !keeping.contains(node.inputs[0]) else { continue }
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
        nodes = nodes.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        let used = Set(nodes.flatMap(\.inputs))
        initializers = initializers.filter { used.contains($0.key) }
    }
}
