import Foundation
import NeuralKit
import ProtocolKit
import StimulusKit

/// Predicts a protocol's aftereffects with any network — an ONNX model — and intrinsic suppression
/// (Vinken et al. 2020) on one of its layers.
///
/// The protocol's timed phases are played as in `AftereffectPrediction`: each distinct stimulus is
/// rendered once over the network's field (`Preprocessing`), its activations on `layer` advance every
/// unit's suppression state for the frames it is shown, and blanks advance it with the activations of
/// the plain background. A test is then read by a decoder that needs no colour units: its perceived
/// tint is the tint t on the nulling axis for which the *unadapted* layer's response to the test
/// tinted by t comes closest (least squares over all units) to the *adapted* response to the untinted
/// test — what the adapted network's response to a neutral test looks like to an observer who reads
/// it as an unadapted one. The tint is applied as the presenter applies it, as per-gun gains on the
/// test's linear light (DKL direction around the background, brightest gun at full output). t is
/// searched on `tintSteps` values across ±`tintRangeDKL` and refined by a parabola through the best
/// three; the predicted null is −t.
public struct NetworkSuppressionPrediction: Sendable {
    public var network: Network
    /// The network's name for the table (e.g. its file name).
    public var modelName: String
    public var layer: String
    public var preprocessing: Preprocessing
    public var suppression: IntrinsicSuppression
    /// Half-width of the searched tints (DKL cone contrast).
    public var tintRangeDKL: Double
    /// Tints searched (odd, so that 0 is one of them).
    public var tintSteps: Int

    public init(network: Network, modelName: String, layer: String, preprocessing: Preprocessing = .imageNet,
                suppression: IntrinsicSuppression = IntrinsicSuppression(), tintRangeDKL: Double = 0.1, tintSteps: Int = 41) {
        self.network = network; self.modelName = modelName; self.layer = layer; self.preprocessing = preprocessing
        self.suppression = suppression; self.tintRangeDKL = tintRangeDKL; self.tintSteps = tintSteps
    }

    /// Checks and compiles the protocol (as `stimgen validate` does) and predicts each test condition.
    public func run(protocolFile: URL, options: ProtocolCheck.Options = ProtocolCheck.Options()) throws -> PredictionTable {
        try suppression.validate()
        let layers = network.nodes.flatMap(\.outputs)
        guard layers.contains(layer) else {
            throw NeuralError("the model has no layer '\(layer)' (layers: \(layers.joined(separator: ", ")))")
        }
        let report = ProtocolCheck.run(file: protocolFile, options: options)
        guard let timeline = report.timeline, let resolved = report.resolved else {
            let errors = report.errors.map { "\($0)" }.joined(separator: "\n")
            throw NeuralError("\(protocolFile.path): the protocol does not compile, so it cannot be predicted:\n\(errors)")
        }
        let bg = timeline.backgroundLinearRGB
        guard bg.count == 3 else { throw NeuralError("background_linear_rgb needs 3 values (r, g, b), got \(bg.count)") }
        let reader = LayerReader(prediction: self, profile: resolved.profile, background: SIMD3(bg[0], bg[1], bg[2]))
        var rows: [PredictedCondition] = []
        try play(timeline, stimuli: resolved.stimuli, reader: reader) { phase, trial, state, adaptedS in
            let spec = resolved.stimuli[trial.stimulus]
            guard let spec else { throw NeuralError("stimulus '\(trial.stimulus)' is not defined") }
            let test = try reader.render(spec)   // once; each tint only scales its guns
            let adapted = suppression.respond(try reader.activations(test), state: state)
            let lm = try perceivedTint(test, adapted: adapted, axis: SIMD3(0, 1, 0), reader: reader)
            let s = try perceivedTint(test, adapted: adapted, axis: SIMD3(0, 0, 1), reader: reader)
            rows.append(PredictedCondition(phase: phase, condition: trial.condition, stimulus: trial.stimulus,
                                           orientationDeg: spec.pattern.grating?.orientationDeg, adaptationS: adaptedS,
                                           perceivedTintDKLLM: lm, predictedNullDKLLM: -lm, perceivedTintDKLS: s, predictedNullDKLS: -s))
        }
        return PredictionTable(protocolName: timeline.protocolName, model: modelName, adaptation: IntrinsicSuppression.name,
                               layer: layer, rows: rows)
    }

    /// Plays the timed phases (`TimelinePlayback`), advancing the suppression state; calls `read` once
    /// per test condition of each test phase with the state at the phase's start and the adapting time (s).
    private func play(_ timeline: Timeline, stimuli: [String: StimulusSpec], reader: LayerReader,
                      read: (String, Trial, [Double], Double) throws -> Void) throws {
        let blank = try reader.blankActivations()
        var state = [Double](repeating: 0, count: blank.count)
        var cache: [String: [Double]] = [:]
        func activations(_ name: String) throws -> [Double] {
            if let known = cache[name] { return known }
            guard let spec = stimuli[name] else { throw NeuralError("stimulus '\(name)' is not defined") }
            let x = try reader.activations(try reader.render(spec))
            cache[name] = x
            return x
        }
        try TimelinePlayback.play(timeline, show: { stimulus, seconds in
            suppression.advance(&state, activations: try stimulus.map(activations) ?? blank, seconds: seconds)
        }, read: { phase, trial, adaptedS in
            try read(phase, trial, state, adaptedS)
        })
    }

    /// The tint along `axis` (a unit DKL direction) whose unadapted response best matches `adapted`.
    private func perceivedTint(_ test: LinearImage, adapted: [Double], axis: SIMD3<Double>, reader: LayerReader) throws -> Double {
        let tints = (0..<tintSteps).map { tintRangeDKL * (2 * Double($0) / Double(tintSteps - 1) - 1) }
        let unadaptedState = [Double](repeating: 0, count: adapted.count)
        let misfit = try tints.map { t -> Double in
            let unadapted = suppression.respond(try reader.activations(test, tint: axis * t), state: unadaptedState)
            return zip(unadapted, adapted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        let best = misfit.indices.min { misfit[$0] < misfit[$1] }!
        // An exact match (an unadapted state) needs no refinement; neither does an end of the range.
        guard misfit[best] > 0, best > 0, best < tints.count - 1 else { return tints[best] }
        // Vertex of the parabola through the best value and its neighbours (equal spacing h).
        let (a, b, c) = (misfit[best - 1], misfit[best], misfit[best + 1]), h = tints[1] - tints[0]
        let curvature = a - 2 * b + c
        return curvature > 0 ? tints[best] + h * (a - c) / (2 * curvature) : tints[best]
    }

    /// Renders stimuli over the network's field, tinted as the presenter tints, and reads the layer.
    private struct LayerReader {
        let prediction: NetworkSuppressionPrediction
        let profile: MonitorProfile
        let background: SIMD3<Double>
        let cones: ConeSpace
        let renderer: StimulusRenderer

        init(prediction: NetworkSuppressionPrediction, profile: MonitorProfile, background: SIMD3<Double>) {
            self.prediction = prediction; self.profile = profile; self.background = background
            cones = ConeSpace(profile: profile)
            renderer = StimulusRenderer(geometry: prediction.preprocessing.geometry, profile: profile, mapping: .smallAngle)
        }

        /// `spec` over the network's field, in linear light.
        func render(_ spec: StimulusSpec) throws -> LinearImage {
            try renderer.render(spec, width: prediction.preprocessing.inputSize, height: prediction.preprocessing.inputSize)
        }

        /// The layer's activations (flattened) for `image` (a `render`) with its light scaled per gun
        /// towards the colour `dkl` (DKL offsets around the background), brightest gun at full output.
        func activations(_ rendered: LinearImage, tint dkl: SIMD3<Double> = .zero) throws -> [Double] {
            let size = prediction.preprocessing.inputSize
            var image = rendered
            if dkl != .zero {
                let gains = SIMD3<Float>(cones.tintGains(dkl: dkl, background: background))
                for p in 0..<(size * size) {
                    for g in 0..<3 { image.pixels[3 * p + g] *= gains[g] }
                }
            }
            return try read(profile.encode(image))
        }

        /// The activations for a screen of plain background.
        func blankActivations() throws -> [Double] {
            let size = prediction.preprocessing.inputSize
            let (r, g, b) = (Float(background.x), Float(background.y), Float(background.z))
            return try read(profile.encode(LinearImage(width: size, height: size, fill: (r, g, b))))
        }

        private func read(_ display: DisplayImage) throws -> [Double] {
            let network = prediction.network
            guard let input = network.inputs.first else { throw NeuralError("the model has no input") }
            let out = try network.run([input.name: prediction.preprocessing.tensor(display: display)], keep: [prediction.layer])
            guard let y = out[prediction.layer] else { throw NeuralError("the model did not compute layer '\(prediction.layer)'") }
            return y.data.map(Double.init)
        }
    }
}
