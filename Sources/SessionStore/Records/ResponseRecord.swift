import Foundation
import GRDB

/// One response: an adjustment's final setting, a forced choice, a staircase answer. Committed in
/// its own transaction the moment it is made.
public struct ResponseRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "responses"

    public var id: Int64?
    public var sessionId: Int64
    public var phaseIndex: Int
    public var trialIndex: Int
    /// The response method (e.g. `nulling`, `forced_choice`, `staircase`, `flicker_photometry`).
    public var method: String
    /// The answered value (adjusted colour, staircase level…), in `valueUnit`.
    public var value: Double?
    /// Unit of `value` and of the trajectory values, a short identifier such as `dkl_lm`, `dkl_s`,
    /// `log10_contrast`, `luminance_ratio`.
    public var valueUnit: String?
    /// The option chosen in a forced choice (e.g. `left`, `tinted`).
    public var choice: String?
    /// Whether a forced choice was correct, when that is defined.
    public var correct: Bool?
    /// Flip timestamp of the stimulus onset (s, session clock).
    public var onsetFlipS: Double
    /// Timestamp of the key event that gave the response (s, session clock).
    public var responseTimeS: Double
    /// Reaction time from the stimulus-onset flip: `responseTimeS - onsetFlipS` (s).
    public var rtS: Double
    /// The response window passed without an answer: `value`, `choice` and `correct` are NULL and
    /// `responseTimeS` is the end of the window (so `rtS` is the window's length).
    public var timedOut: Bool
    /// Every setting the participant passed through, in order.
    public var trajectory: [TrajectoryPoint]
    /// Wall-clock time the response was made (UTC).
    public var recordedAt: Date

    public init(
        id: Int64? = nil, sessionId: Int64, phaseIndex: Int, trialIndex: Int, method: String,
        value: Double?, valueUnit: String?, choice: String? = nil, correct: Bool? = nil,
        onsetFlipS: Double, responseTimeS: Double, timedOut: Bool = false, trajectory: [TrajectoryPoint] = [],
        recordedAt: Date = Date()
    ) {
        self.id = id
        self.sessionId = sessionId
        self.phaseIndex = phaseIndex
        self.trialIndex = trialIndex
        self.method = method
        self.value = value
        self.valueUnit = valueUnit
        self.choice = choice
        self.correct = correct
        self.onsetFlipS = onsetFlipS
        self.responseTimeS = responseTimeS
        self.rtS = responseTimeS - onsetFlipS
        self.timedOut = timedOut
        self.trajectory = trajectory
        self.recordedAt = recordedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, sessionId = "session_id", phaseIndex = "phase_index", trialIndex = "trial_index"
        case method, value, valueUnit = "value_unit", choice, correct
        case onsetFlipS = "onset_flip_s", responseTimeS = "response_time_s", rtS = "rt_s", timedOut = "timed_out"
        case trajectory = "trajectory_json", recordedAt = "recorded_at_utc"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
