import Foundation
import StimulusKit
import Testing
@testable import NeuralKit

/// Feature visualisation: the gradient through image, transforms and model against finite
/// differences, the objective's rise, bit-for-bit reproduction, and the grid the job writes.
@Suite struct FeatureVisualizationTests {
    func visualization() throws -> FeatureVisualization {
        try FeatureVisualization(network: try dreamTestGraph(.sigmoid), layer: "act2", preprocessing: Preprocessing(inputSize: 24))
    }

    func settings(size: Int = 24, steps: Int) -> VisualizationSettings {
        var s = VisualizationSettings()
        s.sizePx = size
        s.steps = steps
        return s
    }

    @Test func theParameterGradientMatchesFiniteDifferences() throws {
        let v = try visualization()
        let image = FourierImage(height: 16, width: 16)
        var random = SeededGenerator(seed: 3)
        let parameters = image.initialParameters(random: &random).map { $0 * 30 }
        let maps = RandomTransforms.draw(height: 16, width: 16, random: &random)
        let objective = DreamObjective.channelMean(1)
        let gradient = try v.objectiveGradient(parameters, image: image, transforms: maps, objective: objective).gradient
        let (worst, largest) = try finiteDifferenceError(parameters, gradient: gradient, elements: stride(from: 5, to: parameters.count, by: 37),
                                                         h: 1e-2) { p in
            try v.objectiveGradient(p, image: image, transforms: maps, objective: objective).value
        }
        #expect(largest > 0)
        #expect(worst <= 2e-2 * largest, "worst \(worst), largest \(largest)")
    }

    @Test func theObjectiveRisesOverTheOptimisation() throws {
        let objectives = try visualization().visualize(channel: 2, settings: settings(steps: 48)).objectives
        let first = objectives.prefix(8).reduce(0, +) / 8, last = objectives.suffix(8).reduce(0, +) / 8
        #expect(last > first + 0.05, "mean of the first 8 steps \(first), of the last 8 \(last)")
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        let v = try visualization()
        let a = try v.visualize(channel: 0, settings: settings(steps: 6)).image
        let b = try v.visualize(channel: 0, settings: settings(steps: 6)).image
        var other = settings(steps: 6)
        other.seed = 1
        let c = try v.visualize(channel: 0, settings: other).image
        #expect(a == b)
        #expect(a != c)
    }

    @Test func theJobTilesEveryChannelAndNamesEachTile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("visualize-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Unfused, so that the Relu nodes (which loading otherwise fuses into their convs) can be named.
        let network = try Network.load(onnx: Fixtures.url("net_small_cnn.onnx"), foldingBatchNorm: false)
        let layer = try #require(network.nodes.first { $0.opType == "Relu" }?.outputs.first)
        let job = VisualizationJob(model: .onnx(Fixtures.url("net_small_cnn.onnx")), layer: layer, channels: [], preprocessing: .imageNet, settings: settings(size: 16, steps: 2))
        let output = folder.appendingPathComponent("grid.png")
        let manifest = try job.run(to: output, generator: "test")
        let cut = try network.truncated(at: layer)
        let channels = try cut.run([cut.inputs[0].name: Tensor(shape: [1, 3, 16, 16])], keep: [layer])[layer]!.shape[1]
        #expect(manifest.tiles.map(\.channel) == Array(0..<channels))
        // Tiles of 16 px with 4 px gaps, ⌈√channels⌉ columns.
        let columns = Int(Double(channels).squareRoot().rounded(.up)), rows = (channels + columns - 1) / columns
        let png = try PNGCodec.read(output)
        #expect(png.width == 4 + columns * 20 && png.height == 4 + rows * 20)
        #expect(manifest.tiles[1].xPx == 24 && manifest.tiles[1].yPx == 4)
        let saved = try JSONDecoder().decode(VisualizationJob.Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("grid.json")))
        #expect(saved.tiles.count == channels)
    }
}
