/// A response recorded before a session was resumed, as the frame loop needs it to carry on: which
/// trial it answered and with which key, so that adaptive tracks are rebuilt by replaying the answers
/// and answered trials are not run again.
public struct RecordedAnswer: Sendable, Equatable {
    public var phase: Int
    public var trial: Int
    /// The key that gave the answer (yes/no and forced choice); nil for nulling and timed-out responses.
    public var key: String?
    /// The answered value (a nulling or flicker setting, a staircase level), in the response's unit.
    public var value: Double?
    public var timedOut: Bool

    public init(phase: Int, trial: Int, key: String?, value: Double? = nil, timedOut: Bool) {
        self.phase = phase; self.trial = trial; self.key = key; self.value = value; self.timedOut = timedOut
    }
}

/// A trial or an adaptive track within a phase (track and trial numbers restart in every phase).
struct PhaseItem: Hashable {
    let phase: Int
    let number: Int
}
