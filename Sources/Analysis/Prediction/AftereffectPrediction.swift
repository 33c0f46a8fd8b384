import Foundation
import NeuralKit
import ProtocolKit
import StimulusKit

/// Predicts the aftereffect of every test condition of a protocol: runs each distinct stimulus of the
/// compiled timeline through the V1 model once, then plays the adaptation model over the timeline's
/// frames (the real durations, alternation and blank gaps) and reads each test stimulus's perceived
/// tint with the state reached when its test phase begins.
///
/// Time is counted as `TimelinePlayback` counts it: the prediction for a test phase is the state at
/// its start.
public struct AftereffectPrediction<Adaptation: ColourAdaptation>: ProtocolPredictor {
    public var model: V1Configuration
    public var adaptation: Adaptation

    public init(model: V1Configuration = V1Configuration(), adaptation: Adaptation) {
        self.model = model
        self.adaptation = adaptation
    }

    /// One table per name in `layers`, from a single pass over the protocol. The error lists the
    /// protocol's own errors when it does not compile, or the valid layer names. A protocol the
    /// photosensitive-safety analysis refuses is still predicted: no one watches the model's frames.
    public func run(protocolFile: URL, options: ProtocolCheck.Options = ProtocolCheck.Options(), layers: [String]) throws -> [PredictionTable] {
        let readouts = try layers.map { try PredictionLayer.named($0, model) }
        let report = ProtocolCheck.run(file: protocolFile, options: options)
        guard let timeline = report.timeline, let resolved = report.resolved else {
            let errors = report.errors.map { "\($0)" }.joined(separator: "\n")
            throw NeuralError("\(protocolFile.path): the protocol does not compile, so it cannot be predicted:\n\(errors)")
        }
        var readings = try play(timeline: timeline, resolved: resolved, distanceCm: report.spec?.viewing.distanceCm ?? resolved.geometry.distanceCm)
        // Conditions in the order the protocol lists them (the timeline holds them in trial order).
        var order: [String: Int] = [:]
        for case .test(let test) in report.spec?.phases ?? [] {
            for (i, c) in test.conditions.enumerated() { order[test.name + "\u{0}" + c.label] = i }
        }
        let phaseOrder = Dictionary(readings.map(\.phase).enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        func key(_ r: TestReading) -> (Int, Int) { (phaseOrder[r.phase]!, order[r.phase + "\u{0}" + r.condition] ?? 0) }
        readings.sort { key($0) < key($1) }
        return readouts.map { readout in
            PredictionTable(protocolName: timeline.protocolName, model: "v1", adaptation: Adaptation.name, layer: readout.name,
                            rows: readings.map { $0.prediction(readout, adaptation: adaptation) })
        }
    }

    /// What the model holds when a test condition is shown: its statistics and the adaptation state.
    struct TestReading {
        var phase: String
        var condition: String
        var stimulus: String
        var orientationDeg: Double?
        var adaptationS: Double
        var test: ColourContingency
        var state: AxisStates

        func prediction(_ readout: PredictionLayer, adaptation: Adaptation) -> PredictedCondition {
            let lm = adaptation.perceivedTint(test, after: state.lm, readingUnits: readout.units)
            let s = adaptation.perceivedTint(test.sAxis, after: state.s, readingUnits: readout.units)
            return PredictedCondition(phase: phase, condition: condition, stimulus: stimulus, orientationDeg: orientationDeg,
                                      adaptationS: adaptationS, perceivedTintDKLLM: lm, predictedNullDKLLM: lm.map { -$0 },
                                      perceivedTintDKLS: s, predictedNullDKLS: s.map { -$0 })
        }
    }

    /// The adaptation state of the L−M axis and of the S−(L+M) axis, adapted side by side by the same model.
    struct AxisStates {
        var lm: Adaptation.State
        var s: Adaptation.State

        mutating func advance(_ adaptation: Adaptation, seconds: Double, input: ColourContingency) {
            adaptation.advance(&lm, seconds: seconds, input: input)
            adaptation.advance(&s, seconds: seconds, input: input.sAxis)
        }
    }

    /// Plays a compiled timeline whose stimulus names resolve in `resolved`; one reading per test
    /// condition of each test phase, in trial order.
    func play(timeline: Timeline, resolved: ResolvedStimuli, distanceCm: Double) throws -> [TestReading] {
        try adaptation.validate()
        let bg = timeline.backgroundLinearRGB
        guard bg.count == 3 else { throw NeuralError("background_linear_rgb needs 3 values (r, g, b), got \(bg.count)") }
        let v1 = try V1Model(configuration: model, profile: resolved.profile, background: SIMD3(bg[0], bg[1], bg[2]))
        let view = ModelView(configuration: model, profile: resolved.profile, distanceCm: distanceCm)
        var cache: [String: ColourContingency] = [:]
        func statistics(_ name: String) throws -> ColourContingency {
            if let known = cache[name] { return known }
            guard let spec = resolved.stimuli[name] else { throw NeuralError("stimulus '\(name)' is not defined") }
            let s = ColourContingency(try v1.run(view.image(spec)))
            cache[name] = s
            return s
        }
        let units = model.orientationsDeg.count * model.spatialFrequenciesCpd.count
        let blank = ColourContingency.blank(units: units)
        var state = AxisStates(lm: adaptation.initialState(units: units), s: adaptation.initialState(units: units))
        var readings: [TestReading] = []
        try TimelinePlayback.play(timeline, show: { stimulus, seconds in
            state.advance(adaptation, seconds: seconds, input: try stimulus.map(statistics) ?? blank)
        }, read: { phase, trial, adaptedS in
            readings.append(TestReading(phase: phase, condition: trial.condition, stimulus: trial.stimulus,
                                        orientationDeg: resolved.stimuli[trial.stimulus]?.pattern.grating?.orientationDeg,
                                        adaptationS: adaptedS, test: try statistics(trial.stimulus), state: state))
        })
        return readings
    }
}
