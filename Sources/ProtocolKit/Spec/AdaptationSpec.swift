/// An adaptation (or reversal) phase: `sequence` is shown in order, again and again, for
/// `total` (a duration, or a number of repetitions of the whole sequence).
public struct AdaptationSpec: Codable, Sendable, Equatable {
    public var name: String
    public var sequence: [SequenceItem]
    /// Blank (background) shown between consecutive items; nil for none.
    public var blankBetween: TimeSpan?
    public var total: AdaptationLength
    public var fixation: FixationTaskSpec?
    /// Show the time left, in whole seconds, at the bottom of the screen.
    public var countdown: Bool
    /// The participant is asked whether to run the phase (e.g. a de-adaptation they may decline).
    public var optional: Bool

    /// One item of the alternation.
    public struct SequenceItem: Codable, Sendable, Equatable {
        /// Name of a stimulus (inline or from the stimulus library).
        public var stimulus: String
        public var duration: TimeSpan
    }
}

/// How long an adaptation phase lasts.
public enum AdaptationLength: Codable, Sendable, Equatable {
    /// Until this time has passed; the last cycle is cut there.
    case duration(TimeSpan)
    /// This many passes through the whole sequence.
    case repetitions(Int)
}

/// The fixation task that keeps the eyes moving and attention on the screen (Bach's demo):
/// a letter that changes every `interval` at a position jittered around the centre.
public struct FixationTaskSpec: Codable, Sendable, Equatable {
    /// The letters drawn from (each change picks one different from the last).
    public var letters: [String]
    public var interval: TimeSpan
    /// Horizontal and vertical jitter, uniform in ± this many degrees of visual angle (deg).
    public var jitterDeg: Double
    /// Letter height (deg).
    public var sizeDeg: Double
    /// A letter the participant must press `responseKey` for; hits and misses are recorded.
    public var target: String?
    /// Probability that a change shows the target (0...1).
    public var targetProbability: Double
    /// Key name (SDL key name, lower case) for the target response.
    public var responseKey: String
}
