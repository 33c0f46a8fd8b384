/// One layer (node output) as `stimgen layers` lists it.
public struct LayerInfo: Sendable, Equatable {
    /// The tensor name to pass to `stimgen activations --layer`.
    public var name: String
    /// The name and op type of the node computing it.
    public var node: String
    public var opType: String
    /// Shape for one input image (batch 1).
    public var shape: [Int]
}

extension Network {
    /// Every node output in graph order with its shape for these inputs.
    public func layers(_ feeds: [String: Tensor]) throws -> [LayerInfo] {
        let values = try run(feeds)
        return nodes.flatMap { node in
            node.outputs.filter { !$0.isEmpty }.compactMap { name in
                values[name].map { LayerInfo(name: name, node: node.name, opType: node.opType, shape: $0.shape) }
            }
        }
    }

    /// Every layer for one image of `size` × `size` px (batch 1), where the model's input
    /// leaves the size open; a model with a fixed input size uses its own (`size` nil or equal).
    public func layers(inputSize size: Int?) throws -> [LayerInfo] {
        guard inputs.count == 1, let input = inputs.first else {
            throw NeuralError("the model has \(inputs.count) graph inputs; layer listing needs exactly one")
        }
        let shape = try input.shape.enumerated().map { axis, extent -> Int in
            switch (axis, extent) {
            case (0, _): return 1
            case (1, nil): return 3
            case (_, let fixed?) where axis >= 2 && size != nil && fixed != size:
                throw NeuralError("the model's input '\(input.name)' is fixed at \(fixed) px; --size \(size!) does not fit")
            case (_, let fixed?): return fixed
            case (_, nil):
                guard let size else { throw NeuralError("the model's input '\(input.name)' has an open size; give one with --size") }
                return size
            }
        }
        return try layers([input.name: Tensor(shape: shape)])
    }
}
