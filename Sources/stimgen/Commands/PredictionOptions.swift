import Analysis
import ArgumentParser
import Foundation
import NeuralKit
import ProtocolKit

/// The model, adaptation and protocol-loading options `predict` and `compare` share.
struct PredictionOptions: ParsableArguments {
    @Option(help: "Model: v1 (the built-in V1 model), or FILE.onnx (predict only, with --adaptation suppression and --layer).")
    var model = "v1"

    @Option(help: "Adaptation model: decorrelation, fatigue or suppression (docs/V1_MODEL.md).")
    var adaptation = DecorrelationAdaptation.name

    @Option(help: "Folder of named stimuli; default: Stimuli/ beside the protocol's folder.")
    var stimuli: String?

    @Option(help: "Monitor profile file; default: the protocol's viewing.monitor.")
    var monitor: String?

    @Option(name: .customLong("field-deg"), help: "Visual angle the model's square input spans (deg).")
    var fieldDeg: Double = 8

    @Option(name: .customLong("pixels-per-degree"), help: "Model input resolution (px/deg).")
    var pixelsPerDegree: Double = 28

    @Option(name: .customLong("vonenet-seed"),
            help: "Sample each band's Gabor filters VOneNet-like from neuronal distributions with this seed, instead of the regular grid.")
    var vonenetSeed: UInt64?

    @Option(name: .customLong("fast-tau"), help: "Fast adaptation time constant (s).")
    var fastTau: Double = 30

    @Option(name: .customLong("slow-tau"), help: "Slow integration time (s).")
    var slowTau: Double = 600

    @Option(help: "Decorrelation: fraction of the learned colour–pattern correlation subtracted (0…1).")
    var gain: Double = 0.1

    @Option(name: .customLong("fatigue-tau"), help: "Fatigue: time constant of the conjunctive units' activity trace (s).")
    var fatigueTau: Double = 30

    @Option(name: .customLong("fatigue-strength"), help: "Fatigue: gain loss per unit of activity (1/contrast²).")
    var fatigueStrength: Double = 1

    @Option(name: .customLong("suppression-alpha"), help: "Suppression: fraction of the state replaced per step (Vinken et al. 2020).")
    var suppressionAlpha: Double = 0.04

    @Option(name: .customLong("suppression-beta"), help: "Suppression: suppression per unit of state (Vinken et al. 2020).")
    var suppressionBeta: Double = 0.7

    @Option(name: .customLong("suppression-step"), help: "Suppression: duration of one time step (s).")
    var suppressionStep: Double = 1

    /// An ONNX network rather than the built-in V1 model.
    var isNetwork: Bool { model.lowercased().hasSuffix(".onnx") }

    func validate() throws {
        guard model == "v1" || isNetwork else {
            throw ValidationError("--model '\(model)' is not a model (choices: v1, or a .onnx file)")
        }
        if isNetwork, adaptation != IntrinsicSuppression.name {
            throw ValidationError("--adaptation \(adaptation) adapts the V1 model's colour–luminance units; an ONNX model is adapted by --adaptation suppression, which works on any layer")
        }
        let choices = [DecorrelationAdaptation.name, ConjunctiveFatigue.name, IntrinsicSuppression.name]
        guard choices.contains(adaptation) else {
            throw ValidationError("--adaptation '\(adaptation)' is not a model (choices: \(choices.joined(separator: ", ")))")
        }
    }

    var checkOptions: ProtocolCheck.Options {
        ProtocolCheck.Options(stimulusDirectory: stimuli.map { URL(fileURLWithPath: $0) }, monitorFile: monitor.map { URL(fileURLWithPath: $0) })
    }

    /// Intrinsic suppression with the chosen parameters.
    var suppression: IntrinsicSuppression {
        IntrinsicSuppression(alpha: suppressionAlpha, beta: suppressionBeta, stepS: suppressionStep)
    }

    /// The ONNX network's prediction on `layer`, its input spanning `--field-deg`.
    func networkPrediction(layer: String) throws -> NetworkSuppressionPrediction {
        let url = URL(fileURLWithPath: model)
        let network = try Network.load(onnx: url, unfolded: [layer])
        let size = network.inputs.first?.shape.last.flatMap { $0 } ?? 224
        return NetworkSuppressionPrediction(network: network, modelName: url.lastPathComponent, layer: layer,
                                            preprocessing: Preprocessing(inputSize: size, fieldOfViewDeg: fieldDeg),
                                            suppression: suppression)
    }

    /// The V1 model's prediction with the chosen adaptation model (`validate` has checked the name).
    var prediction: any ProtocolPredictor {
        let model = V1Configuration(fieldDeg: fieldDeg, pixelsPerDegree: pixelsPerDegree,
                                    sampling: vonenetSeed.map { .vonenet(seed: $0) } ?? .regularGrid)
        switch adaptation {
        case ConjunctiveFatigue.name:
            return AftereffectPrediction(model: model, adaptation: ConjunctiveFatigue(tauS: fatigueTau, strength: fatigueStrength))
        case IntrinsicSuppression.name:
            return AftereffectPrediction(model: model, adaptation: suppression)
        default:
            return AftereffectPrediction(model: model, adaptation: DecorrelationAdaptation(fastTauS: fastTau, slowTauS: slowTau, gain: gain))
        }
    }
}
