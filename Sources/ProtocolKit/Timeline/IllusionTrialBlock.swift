import StimulusKit

/// The trials of an illusion PSE phase, in the order they run.
public struct IllusionTrialBlock: Codable, Sendable, Equatable {
    public var spec: IllusionPhaseSpec
    /// Responses are accepted for this many frames after onset; nil = no limit.
    public var responseWindowFrames: Int?
    /// Blank frames before each trial.
    public var interTrialFrames: Int
    /// Adjustment: one trial per strength and repetition. Staircase: `maxTrials` slots per track (one track per
    /// strength and repetition), interleaved; the presenter skips the slots of a track that has stopped.
    public var trials: [IllusionTrial]

}

public struct IllusionTrial: Codable, Sendable, Equatable {
    /// 0-based position in the phase.
    public var index: Int
    /// The `illusion_strength` shown (dimensionless) and its position in the phase's `strengths`.
    public var strength: Double
    public var strengthIndex: Int
    /// 0-based repetition of this strength.
    public var repetition: Int
    /// The seeded level (index into the difference grid) the adjustment or the track starts at.
    public var startLevel: Int
    /// Staircase only: the track (one per strength and repetition) this slot feeds.
    public var track: Int?
}

extension TimelineCompiler {
    /// Each repetition runs every strength once in a seeded random order (a staircase runs each track's slots in
    /// interleaved rounds, each round in a fresh seeded order). An adjustment starts at a seeded uniform level of
    /// the whole range; a staircase track at a seeded uniform level of the range's middle half.
    mutating func compileIllusion(_ spec: IllusionPhaseSpec, path: String, random: inout SeededGenerator) -> IllusionTrialBlock {
        let window = spec.responseWindow.map { frames($0, path: "\(path).response_window") }
        let iti = frames(spec.interTrialInterval, path: "\(path).inter_trial_interval", allowZero: true)
        let n = spec.levelCount
        var trials: [IllusionTrial] = []
        func add(_ strengthIndex: Int, _ repetition: Int, start: Int, track: Int?) {
            trials.append(IllusionTrial(index: trials.count, strength: spec.strengths[strengthIndex], strengthIndex: strengthIndex,
                                        repetition: repetition, startLevel: start, track: track))
        }
        switch spec.method {
        case .adjustment:
            for repetition in 0..<spec.repetitions {
                var order = Array(spec.strengths.indices)
                random.shuffle(&order)
                for s in order { add(s, repetition, start: random.index(below: n), track: nil) }
            }
        case .staircase(let staircase):
            let tracks = (0..<spec.repetitions).flatMap { r in spec.strengths.indices.map { (strength: $0, repetition: r) } }
            let starts = tracks.map { _ in n / 4 + random.index(below: max(1, n / 2 + 1)) }
            for _ in 0..<staircase.maxTrials {
                var round = Array(tracks.indices)
                random.shuffle(&round)
                for t in round { add(tracks[t].strength, tracks[t].repetition, start: min(n - 1, starts[t]), track: t) }
            }
        }
        return IllusionTrialBlock(spec: spec, responseWindowFrames: window, interTrialFrames: iti, trials: trials)
    }
}
