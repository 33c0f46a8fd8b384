import Foundation
import Testing
@testable import NeuralKit

@Suite struct ActivationExtractionTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-activations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesLayersManifestSummaryAndRDMs() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = (0..<3).map { seededTensor([1, 3, 32, 32], seed: 40 + UInt64($0)) }
        var paths = [String]()
        for (i, input) in inputs.enumerated() {
            let url = dir.appendingPathComponent("in\(i).npy")
            try NPY.write(input, to: url)
            paths.append(url.path)
        }
        let out = dir.appendingPathComponent("out")
        let job = ActivationExtraction.Job(model: .onnx(Fixtures.url("net_small_cnn.onnx")), layers: ["r1", "y"], inputs: paths,
                                           outputDirectory: out, stimulusDirectory: dir, summary: true,
                                           rdmMetrics: [.correlation, .euclidean], generator: "test")
        var progress = [Int]()
        let manifest = try ActivationExtraction.run(job) { done, _, _ in progress.append(done) }
        #expect(progress == [1, 2, 3])
        #expect(manifest.layers.map(\.shape) == [[3, 8, 16, 16], [3, 10]])
        #expect(manifest.preprocessing.inputSize == 32)

        // Each input's row equals a separate run of the network on it.
        let network = try Network.load(onnx: Fixtures.url("net_small_cnn.onnx"))
        let stacked = try NPY.read(out.appendingPathComponent("y.npy"))
        for (i, input) in inputs.enumerated() {
            let y = try network.run(["x": input], keep: ["y"])["y"]!
            #expect(maxRelativeError(Tensor(shape: [10], data: Array(stacked.data[i * 10..<(i + 1) * 10])), y.reshaped([10])) < 1e-6)
        }
        let rdm = try NPY.read(out.appendingPathComponent("rdm_y_euclidean.npy"))
        let expected01 = zip(stacked.data[0..<10], stacked.data[10..<20]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        #expect(abs(rdm.data[1] - expected01) < 1e-5)
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.split(separator: "\n").count == 1 + 3 * (8 + 10))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("rdm_r1_correlation.csv").path))

        // A second run into the same folder must not silently replace the first.
        #expect(throws: NeuralError.self) { _ = try ActivationExtraction.run(job) }
    }

    @Test func unknownLayerAndStimulusAreNamed() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let job = ActivationExtraction.Job(model: .onnx(Fixtures.url("net_small_cnn.onnx")), layers: ["conv99"], inputs: ["x"],
                                           outputDirectory: dir.appendingPathComponent("o"), stimulusDirectory: dir, generator: "test")
        #expect(throws: NeuralError("no layer named 'conv99' (layers: c1, n1, r1, p1, c2, r2, g, f, logits, y)")) { _ = try ActivationExtraction.run(job) }
        var named = job
        named.layers = ["y"]
        named.inputs = ["no_such_stimulus"]
        #expect { _ = try ActivationExtraction.run(named) } throws: { "\($0)".contains("'no_such_stimulus' is not a .npy, .png or .yaml file") }
    }

    @Test func layerFileNamesAreSafe() {
        #expect(ActivationExtraction.fileName(for: "/features/features.0/Conv_output_0") == "features.features.0.Conv_output_0")
    }
}
