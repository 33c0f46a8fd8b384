import Foundation
import NeuralKit
import ProtocolKit
import StimulusKit

/// Predicts the aftereffect of every test condition of a protocol: runs each distinct stimulus of the
/// compiled timeline through the V1 model once, then plays the adaptation model over the timeline's
/// frames (the real durations, alternation and blank gaps) and reads each test stimulus's perceived
/// tint with the state reached when its test phase begins.
///
/// Time counted: timed presentation phases (adaptation, reversal; optional ones included) and timed
/// rests (blank). Participant-paced phases (text, consent, tests) add no time: the prediction for a
/// test phase is the state at its start, and test stimuli themselves do not adapt the model.
public struct AftereffectPrediction: Sendable {
    public var model: V1Configuration
    public var adaptation: DecorrelationAdaptation

    public init(model: V1Configuration = V1Configuration(), adaptation: DecorrelationAdaptation = DecorrelationAdaptation()) {
        self.model = model
        self.adaptation = adaptation
    }

    /// Checks and compiles the protocol (as `stimgen validate` does) and predicts it; the error lists
    /// the protocol's own errors when it does not compile. A protocol the photosensitive-safety
    /// analysis refuses is still predicted: no one watches the model's frames.
    public func run(protocolFile: URL, options: ProtocolCheck.Options = ProtocolCheck.Options()) throws -> PredictionTable {
        let report = ProtocolCheck.run(file: protocolFile, options: options)
        guard let timeline = report.timeline, let resolved = report.resolved else {
            let errors = report.errors.map { "\($0)" }.joined(separator: "\n")
            throw NeuralError("\(protocolFile.path): the protocol does not compile, so it cannot be predicted:\n\(errors)")
        }
        var table = try run(timeline: timeline, resolved: resolved, distanceCm: report.spec?.viewing.distanceCm ?? resolved.geometry.distanceCm)
        // Conditions in the order the protocol lists them (the timeline holds them in trial order).
        var order: [String: Int] = [:]
        for case .test(let test) in report.spec?.phases ?? [] {
            for (i, c) in test.conditions.enumerated() { order[test.name + "\u{0}" + c.label] = i }
        }
        let phaseOrder = Dictionary(table.rows.map(\.phase).enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        table.rows.sort {
            (phaseOrder[$0.phase]!, order[$0.phase + "\u{0}" + $0.condition] ?? 0) < (phaseOrder[$1.phase]!, order[$1.phase + "\u{0}" + $1.condition] ?? 0)
        }
        return table
    }

    /// Predicts a compiled timeline whose stimulus names resolve in `resolved`.
    public func run(timeline: Timeline, resolved: ResolvedStimuli, distanceCm: Double) throws -> PredictionTable {
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
        let frameS = 1 / timeline.refreshHz
        var state = adaptation.initialState(units: units)
        var adaptedFrames = 0
        var rows: [PredictedCondition] = []
        for phase in timeline.phases {
            switch phase.content {
            case .presentation(let p):
                var frame = 0
                for onset in p.onsets {
                    adaptation.advance(&state, seconds: Double(onset.frame - frame) * frameS, input: blank)
                    adaptation.advance(&state, seconds: Double(onset.frames) * frameS, input: try statistics(onset.stimulus))
                    adaptedFrames += onset.frames
                    frame = onset.frame + onset.frames
                }
                adaptation.advance(&state, seconds: Double((phase.frameCount ?? frame) - frame) * frameS, input: blank)
            case .rest:
                adaptation.advance(&state, seconds: Double(phase.frameCount ?? 0) * frameS, input: blank)
            case .trials(let block):
                var seen: Set<String> = []
                for trial in block.trials where seen.insert(trial.condition).inserted {
                    let tint = adaptation.perceivedTint(try statistics(trial.stimulus), after: state)
                    rows.append(PredictedCondition(phase: phase.name, condition: trial.condition, stimulus: trial.stimulus,
                                                   adaptationS: Double(adaptedFrames) * frameS,
                                                   perceivedTintDKLLM: tint, predictedNullDKLLM: tint.map { -$0 }))
                }
            case .text, .consent, .flickerPhotometry, .illusionPSE:
                break
            }
        }
        return PredictionTable(protocolName: timeline.protocolName, model: "v1", adaptation: "decorrelation", rows: rows)
    }
}
