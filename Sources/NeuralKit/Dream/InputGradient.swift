extension Network {
    /// The network cut down to what computes `layer`: only the nodes it depends on, its one image
    /// input with height and width left open (so that any image size runs, as dreaming's octaves
    /// need), and `layer` as the only output.
    public func truncated(at layer: String) throws -> Network {
        guard inputs.count == 1, var input = inputs.first else {
            throw NeuralError("the model has \(inputs.count) graph inputs; dreaming needs exactly one image input")
        }
        guard nodes.contains(where: { $0.outputs.contains(layer) }) else {
            throw NeuralError("no layer named '\(layer)' in this model (see `stimgen layers`)")
        }
        var needed: Set<String> = [layer]
        var kept = [Node]()
        for node in nodes.reversed() where node.outputs.contains(where: needed.contains) {
            kept.append(node)
            needed.formUnion(node.inputs.filter { !$0.isEmpty })
        }
        if input.shape.count == 4 { input.shape[2] = nil; input.shape[3] = nil }
        var cut = self
        cut.nodes = kept.reversed()
        cut.inputs = [input]
        cut.outputs = [layer]
        cut.initializers = initializers.filter { needed.contains($0.key) }
        return cut
    }

    /// The value of `objective` on `layer` for the image `x` (the graph's one input), and its
    /// gradient with respect to `x` (same shape as `x`).
    public func objectiveGradient(_ x: Tensor, layer: String, objective: DreamObjective) throws -> (value: Double, gradient: Tensor) {
        guard inputs.count == 1, let input = inputs.first else {
            throw NeuralError("the model has \(inputs.count) graph inputs; dreaming needs exactly one image input")
        }
        let values = try run([input.name: x])
        guard let activation = values[layer] else {
            throw NeuralError("no layer named '\(layer)' in this model (see `stimgen layers`)")
        }
        let gradients = try backward(values: values, seeds: [layer: try objective.gradient(activation)])
        return (try objective.value(activation), gradients[input.name] ?? Tensor(shape: x.shape))
    }
}
