/// The trials of a test phase, in the order they run.
public struct TrialBlock: Codable, Sendable, Equatable {
    public var response: ResponseMethodSpec
    /// Stimulus on-time (frames); nil = until the response.
    public var stimulusFrames: Int?
    /// Responses are accepted for this many frames after onset; nil = no limit.
    public var responseWindowFrames: Int?
    /// Blank frames after each trial.
    public var interTrialFrames: Int
    /// For nulling and forced choice: one entry per trial. For staircases and QUEST: `maxTrials`
    /// (or `trials`) slots per track, interleaved; the presenter skips the slots of a track that has
    /// already stopped.
    public var trials: [Trial]
}

public struct Trial: Codable, Sendable, Equatable {
    /// 0-based position in the phase.
    public var index: Int
    /// The condition's label (as in the protocol).
    public var condition: String
    /// The test stimulus's name.
    public var stimulus: String
    /// 0-based repetition of the condition; for staircases and QUEST, the track's repetition.
    public var repetition: Int
    /// Nulling only: the seeded start value on the nulling axis (axis units).
    public var startValue: Double?
    /// Staircases and QUEST: which adaptive track (one per condition and repetition) this slot feeds.
    public var track: Int?
    /// Forced choice with a right answer: the correct choice's label.
    public var correctChoice: String?
}

/// Heterochromatic flicker photometry, ready to play.
public struct FlickerPhotometryBlock: Codable, Sendable, Equatable {
    public var spec: FlickerPhotometrySpec
    /// Frames each colour stays up (a full cycle is twice this).
    public var halfPeriodFrames: Int
    /// The flicker frequency actually shown, refresh / (2 × halfPeriodFrames) (Hz).
    public var achievedFrequencyHz: Double
    /// The seeded start gain of each setting.
    public var startGains: [Double]
}
