import ArgumentParser
import Foundation
import NeuralKit
import StimulusKit

/// A model's input preprocessing as command-line options (defaults: torchvision's ImageNet).
struct PreprocessingOptions: ParsableArguments {
    @Option(name: .customLong("field-deg"), help: "Visual angle the model's input spans (deg), for rendering stimuli.")
    var fieldDeg: Double = 8

    @Option(help: "Per-channel mean, comma-separated, in the model's channel order.")
    var mean = "0.485,0.456,0.406"

    @Option(help: "Per-channel standard deviation, comma-separated.")
    var std = "0.229,0.224,0.225"

    @Option(help: "Pixel scale: value = byte/255 × scale (1 for torchvision, 255 for Caffe models).")
    var scale: Float = 1

    @Option(name: .customLong("channel-order"), help: "rgb or bgr.")
    var channelOrder: Preprocessing.ChannelOrder = .rgb

    @Option(name: .customLong("monitor-profile"), help: "Monitor profile (.yaml/.json) stimuli are encoded through; default standard sRGB.")
    var monitorProfile: String?

    /// The preprocessing for a square input of `inputSize` px (224 px when the model decides later).
    func preprocessing(inputSize: Int = 224) throws -> Preprocessing {
        Preprocessing(inputSize: inputSize, fieldOfViewDeg: fieldDeg, scale: scale, mean: try floats(mean, "--mean"),
                      std: try floats(std, "--std"), channelOrder: channelOrder)
    }

    func profile() throws -> MonitorProfile {
        try monitorProfile.map { try MonitorProfile.load(from: URL(fileURLWithPath: $0)) } ?? .standardSRGB
    }

    private func floats(_ text: String, _ option: String) throws -> [Float] {
        let values = text.split(separator: ",").compactMap { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 3 else { throw ValidationError("\(option) needs three comma-separated numbers, got '\(text)'") }
        return values
    }
}
