import GRDB

/// How much a session has on disk, all runs of it together: what `stimgen run` prints at the end.
public struct SessionCounts: Sendable, Equatable {
    public var trials: Int
    public var responses: Int
    /// Responses whose window passed unanswered (`timed_out`).
    public var timedOutResponses: Int
    public var frames: Int
    /// Fixation-task rows by outcome; outcomes without rows are absent.
    public var fixationOutcomes: [FixationOutcome: Int]
}

extension SessionDatabase {
    /// The row counts of session `id`, read in one transaction.
    public func counts(sessionID id: Int64) throws -> SessionCounts {
        try pool.read { db in
            func count(_ from: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(from)", arguments: [id]) ?? 0
            }
            let rows = try Row.fetchAll(db, sql: "SELECT outcome, COUNT(*) AS n FROM fixation_events WHERE session_id = ? GROUP BY outcome",
                                        arguments: [id])
            let outcomes = Dictionary(uniqueKeysWithValues: rows.compactMap { row in
                FixationOutcome(rawValue: row["outcome"]).map { ($0, row["n"] as Int) }
            })
            return SessionCounts(trials: try count("trials WHERE session_id = ?"),
                                 responses: try count("responses WHERE session_id = ?"),
                                 timedOutResponses: try count("responses WHERE session_id = ? AND timed_out"),
                                 frames: try count("frames WHERE session_id = ?"),
                                 fixationOutcomes: outcomes)
        }
    }
}
