import Foundation
import GRDB

/// One study's database of participants and sessions (SQLite in WAL mode, through GRDB).
///
/// Opening it checks the file first (an existing file that is not a stimgen database, or is
/// damaged, throws a `SessionStoreError` and is left untouched), migrates the schema, and marks
/// `interrupted` every `running` session whose recording process is gone. Several processes may
/// open and write the same database at once.
public final class SessionDatabase: Sendable {
    /// Where `stimgen` keeps sessions unless told otherwise (relative to the working directory).
    public static let defaultPath = "Sessions/stimgen.sqlite"

    public let url: URL
    /// The connection pool; readers never block the writer and vice versa.
    public let pool: DatabasePool
    /// Sessions this open found `running` with no live process and marked `interrupted`.
    public let interruptedOnOpen: [Int64]

    /// Opens (creating it and its folder when missing) the database at `url`.
    /// - Parameter busyTimeoutS: how long a connection waits for another process's write lock (s).
    public init(url: URL, busyTimeoutS: Double = 10) throws {
        self.url = url
        let migrator = SessionSchema.migrator
        try DatabaseFileCheck.check(url, migrator: migrator)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeoutS)
        configuration.prepareDatabase { db in
            // In WAL mode FULL syncs the log at every commit: a committed response survives power loss.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try Self.openPool(url, configuration, patienceS: busyTimeoutS)
        try Self.migrate(pool, with: migrator, patienceS: busyTimeoutS)
        interruptedOnOpen = try Self.markInterruptedSessions(pool, database: url)
    }

    /// Starts recording a new session: finds or creates the participant, stores the session as
    /// `running` with the protocol text and its SHA-256, and returns its writer.
    public func beginSession(_ new: NewSession, framePolicy: FrameBatchPolicy = FrameBatchPolicy()) throws -> ActiveSession {
        let lock = try SessionOwnerLock.acquireNew(database: url)
        do {
            let record = try pool.write { db -> SessionRecord in
                let participant = try Self.participant(db, code: new.participantCode)
                var session = SessionRecord(
                    id: nil, participantId: participant.id!, protocolName: new.protocolName,
                    protocolText: new.protocolText, protocolSHA256: ProtocolHash.sha256Hex(new.protocolText),
                    monitorProfileJSON: new.monitorProfileJSON, softwareVersion: new.softwareVersion,
                    expectedRefreshHz: new.expectedRefreshHz, measuredRefreshHz: new.measuredRefreshHz,
                    safetyAnalysisJSON: new.safetyAnalysisJSON, safetyOverrideReason: new.safetyOverrideReason,
                    status: .running, startedAt: Date(), endedAt: nil, resumeCount: 0,
                    ownerToken: lock.token, notes: new.notes)
                try session.insert(db)
                return session
            }
            return ActiveSession(database: self, record: record, resumePoint: ResumePoint(phaseIndex: 0, trialIndex: 0, nextFrameIndex: 0),
                                 lock: lock, framePolicy: framePolicy)
        } catch {
            lock.release()
            throw error
        }
    }

    /// Continues session `id` where it stopped (see `ResumePoint`): it becomes `running` again,
    /// its `resume_count` grows by one, and everything recorded before stays.
    /// - Throws: `sessionNotFound`, `sessionAlreadyCompleted`, or `sessionInUse` when another live
    ///   process is recording it.
    public func resumeSession(id: Int64, framePolicy: FrameBatchPolicy = FrameBatchPolicy()) throws -> ActiveSession {
        let lock = try SessionOwnerLock.acquireNew(database: url)
        do {
            let database = url
            let (record, point, previousToken) = try pool.write { db -> (SessionRecord, ResumePoint, String?) in
                guard var session = try SessionRecord.fetchOne(db, key: id) else {
                    throw SessionStoreError.sessionNotFound(id: id, path: database.path)
                }
                let previousToken = session.ownerToken
                switch session.status {
                case .completed:
                    throw SessionStoreError.sessionAlreadyCompleted(id: id)
                case .running:
                    if let token = previousToken, SessionOwnerLock.isHeld(database: database, token: token) {
                        throw SessionStoreError.sessionInUse(id: id)
                    }
                case .aborted, .interrupted:
                    break
                }
                session.status = .running
                session.resumeCount += 1
                session.endedAt = nil
                session.ownerToken = lock.token
                try session.update(db)
                try Self.completeAnsweredTrials(db, sessionID: id)
                return (session, try ResumePoint.fetch(db, sessionID: id), previousToken)
            }
            if let previousToken { SessionOwnerLock.removeStale(database: url, token: previousToken) }
            return ActiveSession(database: self, record: record, resumePoint: point, lock: lock, framePolicy: framePolicy)
        } catch {
            lock.release()
            throw error
        }
    }

    /// Marks completed the trials of session `id` that have a recorded response but are still
    /// planned or running. A trial is completed when its response (or the passing of its response
    /// window) is recorded; a process killed between committing the response and the trial's
    /// completion leaves it running, and a resumed run does not play an answered trial again
    /// (`RecordedAnswer`), so nothing else would complete it.
    static func completeAnsweredTrials(_ db: Database, sessionID id: Int64) throws {
        try db.execute(sql: """
            UPDATE trials SET status = 'completed'
            WHERE session_id = ? AND status IN ('planned', 'running') AND EXISTS (
                SELECT 1 FROM responses
                WHERE responses.session_id = trials.session_id AND responses.phase_index = trials.phase_index
                      AND responses.trial_index = trials.trial_index)
            """, arguments: [id])
    }

    /// The participant with `code`, created when new.
    public func participant(code: String) throws -> ParticipantRecord {
        try pool.write { db in try Self.participant(db, code: code) }
    }

    /// The resume point of session `id` as things stand on disk.
    public func resumePoint(sessionID id: Int64) throws -> ResumePoint {
        try pool.read { db in try ResumePoint.fetch(db, sessionID: id) }
    }

    /// `PRAGMA quick_check` on the open database: `["ok"]` when undamaged.
    public func quickCheck() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
    }

    // MARK: - Helpers

    private static func participant(_ db: Database, code: String) throws -> ParticipantRecord {
        if let existing = try ParticipantRecord.filter(Column("code") == code).fetchOne(db) {
            return existing
        }
        var participant = ParticipantRecord(code: code)
        try participant.insert(db)
        return participant
    }

    /// Opens the pool, retrying while another process holds the lock that switching a new file to
    /// WAL (or reading its schema) needs, e.g. a second presenter opening the database while the
    /// first migrates it: SQLite answers that with SQLITE_BUSY at once, without the busy timeout.
    private static func openPool(_ url: URL, _ configuration: Configuration, patienceS: Double) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(patienceS)
        while true {
            do {
                return try DatabasePool(path: url.path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// Applies pending migrations. Two processes opening a new database at the same moment may both
    /// start: GRDB reads which migrations are applied before each migration's own transaction, so
    /// the later process can run one that the earlier has just committed ("table … already
    /// exists"). The loser tries again, reading the applied migrations afresh, until it finds the
    /// schema complete (nothing left to run) or `patienceS` has passed; a database error that
    /// outlasts it is thrown.
    private static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator, patienceS: Double) throws {
        let deadline = Date().addingTimeInterval(patienceS)
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch is DatabaseError where Date() < deadline {
                usleep(20_000)
            }
        }
    }

    private static func markInterruptedSessions(_ pool: DatabasePool, database: URL) throws -> [Int64] {
        let running = try pool.read { db in
            try SessionRecord.filter(Column("status") == SessionStatus.running.rawValue).fetchAll(db)
        }
        var interrupted: [Int64] = []
        for session in running {
            guard let id = session.id else { continue }
            if let token = session.ownerToken, SessionOwnerLock.isHeld(database: database, token: token) { continue }
            let changed = try pool.write { db -> Bool in
                try db.execute(sql: """
                    UPDATE sessions SET status = 'interrupted' WHERE id = ? AND status = 'running' AND owner_token IS ?
                    """, arguments: [id, session.ownerToken])
                return db.changesCount > 0
            }
            if changed {
                interrupted.append(id)
                if let token = session.ownerToken { SessionOwnerLock.removeStale(database: database, token: token) }
            }
        }
        return interrupted
    }
}
