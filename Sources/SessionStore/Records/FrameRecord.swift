import GRDB

/// One presented frame: when it was planned and when its flip happened. Written in batches.
public struct FrameRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "frames"

    public var sessionId: Int64
    /// 0-based frame counter over the whole session (a resumed session continues from
    /// `ResumePoint.nextFrameIndex`).
    public var frameIndex: Int
    public var phaseIndex: Int
    /// When the timeline planned the frame's flip (s, session clock).
    public var plannedTimeS: Double
    /// Monotonic timestamp taken right after the flip returned (s, session clock).
    public var flipTimeS: Double
    /// Time since the previous flip (s); nil for the first frame.
    public var intervalS: Double?
    /// Whether `intervalS` exceeded 1.5 refresh periods.
    public var dropped: Bool

    public init(
        sessionId: Int64, frameIndex: Int, phaseIndex: Int, plannedTimeS: Double, flipTimeS: Double,
        intervalS: Double?, dropped: Bool
    ) {
        self.sessionId = sessionId
        self.frameIndex = frameIndex
        self.phaseIndex = phaseIndex
        self.plannedTimeS = plannedTimeS
        self.flipTimeS = flipTimeS
        self.intervalS = intervalS
        self.dropped = dropped
    }

    enum CodingKeys: String, CodingKey {
        case sessionId = "session_id", frameIndex = "frame_index", phaseIndex = "phase_index"
        case plannedTimeS = "planned_time_s", flipTimeS = "flip_time_s", intervalS = "interval_s"
        case dropped
    }
}
