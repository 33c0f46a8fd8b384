@testable import NeuralKit

/// A small fully convolutional graph for the dreaming tests: conv 3→4 (3×3, pad 1) → `activation`
/// → conv 4→6 (3×3, stride 2) → `activation` → a 1×1 conv head that dreaming must cut away.
func dreamTestGraph(_ activation: Activation.Kind) throws -> Network {
    func node(_ name: String, _ type: String, _ inputs: [String], _ op: any Operator) -> Network.Node {
        Network.Node(name: name, opType: type, inputs: inputs, outputs: [name], op: op)
    }
    let pad = try Conv(Attributes(["pads": .ints([1, 1, 1, 1])]))
    let stride = try Conv(Attributes(["strides": .ints([2, 2])]))
    return Network(
        nodes: [
            node("conv1", "Conv", ["image", "w1", "b1"], pad),
            node("act1", "Act", ["conv1"], Activation(activation)),
            node("conv2", "Conv", ["act1", "w2", "b2"], stride),
            node("act2", "Act", ["conv2"], Activation(activation)),
            node("head", "Conv", ["act2", "w3", ""], try Conv(Attributes())),
        ],
        initializers: [
            "w1": seededTensor([4, 3, 3, 3], seed: 11), "b1": seededTensor([4], seed: 12),
            "w2": seededTensor([6, 4, 3, 3], seed: 13), "b2": seededTensor([6], seed: 14),
            "w3": seededTensor([2, 6, 1, 1], seed: 15),
        ],
        inputs: [.init(name: "image", shape: [1, 3, 16, 16])],
        outputs: ["head"])
}
