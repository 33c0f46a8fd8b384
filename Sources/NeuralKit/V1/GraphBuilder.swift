/// Collects the nodes and weights of a graph written in code, one node per named output tensor.
struct GraphBuilder {
    private(set) var nodes: [Network.Node] = []
    private(set) var initializers: [String: Tensor] = [:]

    /// Adds a node computing the tensor `name` (the node has the same name) and returns `name`.
    @discardableResult
    mutating func add(_ name: String, _ opType: String, _ inputs: [String], _ op: any Operator) -> String {
        nodes.append(Network.Node(name: name, opType: opType, inputs: inputs, outputs: [name], op: op))
        return name
    }

    /// Adds a convolution whose weight (and bias) are stored as `name.weight` (`name.bias`).
    /// `stride` is in input pixels; there is no padding.
    @discardableResult
    mutating func conv(_ name: String, _ input: String, weight: Tensor, bias: Tensor? = nil, group: Int = 1, stride: Int = 1) throws -> String {
        initializers[name + ".weight"] = weight
        if let bias { initializers[name + ".bias"] = bias }
        let op = try Conv(Attributes(["group": .int(group), "strides": .ints([stride, stride])]))
        return add(name, "Conv", [input, name + ".weight", bias == nil ? "" : name + ".bias"], op)
    }

    /// The finished graph.
    func network(inputs: [Network.Input], outputs: [String]) -> Network {
        Network(nodes: nodes, initializers: initializers, inputs: inputs, outputs: outputs)
    }
}
