import Foundation
import Testing

/// `stimgen activations`, run as the user runs it, on the small CNN fixture and its input tensor.
@Suite struct ActivationsCommandTests {
    let model = NeuralFixtures.path("net_small_cnn.onnx")
    let input = NeuralFixtures.path("net_small_cnn.x.npy")

    @Test func writesOneNPYPerLayerAndAManifest() throws {
        let folder = NeuralFixtures.temporaryFolder("activations")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try StimgenProcess.run(["activations", "--model", model, "--layer", "r1", "--layer", "y",
                                             input, input, "--out", folder.path, "--summary", "csv"])
        #expect(result.status == 0, "\(result.err)")

        // Two inputs along the first axis, then each layer's shape without its batch axis.
        let r1 = try NPYFile(folder.appendingPathComponent("r1.npy"))
        #expect(r1.shape == [2, 8, 16, 16])
        #expect(r1.values.allSatisfy { $0 >= 0 })
        let y = try NPYFile(folder.appendingPathComponent("y.npy"))
        #expect(y.shape == [2, 10])
        // The softmax output equals onnxruntime's for the same tensor, for both inputs.
        let reference = try NPYFile(URL(fileURLWithPath: NeuralFixtures.path("net_small_cnn.y.npy")))
        #expect(reference.shape == [1, 10])
        for i in 0..<20 { #expect(abs(y.values[i] - reference.values[i % 10]) <= 1e-4 * max(1, abs(reference.values[i % 10]))) }

        let manifestData = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        let layers = try #require(manifest["layers"] as? [[String: Any]])
        #expect(layers.map { $0["name"] as? String } == ["r1", "y"])
        #expect(layers.map { $0["file"] as? String } == ["r1.npy", "y.npy"])
        #expect(layers.map { $0["shape"] as? [Int] } == [[2, 8, 16, 16], [2, 10]])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.count == 2 && inputs.allSatisfy { $0["kind"] as? String == "npy" })

        // summary.csv: a header, then one row per input, layer and channel (2 × (8 + 10)).
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.split(separator: "\n").count == 1 + 2 * (8 + 10))
    }

    @Test func aMissingLayerNamesTheValidOnes() throws {
        let folder = NeuralFixtures.temporaryFolder("activations")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try StimgenProcess.run(["activations", "--model", model, "--layer", "conv99", input, "--out", folder.path])
        #expect(result.status != 0)
        #expect(result.err.contains("no layer named 'conv99'"), "\(result.err)")
        let listed = result.err.components(separatedBy: "(layers: ").dropFirst().first?.split(separator: ")").first
        #expect(listed?.components(separatedBy: ", ") == ["c1", "n1", "r1", "p1", "c2", "r2", "g", "f", "logits", "y"], "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path))
    }
}
