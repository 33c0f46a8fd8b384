import Foundation
import StimulusKit

/// The starting image of a dream: a PNG, a stimulus (name or .yaml), a .npy tensor, or `noise`.
public enum DreamInput {
    /// The [1, 3, S, S] model-input tensor for `argument`, S = `preprocessing.inputSize` px.
    /// `noise` is mid-grey (level 128) plus uniform noise of ±20 levels per pixel and channel,
    /// drawn from `seed`; PNGs are resized and centre-cropped; stimuli are rendered over the field.
    public static func tensor(_ argument: String, preprocessing: Preprocessing, stimulusDirectory: URL,
                              profile: MonitorProfile, seed: UInt64) throws -> Tensor {
        var settings = preprocessing
        settings.resizeTo = preprocessing.inputSize
        try settings.validate()
        if argument == "noise" {
            var random = SeededGenerator(seed: seed)
            let side = settings.inputSize
            var pixels = [UInt8](repeating: 255, count: side * side * 4)
            for p in 0..<side * side {
                for c in 0..<3 { pixels[p * 4 + c] = UInt8(128 + Int.random(in: -20...20, using: &random)) }
            }
            return settings.tensor(display: DisplayImage(width: side, height: side, pixels: pixels))
        }
        let input = try ModelInput.resolve(argument) {
            guard FileManager.default.fileExists(atPath: stimulusDirectory.path) else {
                throw NeuralError("input '\(argument)' is not noise, a .png/.yaml/.npy file, and the stimulus folder \(stimulusDirectory.path) does not exist (set it with --stimuli)")
            }
            do { return try StimulusLibrary.load(directory: stimulusDirectory) } catch { throw NeuralError("\(error)") }
        }
        let x = try input.tensor(settings, profile: profile)
        guard x.rank == 4, x.shape[1] == 3 else {
            throw NeuralError("\(argument): a dream needs a 3-channel image, got shape \(x.shape)")
        }
        return x
    }
}
