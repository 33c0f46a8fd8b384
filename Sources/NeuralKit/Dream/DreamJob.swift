import Foundation
import StimulusKit

/// `stimgen dream`: one dreamed image, or DeepTrip's dive through a model's layers (each frame
/// dreamed on one layer, then zoomed into and fed back as the next frame's start).
public struct DreamJob: Sendable {
    /// An ONNX file, or the built-in V1 model.
    public var model: ModelSource
    /// One layer for a single dream; the trip visits every one in order (empty: the default walk).
    public var layers: [String]
    /// Amplify only this channel (its mean) instead of the whole layer (½·Σ a²).
    public var channel: Int?
    /// PNG, stimulus name or .yaml, .npy tensor, or `noise`.
    public var input: String
    /// Model-input preprocessing as the model needs it (`ModelSource.preprocessing`); `inputSize`
    /// is the dream's image side (px).
    public var preprocessing: Preprocessing
    public var stimulusDirectory: URL
    public var profile: MonitorProfile
    public var settings: DreamSettings

    public init(model: ModelSource, layers: [String], channel: Int? = nil, input: String, preprocessing: Preprocessing,
                stimulusDirectory: URL, profile: MonitorProfile = .standardSRGB, settings: DreamSettings = DreamSettings()) {
        self.model = model
        self.layers = layers
        self.channel = channel
        self.input = input
        self.preprocessing = model.preprocessing(preprocessing)
        self.stimulusDirectory = stimulusDirectory
        self.profile = profile
        self.settings = settings
    }

    /// Dreams on the job's one layer and writes the image to `output` (PNG). Returns the
    /// objective's values before each step.
    public func dream(to output: URL, progress: (Int, Int) -> Void = { _, _ in }) throws -> [Double] {
        guard layers.count == 1, let layer = layers.first else {
            throw NeuralError("dream: name exactly one --layer (got \(layers.count)); several layers are for --trip")
        }
        let (network, resolved) = try Self.load(model, layers: [layer])
        let dreamer = try DeepDream(network: network, layer: resolved[0],
                                    objective: channel.map { .channelMean($0) } ?? .l2, preprocessing: preprocessing)
        let start = try DreamInput.tensor(input, preprocessing: preprocessing, stimulusDirectory: stimulusDirectory,
                                          profile: profile, seed: settings.seed)
        let result = try dreamer.dream(start, settings: settings, progress: progress)
        try writePNG(dreamer.pixels.displayImage(result.image), to: output)
        return result.objectives
    }

    /// What a trip wrote: frames `frame_00001.png` … in order, and which layer each run of frames dreamed.
    public struct TripManifest: Codable, Sendable {
        public struct Segment: Codable, Sendable {
            public var layer: String
            /// 1-based numbers of its first and last frame.
            public var firstFrame: Int
            public var lastFrame: Int
        }
        public var generator: String
        public var model: String
        public var input: String
        public var channel: Int?
        public var sizePx: Int
        /// Zoom into the image between frames (fraction of its size).
        public var zoom: Float
        public var framesPerLayer: Int
        public var frameRateHz: Int
        public var settings: DreamSettings
        public var preprocessing: Preprocessing
        public var segments: [Segment]
        /// The command that turns the frames into an H.264 video.
        public var ffmpeg: String
    }

    /// DeepTrip: `framesPerLayer` frames on each layer in turn (the job's layers, or by default
    /// every ReLU and Concat output in graph order); each frame's dream starts from the previous
    /// frame zoomed by 1 + `zoom`. Writes the frames and manifest.json into `directory`, refusing
    /// to overwrite an earlier trip unless `overwrite`. `progress(done, total, layer)` follows each frame.
    public func trip(into directory: URL, framesPerLayer: Int, zoom: Float, frameRateHz: Int = 25, overwrite: Bool = false,
                     generator: String, progress: (Int, Int, String) -> Void = { _, _, _ in }) throws -> TripManifest {
        guard framesPerLayer >= 1 else { throw NeuralError("trip: --frames-per-layer must be ≥ 1, got \(framesPerLayer)") }
        guard zoom >= 0, zoom < 1 else { throw NeuralError("trip: --zoom must be in [0, 1), got \(zoom)") }
        guard frameRateHz >= 1 else { throw NeuralError("trip: --fps must be ≥ 1 Hz, got \(frameRateHz)") }
        let manifestURL = directory.appendingPathComponent("manifest.json")
        if FileManager.default.fileExists(atPath: manifestURL.path), !overwrite {
            throw NeuralError("\(manifestURL.path) already exists; choose another --out folder or pass --force to replace that trip")
        }
        let (network, walk) = try Self.load(model, layers: layers)
        guard !walk.isEmpty else { throw NeuralError("trip: the model has no ReLU or Concat layers to walk; name layers with --layer") }
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw NeuralError("\(directory.path): cannot create the output folder (\(error.localizedDescription))")
        }
        var frame = try DreamInput.tensor(input, preprocessing: preprocessing, stimulusDirectory: stimulusDirectory,
                                          profile: profile, seed: settings.seed)
        var segments = [TripManifest.Segment]()
        var number = 0
        let total = walk.count * framesPerLayer
        for layer in walk {
            let dreamer = try DeepDream(network: network, layer: layer, objective: channel.map { .channelMean($0) } ?? .l2,
                                        preprocessing: preprocessing)
            segments.append(.init(layer: layer, firstFrame: number + 1, lastFrame: number + framesPerLayer))
            for _ in 0..<framesPerLayer {
                var frameSettings = settings
                frameSettings.seed = settings.seed &+ UInt64(number)
                let dreamed = try dreamer.dream(frame, settings: frameSettings).image
                number += 1
                try writePNG(dreamer.pixels.displayImage(dreamed), to: directory.appendingPathComponent(Self.frameName(number)))
                frame = ImageTensorOps.zoomCentre(dreamed, factor: 1 + zoom)
                progress(number, total, layer)
            }
        }
        let manifest = TripManifest(
            generator: generator, model: model.label, input: input, channel: channel, sizePx: preprocessing.inputSize, zoom: zoom,
            framesPerLayer: framesPerLayer, frameRateHz: frameRateHz, settings: settings, preprocessing: preprocessing,
            segments: segments, ffmpeg: Self.ffmpegCommand(directory: directory, frameRateHz: frameRateHz))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try encoder.encode(manifest).write(to: manifestURL) } catch {
            throw NeuralError("\(manifestURL.path): cannot write (\(error.localizedDescription))")
        }
        return manifest
    }

    /// The model with `layers` (tensor or node names; empty: every ReLU and Concat output in graph
    /// order) kept out of batch-norm folding, and those layers' tensor names.
    static func load(_ model: ModelSource, layers: [String]) throws -> (Network, [String]) {
        let probe = try model.network(foldingBatchNorm: false)
        let resolved = layers.isEmpty
            ? probe.nodes.filter { ["Relu", "Concat"].contains($0.opType) }.compactMap(\.outputs.first)
            : try layers.map { try ActivationExtraction.resolveLayer($0, in: probe) }
        return (try model.network(unfolded: Set(resolved)), resolved)
    }

    /// The file name of frame `number` (1-based), e.g. frame_00001.png.
    static func frameName(_ number: Int) -> String {
        "frame_" + String(repeating: "0", count: max(0, 5 - String(number).count)) + String(number) + ".png"
    }

    /// ffmpeg's command turning the numbered frames in `directory` into trip.mp4 there.
    static func ffmpegCommand(directory: URL, frameRateHz: Int) -> String {
        "ffmpeg -framerate \(frameRateHz) -i '\(directory.path)/frame_%05d.png' -c:v libx264 -pix_fmt yuv420p '\(directory.path)/trip.mp4'"
    }

    private func writePNG(_ image: DisplayImage, to url: URL) throws {
        do { try PNGCodec.write(image, to: url) } catch {
            throw NeuralError("\(url.path): cannot write the PNG (\(error))")
        }
    }
}
