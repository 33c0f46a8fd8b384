import Foundation
import StimulusKit

/// `stimgen activations`: runs a model on stimuli, images or tensors and writes the chosen layers'
/// activations as .npy files (one per layer, inputs along the first axis), a JSON manifest, and
/// optionally per-channel means (CSV) and RDMs (.npy and CSV).
public enum ActivationExtraction {
    public struct Job: Sendable {
        /// An ONNX file, or the built-in V1 model.
        public var model: ModelSource
        /// Tensor (layer) names or node names, as `stimgen layers` lists them.
        public var layers: [String]
        public var inputs: [String]
        public var outputDirectory: URL
        /// Preprocessing; its input size and resize are replaced by the model's own input size
        /// (and that · 256/224) unless `inputSize` / `resizeTo` are given.
        public var preprocessing: Preprocessing
        /// Model input size (px); nil: the model's own, else 224.
        public var inputSize: Int?
        /// PNG resize of the shorter side (px); nil: input size · 256/224.
        public var resizeTo: Int?
        public var stimulusDirectory: URL
        public var profile: MonitorProfile
        public var summary: Bool
        public var rdmMetrics: [RDM.Metric]
        /// Replace an earlier run's files in the output folder.
        public var overwrite: Bool
        /// Program name and version, recorded in the manifest.
        public var generator: String

        public init(model: ModelSource, layers: [String], inputs: [String], outputDirectory: URL, preprocessing: Preprocessing = .imageNet,
                    inputSize: Int? = nil, resizeTo: Int? = nil,
                    stimulusDirectory: URL, profile: MonitorProfile = .standardSRGB, summary: Bool = false,
                    rdmMetrics: [RDM.Metric] = [], overwrite: Bool = false, generator: String) {
            self.model = model
            self.layers = layers
            self.inputs = inputs
            self.outputDirectory = outputDirectory
            self.preprocessing = preprocessing
            self.inputSize = inputSize
            self.resizeTo = resizeTo
            self.stimulusDirectory = stimulusDirectory
            self.profile = profile
            self.summary = summary
            self.rdmMetrics = rdmMetrics
            self.overwrite = overwrite
            self.generator = generator
        }
    }

    /// Runs the job; `progress(done, total, label)` is called after each input.
    public static func run(_ job: Job, progress: (Int, Int, String) -> Void = { _, _, _ in }) throws -> ActivationManifest {
        guard !job.layers.isEmpty else { throw NeuralError("name at least one layer (see `stimgen layers MODEL`)") }
        guard !job.inputs.isEmpty else { throw NeuralError("give at least one input (stimulus name, .yaml, .png or .npy)") }
        let manifestURL = job.outputDirectory.appendingPathComponent("manifest.json")
        if FileManager.default.fileExists(atPath: manifestURL.path), !job.overwrite {
            throw NeuralError("\(manifestURL.path) already exists; choose another --out folder or pass --force to replace that run")
        }

        let probe = try job.model.network(foldingBatchNorm: false)
        let layers = try job.layers.map { try resolveLayer($0, in: probe) }
        let network = try job.model.network(unfolded: Set(layers))
        guard network.inputs.count == 1, let modelInput = network.inputs.first else {
            throw NeuralError("\(job.model.label): the model has \(network.inputs.count) inputs; stimgen feeds models with exactly one image input")
        }
        var preprocessing = job.preprocessing
        preprocessing.inputSize = job.inputSize ?? staticSize(modelInput) ?? 224
        preprocessing = job.model.preprocessing(preprocessing)
        preprocessing.resizeTo = job.resizeTo ?? Int((Double(preprocessing.inputSize) * 256 / 224).rounded())
        try preprocessing.validate()

        var library: [String: StimulusSpec]?
        let inputs = try job.inputs.map { argument in
            try ModelInput.resolve(argument) {
                if let library { return library }
                guard FileManager.default.fileExists(atPath: job.stimulusDirectory.path) else {
                    throw NeuralError("stimulus folder \(job.stimulusDirectory.path) does not exist (set it with --stimuli)")
                }
                do { library = try StimulusLibrary.load(directory: job.stimulusDirectory) } catch { throw NeuralError("\(error)") }
                return library!
            }
        }

        var collected = [String: [[Float]]]()
        var shapes = [String: [Int]]()
        for (index, input) in inputs.enumerated() {
            let x = try input.tensor(preprocessing, profile: job.profile)
            let values: [String: Tensor]
            do { values = try network.run([modelInput.name: x], keep: Set(layers)) } catch {
                throw NeuralError("input '\(input.argument)': \(error)")
            }
            for layer in layers {
                let value = values[layer]!
                guard value.shape.first == 1, shapes[layer].map({ $0 == Array(value.shape.dropFirst()) }) ?? true else {
                    throw NeuralError("layer '\(layer)' has shape \(value.shape) for input '\(input.argument)'; activations are written only "
                                      + "for layers that keep the batch axis first and one shape for every input")
                }
                shapes[layer] = Array(value.shape.dropFirst())
                collected[layer, default: []].append(value.data)
            }
            progress(index + 1, inputs.count, input.label)
        }

        do { try FileManager.default.createDirectory(at: job.outputDirectory, withIntermediateDirectories: true) } catch {
            throw NeuralError("\(job.outputDirectory.path): cannot create the output folder (\(error.localizedDescription))")
        }
        let labels = inputs.map(\.label)
        var layerEntries = [ActivationManifest.Layer](), rdmEntries = [ActivationManifest.RDMFile]()
        var fileNames = Set<String>()
        var summaryLines = ["input,layer,channel,mean"]
        for layer in layers {
            var file = fileName(for: layer)
            while fileNames.contains(file) { file = "_" + file }
            fileNames.insert(file)
            let shape = [inputs.count] + shapes[layer]!
            let patterns = collected[layer]!
            try NPY.write(Tensor(shape: shape, data: patterns.flatMap { $0 }), to: job.outputDirectory.appendingPathComponent(file + ".npy"))
            layerEntries.append(.init(name: layer, file: file + ".npy", shape: shape))
            if job.summary {
                let channels = shapes[layer]!.first ?? 1
                for (label, pattern) in zip(labels, patterns) {
                    let perChannel = pattern.count / max(channels, 1)
                    for c in 0..<channels {
                        let mean = pattern[c * perChannel..<(c + 1) * perChannel].reduce(0) { $0 + Double($1) } / Double(perChannel)
                        summaryLines.append("\(csvField(label)),\(csvField(layer)),\(c),\(Float(mean))")
                    }
                }
            }
            for metric in job.rdmMetrics {
                let matrix = try RDM.compute(patterns, metric: metric)
                let base = "rdm_\(file)_\(metric.rawValue)"
                try NPY.write(matrix, to: job.outputDirectory.appendingPathComponent(base + ".npy"))
                try write(RDM.csv(matrix, labels: labels), to: job.outputDirectory.appendingPathComponent(base + ".csv"))
                rdmEntries.append(.init(layer: layer, metric: metric, npy: base + ".npy", csv: base + ".csv"))
            }
        }
        if job.summary {
            try write(summaryLines.joined(separator: "\n") + "\n", to: job.outputDirectory.appendingPathComponent("summary.csv"))
        }
        let blas = OpenBLAS.shared
        let manifest = ActivationManifest(
            generator: job.generator, created: ISO8601DateFormatter().string(from: Date()),
            model: .init(path: job.model.label, input: modelInput.name), preprocessing: preprocessing,
            monitorProfile: job.profile.name,
            inputs: inputs.map { .init(label: $0.label, argument: $0.argument, kind: $0.kind) },
            layers: layerEntries, summary: job.summary ? "summary.csv" : nil, rdms: rdmEntries,
            blas: .init(core: blas.coreName, coreType: blas.coreType, threads: Parallel.threads))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try write(String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n", to: manifestURL)
        return manifest
    }

    /// A tensor name, or a node name standing for its first output.
    static func resolveLayer(_ name: String, in network: Network) throws -> String {
        if network.nodes.contains(where: { $0.outputs.contains(name) }) { return name }
        if let node = network.nodes.first(where: { $0.name == name }), let output = node.outputs.first { return output }
        let valid = network.nodes.flatMap(\.outputs).filter { !$0.isEmpty }
        throw NeuralError("no layer named '\(name)' (layers: \(valid.joined(separator: ", ")))")
    }

    /// The model input's height when it is static and square.
    static func staticSize(_ input: Network.Input) -> Int? {
        guard input.shape.count == 4, let h = input.shape[2], let w = input.shape[3], h == w else { return nil }
        return h
    }

    /// A file-name-safe form of a layer name ("/features/features.0/Conv_output_0" → "features.features.0.Conv_output_0").
    static func fileName(for layer: String) -> String {
        let mapped = layer.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." ? $0 : "." }
        let trimmed = String(mapped).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return trimmed.isEmpty ? "layer" : trimmed
    }

    private static func write(_ text: String, to url: URL) throws {
        do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
            throw NeuralError("\(url.path): cannot write (\(error.localizedDescription))")
        }
    }
}
