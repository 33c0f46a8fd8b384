import Foundation
import Testing
import StimulusKit
@testable import NeuralKit

/// `stimgen dream` end to end on a small ONNX CNN: the single dream and the layer-by-layer trip.
@Suite struct DreamJobTests {
    func job(layers: [String]) -> DreamJob {
        var settings = DreamSettings()
        settings.octaves = 2
        settings.iterationsPerOctave = 2
        settings.jitterPx = 4
        return DreamJob(model: .onnx(Fixtures.url("net_small_cnn.onnx")), layers: layers, input: "noise",
                        preprocessing: Preprocessing(inputSize: 32), stimulusDirectory: URL(fileURLWithPath: "/nonexistent"),
                        settings: settings)
    }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dream-\(UUID().uuidString)")
    }

    @Test func dreamWritesThePNG() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let network = try Network.load(onnx: Fixtures.url("net_small_cnn.onnx"), foldingBatchNorm: false)
        let layer = try #require(network.nodes.first { $0.opType == "Relu" }?.outputs.first)
        let output = directory.appendingPathComponent("dream.png")
        let objectives = try job(layers: [layer]).dream(to: output)
        #expect(objectives.count == 4)
        let image = try PNGCodec.read(output)
        #expect(image.width == 32 && image.height == 32)
        #expect(throws: NeuralError.self) { try job(layers: []).dream(to: output) }
    }

    @Test func tripWritesNumberedFramesPerLayerAndAManifest() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let network = try Network.load(onnx: Fixtures.url("net_small_cnn.onnx"), foldingBatchNorm: false)
        let relus = network.nodes.filter { $0.opType == "Relu" }.compactMap(\.outputs.first)
        var reported = [Int]()
        let manifest = try job(layers: []).trip(into: directory, framesPerLayer: 2, zoom: 0.05, generator: "test") { done, _, _ in
            reported.append(done)
        }
        #expect(manifest.segments.map(\.layer) == relus)
        #expect(manifest.segments.map(\.firstFrame) == relus.indices.map { 2 * $0 + 1 })
        #expect(reported == Array(1...2 * relus.count))
        for number in 1...2 * relus.count {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(DreamJob.frameName(number)).path))
        }
        #expect(DreamJob.frameName(12) == "frame_00012.png")
        #expect(manifest.ffmpeg.contains("frame_%05d.png"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("manifest.json").path))
        #expect(throws: NeuralError.self) { try job(layers: []).trip(into: directory, framesPerLayer: 1, zoom: 0.05, generator: "test") }
    }
}
