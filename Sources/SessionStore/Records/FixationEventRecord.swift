import GRDB

/// One letter of the fixation task and what the participant did with it.
public struct FixationEventRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "fixation_events"

    public var id: Int64?
    public var sessionId: Int64
    public var phaseIndex: Int
    /// The letter shown.
    public var letter: String
    /// Flip timestamp at which the letter appeared (s, session clock).
    public var onsetFlipS: Double
    /// Whether the letter was a target the participant had to report.
    public var isTarget: Bool
    public var outcome: FixationOutcome
    /// Time of the report key press (s, session clock), when there was one.
    public var responseTimeS: Double?

    public init(
        id: Int64? = nil, sessionId: Int64, phaseIndex: Int, letter: String, onsetFlipS: Double,
        isTarget: Bool, outcome: FixationOutcome, responseTimeS: Double? = nil
    ) {
        self.id = id
        self.sessionId = sessionId
        self.phaseIndex = phaseIndex
        self.letter = letter
        self.onsetFlipS = onsetFlipS
        self.isTarget = isTarget
        self.outcome = outcome
        self.responseTimeS = responseTimeS
    }

    enum CodingKeys: String, CodingKey {
        case id, sessionId = "session_id", phaseIndex = "phase_index", letter
        case onsetFlipS = "onset_flip_s", isTarget = "is_target", outcome
        case responseTimeS = "response_time_s"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
