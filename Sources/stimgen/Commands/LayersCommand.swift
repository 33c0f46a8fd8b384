import ArgumentParser
import Foundation
import NeuralKit
import StimulusKit

/// `stimgen layers MODEL`: every layer (node output) of a model (ONNX or v1) with its shape.
struct LayersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layers",
        abstract: "List every layer (node output) of a model (ONNX file or v1) with its shape for one input image.")

    @Argument(help: "ONNX model file, or v1 for the built-in V1 model.")
    var model: String

    @Option(help: "Input size (px, square) for models whose input size is open.")
    var size: Int?

    func run() throws {
        let layers = try ModelSource(model).network(foldingBatchNorm: false).layers(inputSize: size)
        let width = min(72, layers.map(\.name.count).max() ?? 0)
        for layer in layers {
            let padded = layer.name.padding(toLength: max(width, layer.name.count), withPad: " ", startingAt: 0)
            print("\(padded)  \(layer.opType.padding(toLength: 18, withPad: " ", startingAt: 0))  \(layer.shape)")
        }
    }
}
