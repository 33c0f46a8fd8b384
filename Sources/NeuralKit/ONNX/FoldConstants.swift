extension Network {
    /// Evaluates once, at import, every node whose inputs are all fixed tensors (initialisers, or
    /// outputs of nodes evaluated so before it): ONNX Constant nodes, and what exporters leave on
    /// weights, such as torch's Identity nodes that give a weight shared by several layers a second
    /// name. Their outputs become initialisers: they are weights, not layers a stimulus drives, so
    /// `stimgen layers` does not list them and the later folding passes can read them as weights
    /// (a Clip's bounds, a Reshape's shape).
    mutating func foldConstants() throws {
        var removed = Set<Int>()
        for (index, node) in nodes.enumerated() where node.inputs.allSatisfy({ $0.isEmpty || initializers[$0] != nil }) {
            let results: [Tensor]
            do { results = try node.op.forward(node.inputs.map { $0.isEmpty ? nil : initializers[$0] }) } catch let error as NeuralError {
                throw NeuralError.node(node.name, node.opType, error.message)
            }
            for (name, value) in zip(node.outputs, results) where !name.isEmpty { initializers[name] = value }
            removed.insert(index)
        }
        removeNodes(at: removed)
    }
}
