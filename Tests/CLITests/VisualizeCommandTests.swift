import Foundation
import Testing

/// `stimgen visualize`, and the built-in V1 model named as `--model v1` by the model commands,
/// run as the user runs them.
@Suite struct VisualizeCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let model = root.appendingPathComponent("Tests/NeuralKitTests/Fixtures/onnx/net_small_cnn.onnx").path

    func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-visualize-\(UUID().uuidString)-\(name)")
    }

    @Test func severalChannelsMakeOneGridAndAManifest() throws {
        let out = temporary("grid.png")
        let manifest = out.deletingPathExtension().appendingPathExtension("json")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: manifest) }
        let result = try StimgenProcess.run(["visualize", "--model", "v1", "--layer", "complex@6cpd", "--channel", "0", "4",
                                             "--size", "32", "--steps", "2", "--out", out.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("channel 4: objective"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any]
        #expect((json?["tiles"] as? [Any])?.count == 2)
        #expect(json?["model"] as? String == "v1")
    }

    @Test func withoutChannelsOrGridItSaysWhatToName() throws {
        let result = try StimgenProcess.run(["visualize", "--model", Self.model, "--layer", "r1", "--out", temporary("x.png").path])
        #expect(result.status != 0)
        #expect(result.err.contains("--channel N"), "\(result.err)")
    }

    @Test func layersListsTheV1Graph() throws {
        let result = try StimgenProcess.run(["layers", "v1"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("opponent") && result.out.contains("conjunctive@1.5cpd"))
        #expect(result.out.contains("[1, 24, 44, 44]"), "complex@1.5cpd: 49 px kernels every 4 px over 224 px")
    }

    @Test func activationsAndDreamRunOnV1() throws {
        let folder = temporary("acts")
        let dream = temporary("dream.png")
        defer { try? FileManager.default.removeItem(at: folder); try? FileManager.default.removeItem(at: dream) }
        let acts = try StimgenProcess.run(["activations", "--model", "v1", "--layer", "complex@6cpd", "gabor_45",
                                           "--stimuli", Self.root.appendingPathComponent("Stimuli").path, "--out", folder.path])
        #expect(acts.status == 0, "\(acts.err)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("complex.6cpd.npy").path))
        let dreamed = try StimgenProcess.run(["dream", "noise", "--model", "v1", "--layer", "complex@6cpd", "--size", "48",
                                              "--octaves", "1", "--iterations", "2", "--jitter", "2", "--out", dream.path])
        #expect(dreamed.status == 0, "\(dreamed.err)")
        #expect(FileManager.default.fileExists(atPath: dream.path))
    }
}
