import Foundation
import StimulusKit

/// `stimgen visualize`: feature visualisations of channels of one layer, written as one PNG (a
/// grid when there are several) and a JSON manifest beside it saying which tile is which channel.
public struct VisualizationJob: Sendable {
    public var model: ModelSource
    /// Tensor or node name, as `stimgen layers` lists it.
    public var layer: String
    /// Channels to visualise, in grid order; empty: every channel of the layer.
    public var channels: [Int]
    /// Model-input preprocessing as the model needs it (`ModelSource.preprocessing`).
    public var preprocessing: Preprocessing
    public var settings: VisualizationSettings

    public init(model: ModelSource, layer: String, channels: [Int], preprocessing: Preprocessing,
                settings: VisualizationSettings = VisualizationSettings()) {
        self.model = model
        self.layer = layer
        self.channels = channels
        var sized = preprocessing
        sized.inputSize = settings.sizePx
        sized.resizeTo = max(sized.resizeTo, settings.sizePx)
        self.preprocessing = model.preprocessing(sized)
        self.settings = settings
    }

    /// What was written: the settings, and where each channel's tile lies in the PNG.
    public struct Manifest: Codable, Sendable {
        public struct Tile: Codable, Sendable {
            public var channel: Int
            /// Top-left corner of the tile in the PNG (px).
            public var xPx: Int
            public var yPx: Int
            /// The channel's mean activation before the first and the last step.
            public var firstObjective: Double
            public var lastObjective: Double
        }
        public var generator: String
        public var model: String
        public var layer: String
        public var tileSizePx: Int
        public var settings: VisualizationSettings
        public var preprocessing: Preprocessing
        public var tiles: [Tile]
    }

    /// Visualises every channel and writes the PNG to `output` and the manifest beside it (same
    /// name, .json). `progress(done, total, label)` follows each step.
    public func run(to output: URL, generator: String, progress: (Int, Int, String) -> Void = { _, _, _ in }) throws -> Manifest {
        try settings.validate()
        let (network, resolved) = try DreamJob.load(model, layers: [layer])
        let visualization = try FeatureVisualization(network: network, layer: resolved[0], preprocessing: preprocessing)
        let chosen = channels.isEmpty ? Array(0..<(try channelCount(visualization))) : channels
        let grid = ImageGrid(count: chosen.count, tilePx: settings.sizePx)
        var tiles = [DisplayImage](), entries = [Manifest.Tile]()
        let total = chosen.count * settings.steps
        for (index, channel) in chosen.enumerated() {
            let result = try visualization.visualize(channel: channel, settings: settings) { done, _ in
                progress(index * settings.steps + done, total, "channel \(channel)")
            }
            tiles.append(result.image)
            let (x, y) = grid.origin(index)
            entries.append(.init(channel: channel, xPx: x, yPx: y, firstObjective: result.objectives.first ?? 0,
                                 lastObjective: result.objectives.last ?? 0))
        }
        do { try PNGCodec.write(grid.sheet(tiles), to: output) } catch {
            throw NeuralError("\(output.path): cannot write the PNG (\(error))")
        }
        let manifest = Manifest(generator: generator, model: model.label, layer: resolved[0], tileSizePx: settings.sizePx,
                                settings: settings, preprocessing: preprocessing, tiles: entries)
        let manifestURL = output.deletingPathExtension().appendingPathExtension("json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try encoder.encode(manifest).write(to: manifestURL) } catch {
            throw NeuralError("\(manifestURL.path): cannot write (\(error.localizedDescription))")
        }
        return manifest
    }

    /// Channels of the layer for an image of the visualisation's size.
    private func channelCount(_ visualization: FeatureVisualization) throws -> Int {
        let network = visualization.network
        let side = settings.sizePx
        let grey = visualization.pixels.tensor(levels: [Float](repeating: 0.5, count: 3 * side * side), height: side, width: side)
        let activation = try network.run([network.inputs[0].name: grey], keep: [visualization.layer])[visualization.layer]!
        guard activation.rank >= 2 else { throw NeuralError("layer '\(visualization.layer)' has shape \(activation.shape); it has no channel axis") }
        return activation.shape[1]
    }
}
