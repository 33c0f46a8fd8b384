import Foundation
import Testing
@testable import NeuralKit

/// Every fixture graph against onnxruntime's output for it (within 1e-4 relative).
@Suite struct ONNXReferenceTests {
    @Test(arguments: Fixtures.caseNames)
    func matchesOnnxruntime(_ name: String) throws {
        let (got, expected, _) = try Fixtures.evaluate(name)
        #expect(got.shape == expected.shape, "\(name): shape")
        #expect(maxRelativeError(got, expected) <= 1e-4, "\(name): max relative error \(maxRelativeError(got, expected))")
    }

    @Test func foldsBatchNormIntoConvUnlessTheConvOutputIsWanted() throws {
        let folded = try Fixtures.evaluate("conv_batchnorm_folded")
        #expect(folded.network.nodes.map(\.opType) == ["Conv"])
        #expect(maxRelativeError(folded.got, folded.expected) <= 1e-4)
        let kept = try Fixtures.evaluate("conv_batchnorm_folded", unfolded: ["c"])
        #expect(kept.network.nodes.map(\.opType) == ["Conv", "BatchNormalization"])
        #expect(maxRelativeError(kept.got, kept.expected) <= 1e-4)
    }

    @Test func fusesReluIntoConvUnlessTheConvOutputIsWanted() throws {
        let fused = try Network.load(onnx: Fixtures.url("net_small_cnn.onnx"))
        #expect(!fused.nodes.contains { $0.opType == "Relu" })
        #expect(!fused.isProduced("n1") && fused.isProduced("r1"))
        let kept = try Network.load(onnx: Fixtures.url("net_small_cnn.onnx"), unfolded: ["n1"])
        #expect(kept.isProduced("n1") && kept.isProduced("r1"))
        let listing = try Network.load(onnx: Fixtures.url("net_small_cnn.onnx"), foldingBatchNorm: false)
        #expect(listing.nodes.filter { $0.opType == "Relu" }.count == 2)
    }

    @Test func readsExternalData() throws {
        let (got, expected, _) = try Fixtures.evaluate("external_data")
        #expect(maxRelativeError(got, expected) <= 1e-4)
    }

    @Test func listsLayersWithShapes() throws {
        let network = try Network.load(onnx: Fixtures.url("net_small_cnn.onnx"), foldingBatchNorm: false)
        let layers = try network.layers(["x": Tensor(shape: [1, 3, 32, 32])])
        // 32 px, 5×5 kernel, stride 2, pad 2 → 16; 3×3/2 ceil-mode pool → 8.
        #expect(layers.map(\.name) == ["c1", "n1", "r1", "p1", "c2", "r2", "g", "f", "logits", "y"])
        #expect(layers.first { $0.name == "n1" }?.shape == [1, 8, 16, 16])
        #expect(layers.first { $0.name == "p1" }?.shape == [1, 8, 8, 8])
        #expect(layers.first { $0.name == "y" }?.shape == [1, 10])
    }
}
