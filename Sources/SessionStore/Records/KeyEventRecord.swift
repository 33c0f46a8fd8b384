import GRDB

/// One key press as the presenter received it.
public struct KeyEventRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "key_events"

    public var id: Int64?
    public var sessionId: Int64
    /// The phase during which the key was pressed, if any.
    public var phaseIndex: Int?
    /// SDL key name (e.g. `Left`, `Space`, `Escape`).
    public var key: String
    /// What the protocol maps the key to (e.g. `increase`, `confirm`), if anything.
    public var action: String?
    /// SDL's event timestamp (ms since SDL initialised).
    public var sdlTimestampMs: Int64
    /// Monotonic time the presenter read the event (s, session clock).
    public var monotonicS: Double

    public init(
        id: Int64? = nil, sessionId: Int64, phaseIndex: Int?, key: String, action: String? = nil,
        sdlTimestampMs: Int64, monotonicS: Double
    ) {
        self.id = id
        self.sessionId = sessionId
        self.phaseIndex = phaseIndex
        self.key = key
        self.action = action
        self.sdlTimestampMs = sdlTimestampMs
        self.monotonicS = monotonicS
    }

    enum CodingKeys: String, CodingKey {
        case id, sessionId = "session_id", phaseIndex = "phase_index", key, action
        case sdlTimestampMs = "sdl_timestamp_ms", monotonicS = "monotonic_s"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
