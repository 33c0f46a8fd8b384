import ArgumentParser
import Foundation
import NeuralKit
import StimulusKit

/// `stimgen dream`: DeepDream on one layer of a model (ONNX or v1), or DeepTrip's dive through its layers.
struct DreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dream",
        abstract: "DeepDream an image on a model layer (--out PNG), or dive through the layers (--trip, --out folder of frames).",
        discussion: """
            INPUT is a .png, a stimulus name (from --stimuli) or .yaml, a .npy tensor, or `noise` (mid-grey ± 20 levels). \
            The defaults are google/deepdream's: L2 objective, step 1.5 (8-bit levels) over the gradient's mean |g|, \
            jitter 32 px, 4 octaves of scale 1.4 with detail carried up, 10 iterations per octave, clipping to 0…255. \
            Preprocessing defaults to torchvision's ImageNet; for Caffe models use --scale 255 --mean 104,117,123 \
            --std 1,1,1 --channel-order bgr. The built-in V1 model (--model v1) takes display levels over its own \
            field (28 px/deg) and ignores the preprocessing options.
            """)

    @Argument(help: "Start image: .png, stimulus name or .yaml, .npy, or noise.")
    var input: String

    @Option(help: "ONNX model file, or v1 for the built-in V1 model.")
    var model: String

    @Option(name: .customLong("layer"), help: "Layer to dream on (tensor or node name from `stimgen layers`); with --trip, repeat to choose the walk.")
    var layers: [String] = []

    @Option(help: "Output PNG, or with --trip the folder of frames.")
    var out: String

    @Option(help: "Amplify this channel's mean instead of the whole layer's ½·Σa².")
    var channel: Int?

    @Option(help: "Image side (px, square).")
    var size = 224

    @Option(help: "Gradient step (8-bit levels, after dividing by the mean |gradient|).")
    var step: Float = 1.5

    @Option(help: "Random shift before each step, undone after it (px).")
    var jitter = 32

    @Option(help: "Number of octaves.")
    var octaves = 4

    @Option(name: .customLong("octave-scale"), help: "Size ratio between successive octaves.")
    var octaveScale: Float = 1.4

    @Option(help: "Gradient steps per octave.")
    var iterations = 10

    @Option(help: "Seed of the jitter and of the noise start image.")
    var seed: UInt64 = 0

    @Flag(help: "DeepTrip: walk the layers (every ReLU/Concat output, or the --layer list), feeding each frame back zoomed.")
    var trip = false

    @Option(name: .customLong("frames-per-layer"), help: "Trip: frames dreamed on each layer.")
    var framesPerLayer = 10

    @Option(help: "Trip: zoom into the image between frames (fraction of its size).")
    var zoom: Float = 0.05

    @Option(help: "Trip: frame rate of the video command printed (Hz).")
    var fps = 25

    @Option(help: "Folder of stimulus definitions for stimulus names.")
    var stimuli = "Stimuli"

    @OptionGroup var preprocessing: PreprocessingOptions

    @Option(help: "Threads the model runs on (default: every core).")
    var threads: Int?

    @Flag(help: "Trip: replace an earlier trip in the output folder.")
    var force = false

    func run() throws {
        if let threads { Parallel.threads = threads }
        var settings = DreamSettings()
        settings.stepLevels = step
        settings.jitterPx = jitter
        settings.octaves = octaves
        settings.octaveScale = octaveScale
        settings.iterationsPerOctave = iterations
        settings.seed = seed
        let profile = try preprocessing.profile()
        let job = DreamJob(model: try ModelSource(model, profile: profile), layers: layers, channel: channel, input: input,
                           preprocessing: try preprocessing.preprocessing(inputSize: size),
                           stimulusDirectory: URL(fileURLWithPath: stimuli), profile: profile, settings: settings)
        let bar = ProgressBar()
        let started = Date()
        func remaining(_ done: Int, _ total: Int) -> String {
            let seconds = Date().timeIntervalSince(started) / Double(max(done, 1)) * Double(total - done)
            return seconds >= 60 ? "\(Int(seconds) / 60)m\(Int(seconds) % 60)s left" : "\(Int(seconds.rounded()))s left"
        }
        if trip {
            let manifest = try job.trip(into: URL(fileURLWithPath: out), framesPerLayer: framesPerLayer, zoom: zoom, frameRateHz: fps,
                                        overwrite: force, generator: "stimgen \(StimgenVersion.string)") { done, total, layer in
                bar.update(done, of: total, "\(remaining(done, total)) \(layer)")
            }
            bar.finish()
            print("\(out)/frame_00001.png … (\(manifest.segments.last?.lastFrame ?? 0) frames over \(manifest.segments.count) layers)")
            print("\(out)/manifest.json")
            print(manifest.ffmpeg)
        } else {
            let objectives = try job.dream(to: URL(fileURLWithPath: out)) { done, total in
                bar.update(done, of: total, remaining(done, total))
            }
            bar.finish()
            if let first = objectives.first, let last = objectives.last {
                print("objective \(first) → \(last) over \(objectives.count) steps")
            }
            print(out)
        }
    }
}
