import ArgumentParser
import Foundation
import NeuralKit

/// `stimgen visualize`: feature visualisation of channels of a layer, in tensorflow/lucid's way.
struct VisualizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visualize",
        abstract: "Feature visualisation (Lucid's way): the image that most raises a channel's mean activation, one PNG per run.",
        discussion: """
            The image is optimised from noise: a 1/f-scaled Fourier spectrum with decorrelated colour and a sigmoid \
            to pixels, Lucid's standard transforms each step (pad 12, jitter 8, scale 0.9–1.1, rotate ±10°, jitter 4), \
            Adam (learning rate 0.05), 512 steps. Several channels (or --grid for every channel of the layer) are \
            tiled row by row into one PNG; OUT.json beside it names the channel of each tile. Channel N is seeded \
            with --seed + N, so a run is reproducible bit for bit. Preprocessing defaults to torchvision's ImageNet; \
            the built-in V1 model (--model v1) takes display levels over its own field and ignores those options.
            """)

    @Option(help: "ONNX model file, or v1 for the built-in V1 model.")
    var model: String

    @Option(help: "Layer (tensor or node name from `stimgen layers`).")
    var layer: String

    @Option(parsing: .upToNextOption, help: "Channel(s) to visualise.")
    var channel: [Int] = []

    @Flag(help: "Every channel of the layer in one PNG (unless --channel names some).")
    var grid = false

    @Option(help: "Output PNG; the manifest is written beside it (.json).")
    var out: String

    @Option(help: "Image side (px, square).")
    var size = 128

    @Option(help: "Optimisation steps.")
    var steps = 512

    @Option(name: .customLong("learning-rate"), help: "Adam's step size.")
    var learningRate: Float = 0.05

    @Flag(name: .customLong("no-transforms"), help: "Leave out Lucid's random pad, jitter, scale and rotation.")
    var noTransforms = false

    @Option(help: "Seed of the initial noise and the transforms.")
    var seed: UInt64 = 0

    @OptionGroup var preprocessing: PreprocessingOptions

    @Option(help: "Threads the model runs on (default: every core).")
    var threads: Int?

    func run() throws {
        if let threads { Parallel.threads = threads }
        guard grid || !channel.isEmpty else { throw ValidationError("name the channel(s) with --channel N…, or pass --grid for every channel") }
        var settings = VisualizationSettings()
        settings.sizePx = size
        settings.steps = steps
        settings.learningRate = learningRate
        settings.transforms = !noTransforms
        settings.seed = seed
        let job = VisualizationJob(model: try ModelSource(model, profile: try preprocessing.profile()), layer: layer, channels: channel,
                                   preprocessing: try preprocessing.preprocessing(inputSize: size), settings: settings)
        let bar = ProgressBar()
        let manifest = try job.run(to: URL(fileURLWithPath: out), generator: "stimgen \(StimgenVersion.string)") { done, total, label in
            bar.update(done, of: total, label)
        }
        bar.finish()
        for tile in manifest.tiles {
            print("channel \(tile.channel): objective \(tile.firstObjective) → \(tile.lastObjective) (tile at \(tile.xPx),\(tile.yPx) px)")
        }
        print(out)
        print(URL(fileURLWithPath: out).deletingPathExtension().appendingPathExtension("json").path)
    }
}
