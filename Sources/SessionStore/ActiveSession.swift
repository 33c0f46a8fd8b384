import Foundation
import GRDB

/// A session being recorded by this process: its stored record, where it starts, and the writer
/// the frame loop records into. Holds the session's owner lock until `finish`.
public final class ActiveSession: Sendable {
    public let record: SessionRecord
    /// Where the presenter starts: all zeros for a new session.
    public let resumePoint: ResumePoint
    public let writer: SessionWriter
    private let database: SessionDatabase
    private let lock: SessionOwnerLock

    /// The session's id in the database.
    public var id: Int64 { record.id! }

    init(database: SessionDatabase, record: SessionRecord, resumePoint: ResumePoint, lock: SessionOwnerLock,
         framePolicy: FrameBatchPolicy) {
        self.database = database
        self.record = record
        self.resumePoint = resumePoint
        self.lock = lock
        let rescue = URL(fileURLWithPath: database.url.path + "-rescue-session-\(record.id!).jsonl")
        self.writer = SessionWriter(pool: database.pool, sessionID: record.id!, rescueURL: rescue, policy: framePolicy)
    }

    /// Commits everything still queued, stores the final status (`completed`, or `aborted` on Esc)
    /// with the end time, and releases the owner lock. The status is stored even when the final
    /// flush reports failed events; that error is rethrown afterwards.
    public func finish(_ status: SessionStatus, endedAt: Date = Date()) throws {
        precondition(status != .running, "a session finishes as completed, aborted or interrupted")
        var flushError: (any Error)?
        do { try writer.flush() } catch { flushError = error }
        writer.stop()
        let id = self.id
        try database.pool.write { db in
            try db.execute(sql: "UPDATE sessions SET status = ?, ended_at_utc = ?, owner_token = NULL WHERE id = ?",
                           arguments: [status.rawValue, endedAt, id])
        }
        lock.release()
        if let flushError { throw flushError }
    }
}
