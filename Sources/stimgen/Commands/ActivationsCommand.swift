import ArgumentParser
import Foundation
import NeuralKit
import StimulusKit

/// `stimgen activations`: layer activations of a model (ONNX or v1) for stimuli, PNGs or tensors.
struct ActivationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activations",
        abstract: "Write layer activations (.npy per layer + manifest.json) of a model (ONNX or v1) for stimuli, PNGs or .npy tensors.",
        discussion: """
            INPUT is a stimulus name (from --stimuli), a stimulus .yaml file, a .png, or a preprocessed .npy tensor \
            ([3,H,W] or [1,3,H,W]). Stimuli are rendered over the field the model's input spans (--field-deg, 8 deg \
            by default as in Brain-Score) and encoded through the monitor profile; PNGs are resized and centre-cropped. \
            Defaults are torchvision's ImageNet preprocessing; for Caffe models use --scale 255 --mean 104,117,123 \
            --std 1,1,1 --channel-order bgr. The built-in V1 model (--model v1) takes display levels over its own \
            field (8 deg at 28 px/deg) and ignores the preprocessing options.
            """)

    @Option(help: "ONNX model file, or v1 for the built-in V1 model.")
    var model: String

    @Option(name: .customLong("layer"), help: "Layer (tensor or node name from `stimgen layers`); repeat for several.")
    var layers: [String]

    @Argument(help: "Inputs: stimulus names, .yaml, .png or .npy files.")
    var inputs: [String]

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Folder of stimulus definitions for stimulus names.")
    var stimuli = "Stimuli"

    @Option(help: "Model input size (px, square); default: the model's own, else 224.")
    var size: Int?

    @Option(help: "PNG inputs: resize the shorter side to this (px) before the centre crop; default size·256/224.")
    var resize: Int?

    @OptionGroup var preprocessingOptions: PreprocessingOptions

    @Option(help: "Write per-channel means: `csv`.")
    var summary: String?

    @Option(help: "Also write RDMs over the inputs: correlation, euclidean, or both comma-separated.")
    var rdm: String?

    @Option(help: "Threads the model runs on (default: every core).")
    var threads: Int?

    @Flag(help: "Replace an earlier run in the output folder.")
    var force = false

    func run() throws {
        if let threads { Parallel.threads = threads }
        guard summary == nil || summary == "csv" else { throw ValidationError("--summary supports only 'csv'") }
        let metrics = try (rdm?.split(separator: ",") ?? []).map { name -> RDM.Metric in
            guard let metric = RDM.Metric(rawValue: String(name)) else {
                throw ValidationError("--rdm '\(name)' is not a metric (choices: correlation, euclidean)")
            }
            return metric
        }
        let preprocessing = try preprocessingOptions.preprocessing()
        let profile = try preprocessingOptions.profile()
        let job = ActivationExtraction.Job(
            model: try ModelSource(model, profile: profile), layers: layers, inputs: inputs, outputDirectory: URL(fileURLWithPath: out),
            preprocessing: preprocessing, inputSize: size, resizeTo: resize, stimulusDirectory: URL(fileURLWithPath: stimuli), profile: profile,
            summary: summary != nil, rdmMetrics: metrics, overwrite: force, generator: "stimgen \(StimgenVersion.string)")
        let bar = ProgressBar()
        let manifest = try ActivationExtraction.run(job) { bar.update($0, of: $1, $2) }
        bar.finish()
        for layer in manifest.layers { print("\(out)/\(layer.file)  \(layer.shape)") }
        for rdm in manifest.rdms { print("\(out)/\(rdm.npy)  \(out)/\(rdm.csv)") }
        print("\(out)/manifest.json")
    }
}

extension Preprocessing.ChannelOrder: ExpressibleByArgument {}
