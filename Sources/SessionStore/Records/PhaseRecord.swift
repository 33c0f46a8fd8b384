import GRDB

/// One phase of a session (instructions, adaptation, a test block…): what the protocol planned and
/// what the presenter measured. Keyed by (session, phase index). All `*_s` times are seconds on the
/// session clock (see docs/SESSION_DATABASE.md).
public struct PhaseRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "phases"

    public var sessionId: Int64
    /// 0-based position of the phase in the protocol.
    public var phaseIndex: Int
    public var name: String
    /// The protocol language's phase kind (e.g. `adaptation`, `nulling`, `flicker_photometry`).
    public var kind: String
    /// Duration the timeline planned (frames).
    public var plannedFrames: Int
    /// Duration the timeline planned (s).
    public var plannedDurationS: Double
    /// Frames actually presented; nil until the phase ends.
    public var measuredFrames: Int?
    /// Measured duration from the phase's first flip to the flip after its last frame (s).
    public var measuredDurationS: Double?
    /// Flip timestamp of the phase's first frame (s).
    public var firstFlipS: Double?
    /// Frames of the phase whose interval exceeded 1.5 refresh periods.
    public var droppedFrames: Int?
    public var status: PhaseStatus

    public init(
        sessionId: Int64, phaseIndex: Int, name: String, kind: String, plannedFrames: Int,
        plannedDurationS: Double, measuredFrames: Int? = nil, measuredDurationS: Double? = nil,
        firstFlipS: Double? = nil, droppedFrames: Int? = nil, status: PhaseStatus = .running
    ) {
        self.sessionId = sessionId
        self.phaseIndex = phaseIndex
        self.name = name
        self.kind = kind
        self.plannedFrames = plannedFrames
        self.plannedDurationS = plannedDurationS
        self.measuredFrames = measuredFrames
        self.measuredDurationS = measuredDurationS
        self.firstFlipS = firstFlipS
        self.droppedFrames = droppedFrames
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case sessionId = "session_id", phaseIndex = "phase_index", name, kind
        case plannedFrames = "planned_frames", plannedDurationS = "planned_duration_s"
        case measuredFrames = "measured_frames", measuredDurationS = "measured_duration_s"
        case firstFlipS = "first_flip_s", droppedFrames = "dropped_frames", status
    }
}
