/// A computation graph of operators over named tensors (the form an ONNX model is imported into).
/// Node outputs are the "layers" whose activations stimgen reports.
public struct Network: Sendable {
    /// One node: its operator, and the names of the tensors it reads and writes
    /// (an empty input name is an absent optional input).
    public struct Node: Sendable {
        public var name: String
        public var opType: String
        public var inputs: [String]
        public var outputs: [String]
        public var op: any Operator
    }

    /// A graph input that is not a weight: its name and shape (nil where the extent is symbolic).
    public struct Input: Sendable, Equatable {
        public var name: String
        public var shape: [Int?]
    }

    /// Nodes in an order where every input is produced before it is read.
    public var nodes: [Node]
    /// Weights and other fixed tensors by name.
    public var initializers: [String: Tensor]
    public var inputs: [Input]
    public var outputs: [String]

    /// Runs the graph forward. `feeds` gives every graph input; `keep` names the tensors to
    /// return (nil: every tensor, as `backward` needs). Tensors nothing later reads are freed early.
    public func run(_ feeds: [String: Tensor], keep: Set<String>? = nil) throws -> [String: Tensor] {
        TensorMemory.retainFreedBlocks
        var values = initializers
        for input in inputs {
            guard let tensor = feeds[input.name] else {
                throw NeuralError("graph input '\(input.name)' was not given (inputs: \(inputs.map(\.name).joined(separator: ", ")))")
            }
            let matches = tensor.rank == input.shape.count
                && zip(tensor.shape, input.shape).allSatisfy { $1 == nil || $0 == $1 }
            guard matches else {
                throw NeuralError("graph input '\(input.name)' expects shape \(input.shape.map { $0.map(String.init) ?? "?" }), got \(tensor.shape)")
            }
            values[input.name] = tensor
        }
        let wanted = keep ?? []
        for name in wanted where !isProduced(name) {
            throw NeuralError("no tensor named '\(name)' in this model (see `stimgen layers`)")
        }
        var lastUse = [String: Int]()
        for (index, node) in nodes.enumerated() { for name in node.inputs { lastUse[name] = index } }

        for (index, node) in nodes.enumerated() {
            let arguments = try node.inputs.map { name -> Tensor? in
                if name.isEmpty { return nil }
                guard let value = values[name] else {
                    throw NeuralError.node(node.name, node.opType, "input '\(name)' is not available")
                }
                return value
            }
            let results = try Network.attribute(node) { try node.op.forward(arguments) }
            guard results.count >= node.outputs.count else {
                throw NeuralError.node(node.name, node.opType, "declares \(node.outputs.count) outputs but computes \(results.count)")
            }
            for (name, value) in zip(node.outputs, results) where !name.isEmpty { values[name] = value }
            if keep != nil {
                for name in node.inputs where lastUse[name] == index && !wanted.contains(name) && initializers[name] == nil {
                    values[name] = nil
                }
            }
        }
        guard let keep else { return values }
        return values.filter { keep.contains($0.key) }
    }

    /// Gradients of a scalar loss with respect to every tensor upstream of `seeds`, where `seeds`
    /// gives the loss's gradient with respect to some tensors and `values` are the tensors of a
    /// `run(_:keep: nil)`.
    public func backward(values: [String: Tensor], seeds: [String: Tensor]) throws -> [String: Tensor] {
        var gradients = seeds
        for node in nodes.reversed() where node.outputs.contains(where: { gradients[$0] != nil }) {
            let arguments = node.inputs.map { $0.isEmpty ? nil : values[$0] }
            let outputs = try node.outputs.map { name -> Tensor in
                guard let value = values[name] else { throw NeuralError.node(node.name, node.opType, "output '\(name)' was not kept by the forward run") }
                return value
            }
            let outputGradients = zip(node.outputs, outputs).map { gradients[$0] ?? Tensor(shape: $1.shape) }
            let inputGradients = try Network.attribute(node) {
                try node.op.backward(arguments, outputs: outputs, outputGradients: outputGradients)
            }
            for (name, gradient) in zip(node.inputs, inputGradients) where !name.isEmpty {
                guard let gradient else { continue }
                if var sum = gradients[name] {
                    for i in 0..<sum.count { sum.data[i] += gradient.data[i] }
                    gradients[name] = sum
                } else {
                    gradients[name] = gradient
                }
            }
        }
        return gradients
    }

    /// Whether a tensor of this name exists (an initialiser, a graph input, or a node output).
    public func isProduced(_ name: String) -> Bool {
        initializers[name] != nil || inputs.contains { $0.name == name } || nodes.contains { $0.outputs.contains(name) }
    }

    /// Runs `body`, prefixing any NeuralError with the node's name and op.
    private static func attribute<T>(_ node: Node, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as NeuralError {
            throw NeuralError.node(node.name, node.opType, error.message)
        }
    }
}
