import GRDB

/// One trial of a phase: its conditions as the protocol laid them out, and how far it got.
/// Keyed by (session, phase index, trial index); recording it again updates it.
public struct TrialRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "trials"

    public var sessionId: Int64
    public var phaseIndex: Int
    /// 0-based position of the trial in its phase.
    public var trialIndex: Int
    /// The trial's conditions, a flat JSON object whose keys carry their units
    /// (e.g. `{"orientation_deg": 90, "test_contrast": 1}`).
    public var conditionsJSON: String
    public var status: TrialStatus
    /// Flip timestamp of the stimulus onset (s, session clock).
    public var onsetFlipS: Double?

    public init(
        sessionId: Int64, phaseIndex: Int, trialIndex: Int, conditionsJSON: String,
        status: TrialStatus, onsetFlipS: Double? = nil
    ) {
        self.sessionId = sessionId
        self.phaseIndex = phaseIndex
        self.trialIndex = trialIndex
        self.conditionsJSON = conditionsJSON
        self.status = status
        self.onsetFlipS = onsetFlipS
    }

    enum CodingKeys: String, CodingKey {
        case sessionId = "session_id", phaseIndex = "phase_index", trialIndex = "trial_index"
        case conditionsJSON = "conditions_json", status, onsetFlipS = "onset_flip_s"
    }
}
