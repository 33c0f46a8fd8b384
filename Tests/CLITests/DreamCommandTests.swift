import Foundation
import Testing

/// `stimgen dream`, run as the user runs it, on the small ONNX CNN of the NeuralKit fixtures.
@Suite struct DreamCommandTests {
    static let model = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NeuralKitTests/Fixtures/onnx/net_small_cnn.onnx").path
    let quick = ["--size", "32", "--octaves", "1", "--iterations", "1", "--jitter", "2"]

    @Test func tripPrintsTheFramesManifestAndVideoCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-dream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try StimgenProcess.run(["dream", "noise", "--model", Self.model, "--trip", "--frames-per-layer", "1",
                                             "--out", folder.path] + quick)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("manifest.json"))
        #expect(result.out.contains("ffmpeg -framerate 25"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("frame_00001.png").path))
    }

    @Test func anUnknownLayerIsNamed() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-dream-\(UUID().uuidString).png").path
        let result = try StimgenProcess.run(["dream", "noise", "--model", Self.model, "--layer", "nope", "--out", out] + quick)
        #expect(result.status != 0)
        #expect(result.err.contains("no layer named 'nope'"), "\(result.err)")
    }
}
