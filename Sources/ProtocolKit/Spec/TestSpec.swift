/// A test phase: trials of test stimuli, each answered with the phase's response method.
public struct TestSpec: Codable, Sendable, Equatable {
    public var name: String
    public var conditions: [TestCondition]
    /// How many times each condition is run.
    public var repetitions: Int
    public var order: TrialOrder
    /// How long the test stimulus stays up; nil = until the response.
    public var stimulusDuration: TimeSpan?
    /// How long after stimulus onset a response is accepted; nil = no limit.
    public var responseWindow: TimeSpan?
    /// Blank between the end of one trial and the onset of the next.
    public var interTrialInterval: TimeSpan
    public var response: ResponseMethodSpec
}

/// One condition of a test phase.
public struct TestCondition: Codable, Sendable, Equatable {
    /// Name of the condition in the data (e.g. `horizontal`).
    public var label: String
    /// Name of the test stimulus.
    public var stimulus: String
    /// For forced choice with a right answer: the label of the correct choice.
    public var correctChoice: String?
}

/// The order in which a test phase runs its trials.
public enum TrialOrder: String, Codable, Sendable, CaseIterable {
    /// All repetitions of all conditions in one seeded random permutation.
    case shuffled
    /// Each repetition is a block holding every condition once, in seeded random order.
    case blocked
    /// Conditions in the order written, repeated.
    case sequential
}
