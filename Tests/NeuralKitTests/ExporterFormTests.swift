import Foundation
import Testing
@testable import NeuralKit

/// Forms torch.onnx.export writes into real torchvision models (bench/neural/torchvision_check.sh
/// found them); ONNXReferenceTests checks these fixtures' outputs against onnxruntime.
@Suite struct ExporterFormTests {
    @Test func nodesOnWeightsAreEvaluatedAtImportAndAreNotLayers() throws {
        // torch gives a weight shared by two layers a second name through an Identity node.
        let shared = try Network.load(onnx: Fixtures.url("identity_shared_weight.onnx"), foldingBatchNorm: false)
        #expect(shared.nodes.map(\.opType) == ["Conv", "Relu", "Conv"])
        #expect(shared.initializers["b_copy"] != nil && shared.initializers["b_copy"] == shared.initializers["b"])
        #expect(try shared.layers(inputSize: nil).map(\.name) == ["c", "r", "y"])

        // MobileNetV2's ReLU6 at opset 11 and later: Clip with Constant-node bounds 0 and 6.
        let clip = try Network.load(onnx: Fixtures.url("clip_constant_node_bounds_opset11.onnx"), foldingBatchNorm: false)
        #expect(clip.nodes.map(\.opType) == ["Clip"])
        #expect(clip.initializers["lo"]?.data == [0] && clip.initializers["hi"]?.data == [6])
        #expect(try clip.layers(inputSize: nil).map(\.name) == ["y"])
    }

    @Test func aLayerWithoutTheBatchAxisIsAnErrorNamingItNotACrash() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-exporter-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Fixtures.url("reshape_to_vector.x.npy").path
        let job = ActivationExtraction.Job(model: .onnx(Fixtures.url("reshape_to_vector.onnx")), layers: ["y"], inputs: [input],
                                           outputDirectory: dir, stimulusDirectory: dir, generator: "test")
        // 1 × 3 × 6 × 6 = 108 elements, reshaped to one axis.
        #expect(throws: NeuralError("layer 'y' has shape [108] for input '\(input)'; activations are written only for layers that keep "
                                    + "the batch axis first and one shape for every input")) { _ = try ActivationExtraction.run(job) }
    }
}
