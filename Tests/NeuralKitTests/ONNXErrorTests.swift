import Foundation
import Testing
@testable import NeuralKit

/// Bad models fail with a message naming the node, the op and what is supported — never a crash.
@Suite struct ONNXErrorTests {
    func loadError(_ file: String) -> String {
        do {
            _ = try Network.load(onnx: Fixtures.url(file))
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func unsupportedOpNamesNodeAndSupportedOps() {
        let message = loadError("errors/unsupported_op.onnx")
        #expect(message.contains("node 'erf_y' (Erf)"))
        #expect(message.contains("unsupported op Erf"))
        #expect(message.contains("(supported: Add, AveragePool, BatchNormalization"))
    }

    @Test func badAttributeValueNamesChoices() {
        let message = loadError("errors/bad_attribute.onnx")
        #expect(message.contains("(Conv)"))
        #expect(message.contains("'SIDEWAYS'"))
        #expect(message.contains("SAME_UPPER"))
    }

    @Test func unsupportedOpsetIsRefused() {
        #expect(loadError("errors/opset21.onnx").contains("opset 21 is not supported (supported: 9–20)"))
    }

    @Test func shapeMismatchNamesNode() throws {
        let network = try Network.load(onnx: Fixtures.url("errors/channel_mismatch.onnx"))
        #expect {
            _ = try network.run(["x": Tensor(shape: [1, 2, 4, 4])])
        } throws: { error in
            "\(error)".contains("node 'conv_y' (Conv)") && "\(error)".contains("2 channels")
        }
    }

    @Test func wrongInputShapeIsRefused() throws {
        let network = try Network.load(onnx: Fixtures.url("relu.onnx"))
        #expect(throws: NeuralError.self) { _ = try network.run(["x": Tensor(shape: [1, 3, 4, 5])]) }
    }

    @Test(arguments: [0.02, 0.3, 0.5, 0.75, 0.97])
    func truncatedFileIsAnErrorNotACrash(_ fraction: Double) throws {
        let data = try Data(contentsOf: Fixtures.url("net_small_cnn.onnx"))
        let cut = data.prefix(Int(Double(data.count) * fraction))
        #expect(throws: NeuralError.self) { _ = try Network(onnx: cut) }
    }

    @Test func unknownLayerIsNamed() throws {
        let network = try Network.load(onnx: Fixtures.url("relu.onnx"))
        #expect(throws: NeuralError("no tensor named 'conv9' in this model (see `stimgen layers`)")) {
            _ = try network.run(["x": Tensor(shape: [2, 3, 4, 5])], keep: ["conv9"])
        }
    }
}
