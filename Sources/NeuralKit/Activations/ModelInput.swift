import Foundation
import StimulusKit

/// One input of `stimgen activations`: a stimulus (by name or file), a PNG, or a ready tensor.
public struct ModelInput: Sendable {
    public enum Source: Sendable {
        case stimulus(StimulusSpec)
        case png(DisplayImage)
        /// Already preprocessed: [3, H, W] or [1, 3, H, W].
        case tensor(Tensor)
    }
    /// Short name used in manifests, CSV files and RDM rows.
    public var label: String
    /// What the user gave (a name or a path).
    public var argument: String
    /// stimulus, stimulus-file, png or npy.
    public var kind: String
    public var source: Source

    /// Resolves an argument: a path ending in .npy, .png, .yaml or .yml is read as such; anything
    /// else is a stimulus name looked up in `library` (loaded from the stimulus folder on demand).
    public static func resolve(_ argument: String, library: () throws -> [String: StimulusSpec]) throws -> ModelInput {
        let url = URL(fileURLWithPath: argument)
        let label = url.deletingPathExtension().lastPathComponent
        switch url.pathExtension.lowercased() {
        case "npy":
            var tensor = try NPY.read(url)
            if tensor.rank == 3 { tensor = tensor.reshaped([1] + tensor.shape) }
            guard tensor.rank == 4, tensor.shape[0] == 1 else {
                throw NeuralError("\(argument): a tensor input must have shape [C, H, W] or [1, C, H, W], got \(tensor.shape)")
            }
            return ModelInput(label: label, argument: argument, kind: "npy", source: .tensor(tensor))
        case "png":
            do {
                return ModelInput(label: label, argument: argument, kind: "png", source: .png(try PNGCodec.read(url)))
            } catch {
                throw NeuralError("\(argument): \(error)")
            }
        case "yaml", "yml":
            do {
                let spec = try StimulusLibrary.load(file: url)
                return ModelInput(label: spec.name, argument: argument, kind: "stimulus-file", source: .stimulus(spec))
            } catch {
                throw NeuralError("\(error)")
            }
        default:
            let specs = try library()
            guard let spec = specs[argument] else {
                let known = specs.keys.sorted()
                let list = known.isEmpty ? "none found" : known.prefix(20).joined(separator: ", ") + (known.count > 20 ? ", …" : "")
                throw NeuralError("input '\(argument)' is not a .npy, .png or .yaml file, nor a known stimulus name (stimuli: \(list))")
            }
            return ModelInput(label: spec.name, argument: argument, kind: "stimulus", source: .stimulus(spec))
        }
    }

    /// The model's input tensor [1, 3, S, S] for this input.
    public func tensor(_ preprocessing: Preprocessing, profile: MonitorProfile) throws -> Tensor {
        switch source {
        case .stimulus(let spec):
            do { return try preprocessing.tensor(rendering: spec, profile: profile) } catch {
                throw NeuralError("stimulus '\(label)': \(error)")
            }
        case .png(let image):
            return preprocessing.tensor(image: image)
        case .tensor(let tensor):
            return tensor
        }
    }
}
