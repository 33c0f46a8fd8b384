import Testing
@testable import NeuralKit

/// A batch run as one part per thread (`Network.runInParts`) gives the batch's outputs, and is
/// refused for graphs where some node mixes images.
@Suite(.serialized) struct ImagePartsTests {
    func node(_ name: String, _ type: String, _ inputs: [String], _ op: any Operator) -> Network.Node {
        Network.Node(name: name, opType: type, inputs: inputs, outputs: [name], op: op)
    }

    /// conv 3→8 (3×3, pad 1) → Relu → max pool 2×2 → Flatten → Gemm (512 → 10) → Softmax.
    func classifier(gemmWeight: String = "w2") throws -> Network {
        Network(
            nodes: [
                node("conv", "Conv", ["image", "w1", "b1"], try Conv(Attributes(["pads": .ints([1, 1, 1, 1])]))),
                node("relu", "Relu", ["conv"], Activation(.relu)),
                node("pool", "MaxPool", ["relu"], try Pool(.max, Attributes(["kernel_shape": .ints([2, 2]), "strides": .ints([2, 2])]))),
                node("flat", "Flatten", ["pool"], Reshaping(.flatten(axis: 1))),
                node("fc", "Gemm", ["flat", gemmWeight, "b2"], try Gemm(Attributes(["transB": .int(1)]))),
                node("prob", "Softmax", ["fc"], try Softmax(Attributes(["axis": .int(1)]), opset: 13)),
            ],
            initializers: [
                "w1": seededTensor([8, 3, 3, 3], seed: 1), "b1": seededTensor([8], seed: 2),
                "w2": seededTensor([10, 512], seed: 3), "b2": seededTensor([10], seed: 4),
            ],
            inputs: [.init(name: "image", shape: [nil, 3, 16, 16])],
            outputs: ["prob"])
    }

    @Test func partsGiveTheOutputsOfEachImageRunAlone() throws {
        let network = try classifier()
        #expect(network.computesImagesSeparately)
        let batch = seededTensor([5, 3, 16, 16], seed: 5)
        let keep: Set<String> = ["prob", "pool"]
        let joined = try #require(try network.runInParts(["image": batch], keep: keep, parts: 3))
        for name in keep {
            let whole = try #require(joined[name])
            #expect(whole.shape.first == 5)
            for image in 0..<5 {
                let alone = try network.run(["image": batch.images(image..<image + 1)], keep: [name])[name]!
                let part = whole.images(image..<image + 1)
                #expect(part.shape == alone.shape)
                #expect(zip(part.data, alone.data).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) }, "\(name), image \(image)")
            }
        }
    }

    @Test func graphsThatMixImagesAreNotSplit() throws {
        // Gemm's B read from the images (not a weight), and a Reshape that may move images.
        var mixing = try classifier(gemmWeight: "flat")
        #expect(!mixing.computesImagesSeparately)
        mixing = try classifier()
        mixing.initializers["shape"] = Tensor(shape: [2], data: [-1, 512])
        mixing.nodes[3] = node("flat", "Reshape", ["pool", "shape"], Reshaping(.reshape(allowZero: false)))
        #expect(!mixing.computesImagesSeparately)
        #expect(try mixing.runInParts(["image": seededTensor([4, 3, 16, 16], seed: 6)], keep: ["prob"], parts: 2) == nil)
        // A single image, or a kept weight, is not split either.
        let network = try classifier()
        #expect(try network.runInParts(["image": seededTensor([1, 3, 16, 16], seed: 7)], keep: ["prob"], parts: 2) == nil)
        #expect(try network.runInParts(["image": seededTensor([4, 3, 16, 16], seed: 7)], keep: ["w1"], parts: 2) == nil)
    }
}
