import GRDB

/// Where a session continues: the first phase not completed, the first trial of it without a
/// completed record, the next free frame index, and how far its session clock had got.
public struct ResumePoint: Sendable, Equatable {
    /// 0-based index of the first phase whose status is not `completed` (one past the last recorded
    /// phase when all recorded phases completed; 0 for a session with no phase yet).
    public var phaseIndex: Int
    /// Smallest trial index of that phase with no `completed` trial record.
    public var trialIndex: Int
    /// One past the largest frame index recorded for the session (0 when none).
    public var nextFrameIndex: Int
    /// The latest session-clock time recorded for the session (s): its last frame flip, response or
    /// key press, whichever came last; 0 when nothing was recorded. A resumed session's clock
    /// continues from here.
    public var elapsedS: Double

    public init(phaseIndex: Int, trialIndex: Int, nextFrameIndex: Int, elapsedS: Double = 0) {
        self.phaseIndex = phaseIndex
        self.trialIndex = trialIndex
        self.nextFrameIndex = nextFrameIndex
        self.elapsedS = elapsedS
    }

    /// Computes the resume point of session `sessionID` from what is on disk.
    static func fetch(_ db: Database, sessionID: Int64) throws -> ResumePoint {
        let phases = try Row.fetchAll(db, sql: """
            SELECT phase_index, status FROM phases WHERE session_id = ? ORDER BY phase_index
            """, arguments: [sessionID])
        let phaseIndex: Int
        if let open = phases.first(where: { ($0["status"] as String) != PhaseStatus.completed.rawValue }) {
            phaseIndex = open["phase_index"]
        } else {
            phaseIndex = (phases.last.map { $0["phase_index"] as Int + 1 }) ?? 0
        }
        let completed = Set(try Int.fetchAll(db, sql: """
            SELECT trial_index FROM trials WHERE session_id = ? AND phase_index = ? AND status = 'completed'
            """, arguments: [sessionID, phaseIndex]))
        var trialIndex = 0
        while completed.contains(trialIndex) { trialIndex += 1 }
        let lastFrame = try Int.fetchOne(db, sql: "SELECT MAX(frame_index) FROM frames WHERE session_id = ?",
                                         arguments: [sessionID])
        let elapsed = try Double.fetchOne(db, sql: """
            SELECT MAX(t) FROM (SELECT MAX(flip_time_s) AS t FROM frames WHERE session_id = :id
                                UNION ALL SELECT MAX(response_time_s) FROM responses WHERE session_id = :id
                                UNION ALL SELECT MAX(monotonic_s) FROM key_events WHERE session_id = :id)
            """, arguments: ["id": sessionID])
        return ResumePoint(phaseIndex: phaseIndex, trialIndex: trialIndex, nextFrameIndex: (lastFrame ?? -1) + 1,
                           elapsedS: elapsed ?? 0)
    }
}
