import Foundation
import NeuralKit
import ProtocolKit

/// Something that predicts a protocol file's test conditions, whatever its adaptation model:
/// `AftereffectPrediction` with any `ColourAdaptation`.
public protocol ProtocolPredictor: Sendable {
    /// The V1 model's parameters (its layers are `PredictionLayer.available(model)`).
    var model: V1Configuration { get }

    /// One table per name in `layers`, from a single pass over the protocol. The error lists the
    /// protocol's own errors when it does not compile, or the valid layer names.
    func run(protocolFile: URL, options: ProtocolCheck.Options, layers: [String]) throws -> [PredictionTable]
}

extension ProtocolPredictor {
    /// Checks and compiles the protocol (as `stimgen validate` does) and predicts it, reading the
    /// perceived tint from `layer` (see `PredictionLayer`).
    public func run(protocolFile: URL, options: ProtocolCheck.Options = ProtocolCheck.Options(),
                    layer: String = PredictionLayer.allName) throws -> PredictionTable {
        try run(protocolFile: protocolFile, options: options, layers: [layer])[0]
    }
}
