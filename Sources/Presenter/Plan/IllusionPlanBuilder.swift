import ProtocolKit
import StimulusKit

/// A pre-rendered image of an illusion PSE phase: the stimulus variant and the size it is rendered at (px).
struct IllusionImage {
    let spec: StimulusSpec
    let widthPx: Int
    let heightPx: Int
}

extension TimelinePlanBuilder {
    /// The blocks of an illusion PSE phase and the images they draw. Each trial shows a full-screen image of the
    /// stimulus's background with, centred on it, the `field_deg` square of the illusion at the level the response
    /// is at: one texture per strength and `difference` level, all made before the phase starts, so that a key
    /// press only changes which texture the frame loop blits.
    func illusionBlocks(_ p: Int, _ name: String, _ kind: String, _ block: IllusionTrialBlock) throws(PlanError)
        -> ([PlannedBlock], [String: IllusionImage]) {
        let spec = block.spec
        guard let stimulus = stimuli[spec.stimulus], let illusion = stimulus.illusion else {
            throw PlanError("phases[\(p)] '\(name)': stimulus '\(spec.stimulus)' is not an illusion")
        }
        let full = PixelRect(x: 0, y: 0, width: geometry.screenWidthPx, height: geometry.screenHeightPx)
        let side = Int((spec.fieldDeg * geometry.pixelsPerDegree()).rounded())
        // Same parity as the screen, so that the field sits exactly at the centre.
        let w = min(full.width, side + (full.width - side) % 2), h = min(full.height, side + (full.height - side) % 2)
        let field = PixelRect(x: (full.width - w) / 2, y: (full.height - h) / 2, width: w, height: h)
        var images: [String: IllusionImage] = [:]
        let baseKey = "illusion:\(p):background"
        images[baseKey] = IllusionImage(spec: StimulusSpec(name: baseKey, background: stimulus.background, pattern: .uniform(stimulus.background)),
                                        widthPx: full.width, heightPx: full.height)
        let levelKeys = spec.strengths.indices.map { s in (0..<spec.levelCount).map { "illusion:\(p):\(s):\($0)" } }
        for (s, strength) in spec.strengths.enumerated() {
            for level in 0..<spec.levelCount {
                guard let variant = stimulus.withIllusion(strength: strength, difference: spec.difference(atLevel: level)) else { continue }
                images[levelKeys[s][level]] = IllusionImage(spec: variant, widthPx: w, heightPx: h)
            }
        }
        let blocks = try block.trials.map { trial throws(PlanError) -> PlannedBlock in
            let response = IllusionJudgement.Configuration(phase: spec, startLevel: trial.startLevel, strength: trial.strength)
            var segments: [FrameSegment] = []
            if block.interTrialFrames > 0 { segments.append(FrameSegment(frames: block.interTrialFrames, layers: [])) }
            segments.append(FrameSegment(frames: 1, layers: [.image(key: baseKey, rect: full, tinted: false),
                                                             .levels(keys: levelKeys[trial.strengthIndex], rect: field)]))
            let conditions = try IllusionTrialConditions(trial, stimulus: spec.stimulus, illusion: illusion,
                                                         startDifference: spec.difference(atLevel: trial.startLevel)).json()
            return PlannedBlock(phaseIndex: p, phaseName: name, phaseKind: kind, trialIndex: trial.index, conditionsJSON: conditions,
                                background: background, segments: segments, response: .illusion(response),
                                valueUnit: illusion.kind.differenceUnit, track: trial.track, onsetFrame: block.interTrialFrames,
                                responseWindowS: block.responseWindowFrames.map { Double($0) / timeline.refreshHz })
        }
        return (blocks, images)
    }
}

/// What a recorded illusion trial's `conditions_json` holds: the illusion, its strength, the unit of `difference`,
/// the stimulus, the repetition, the staircase track and the start difference. Keys sorted; absent values left out.
struct IllusionTrialConditions: RecordedConditions {
    let illusion: String
    let illusionStrength: Double
    let differenceUnit: String
    let stimulus: String
    let repetition: Int
    let track: Int?
    let startDifference: Double

    private enum CodingKeys: String, CodingKey {
        case illusion, stimulus, repetition, track
        case illusionStrength = "illusion_strength", differenceUnit = "difference_unit", startDifference = "start_difference"
    }

    init(_ trial: IllusionTrial, stimulus: String, illusion: Illusion, startDifference: Double) {
        self.illusion = illusion.kind.rawValue
        illusionStrength = trial.strength
        differenceUnit = illusion.kind.differenceUnit
        self.stimulus = stimulus
        repetition = trial.repetition
        track = trial.track
        self.startDifference = startDifference
    }
}
