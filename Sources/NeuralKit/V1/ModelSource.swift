import Foundation
import StimulusKit

/// A model as the command line names it: an ONNX file, or `v1`, the built-in V1 model built as a
/// NeuralKit graph (`V1Model.network`).
public enum ModelSource: Sendable {
    case onnx(URL)
    /// The V1 model and the display whose drive levels its graph input holds.
    case v1(V1Model, display: MonitorProfile)

    /// The name that stands for the built-in V1 model.
    public static let v1Name = "v1"
    /// The background the built-in model's cone contrasts are taken around: mid-grey (linear RGB, 0…1 per gun).
    public static let v1Background = SIMD3<Double>(0.5, 0.5, 0.5)

    /// `v1`: the built-in model with its default parameters, looking at a mid-grey background on a
    /// display described by `profile`; anything else: the path of an ONNX file.
    public init(_ argument: String, profile: MonitorProfile = .standardSRGB) throws {
        if argument == Self.v1Name {
            self = .v1(try V1Model(profile: profile, background: Self.v1Background), display: profile)
        } else {
            self = .onnx(URL(fileURLWithPath: argument))
        }
    }

    /// What manifests record: the ONNX file's path, or `v1`.
    public var label: String {
        switch self {
        case .onnx(let url): url.path
        case .v1: Self.v1Name
        }
    }

    /// The graph. An ONNX model's batch normalisations are folded into the convolutions before them
    /// unless `foldingBatchNorm` is false or the convolution's output is one of `unfolded` (so that
    /// the layer keeps its own values).
    public func network(unfolded: Set<String> = [], foldingBatchNorm: Bool = true) throws -> Network {
        switch self {
        case .onnx(let url): try Network.load(onnx: url, unfolded: unfolded, foldingBatchNorm: foldingBatchNorm)
        case .v1(let model, let display): try model.network(transfer: display.transfer)
        }
    }

    /// `preprocessing` as this model needs it. ONNX models take it unchanged. The V1 model takes
    /// display drive levels (byte / 255: scale 1, mean 0, std 1, RGB) at its own resolution, so its
    /// field of view becomes inputSize / pixels_per_degree (deg).
    public func preprocessing(_ preprocessing: Preprocessing) -> Preprocessing {
        guard case .v1(let model, _) = self else { return preprocessing }
        var adapted = preprocessing
        adapted.scale = 1
        adapted.mean = [0, 0, 0]
        adapted.std = [1, 1, 1]
        adapted.channelOrder = .rgb
        adapted.fieldOfViewDeg = Double(preprocessing.inputSize) / model.configuration.pixelsPerDegree
        return adapted
    }
}
