import ProtocolKit

/// What a compiled timeline shows a model, in order, for adaptation models to integrate.
///
/// Time counted: timed presentation phases (adaptation, reversal; optional ones included) and timed
/// rests (blank). Participant-paced phases (text, consent, tests) add no time: a test phase is read
/// with the state at its start, and test stimuli themselves do not adapt.
enum TimelinePlayback {
    /// Calls `show(stimulus, seconds)` for every timed stretch in order (`nil`: the blank background)
    /// and `read(phase, trial, adaptedS)` for the first trial of each condition of each test phase,
    /// where `adaptedS` is the presentation time (s) shown so far.
    static func play(_ timeline: Timeline, show: (String?, Double) throws -> Void,
                     read: (_ phase: String, _ trial: Trial, _ adaptedS: Double) throws -> Void) throws {
        let frameS = 1 / timeline.refreshHz
        var adaptedFrames = 0
        for phase in timeline.phases {
            switch phase.content {
            case .presentation(let p):
                var frame = 0
                for onset in p.onsets {
                    try show(nil, Double(onset.frame - frame) * frameS)
                    try show(onset.stimulus, Double(onset.frames) * frameS)
                    adaptedFrames += onset.frames
                    frame = onset.frame + onset.frames
                }
                try show(nil, Double((phase.frameCount ?? frame) - frame) * frameS)
            case .rest:
                try show(nil, Double(phase.frameCount ?? 0) * frameS)
            case .trials(let block):
                var seen: Set<String> = []
                for trial in block.trials where seen.insert(trial.condition).inserted {
                    try read(phase.name, trial, Double(adaptedFrames) * frameS)
                }
            case .text, .consent, .flickerPhotometry, .illusionPSE:
                break
            }
        }
    }
}
