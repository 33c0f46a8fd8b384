import Foundation

/// Every way opening or writing a session database can fail. Each case names the file (or the
/// session) so that the message alone tells a researcher what to look at.
public enum SessionStoreError: Error, Equatable, CustomStringConvertible {
    /// The file exists but is not an SQLite database (its first 16 bytes are not the SQLite header).
    /// The file was left untouched.
    case notADatabase(path: String, reason: String)
    /// The file is an SQLite database but `PRAGMA quick_check` found damage. The file was left
    /// untouched: no migration, no write.
    case corrupt(path: String, problems: [String])
    /// The file is a valid SQLite database that was not made by stimgen (it has tables but no
    /// stimgen migration history). It was left untouched.
    case foreignDatabase(path: String, tables: [String])
    /// The database was written by a newer stimgen whose schema this version does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// No session with this id in the database.
    case sessionNotFound(id: Int64, path: String)
    /// `resume` was asked for a session that already completed.
    case sessionAlreadyCompleted(id: Int64)
    /// The session is being recorded right now by another live process.
    case sessionInUse(id: Int64)
    /// `flush` waited longer than its timeout for the background writer.
    case flushTimedOut(pendingSeconds: Double)
    /// Some events could not be committed; they were appended as JSON lines to `rescueFile`.
    case writesFailed(count: Int, firstError: String, rescueFile: String)
    /// A lock file beside the database could not be created.
    case lockFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notADatabase(path, reason):
            return "\(path) is not an SQLite database (\(reason)); it was left untouched. Pass another file with --db, or move this one away."
        case let .corrupt(path, problems):
            let shown = problems.prefix(5).joined(separator: "; ")
            return "\(path) is damaged (SQLite quick_check: \(shown)); it was left untouched, nothing was migrated or written. Recover it with `sqlite3 \(path) .recover`, or pass another file with --db."
        case let .foreignDatabase(path, tables):
            return "\(path) is an SQLite database that stimgen did not create (tables: \(tables.joined(separator: ", "))); it was left untouched. Pass another file with --db."
        case let .newerSchema(path, unknown):
            return "\(path) was written by a newer stimgen (unknown migrations: \(unknown.joined(separator: ", "))); upgrade stimgen to open it."
        case let .sessionNotFound(id, path):
            return "no session \(id) in \(path)"
        case let .sessionAlreadyCompleted(id):
            return "session \(id) has already completed; only running, interrupted or aborted sessions can be resumed"
        case let .sessionInUse(id):
            return "session \(id) is being recorded right now by another process"
        case let .flushTimedOut(seconds):
            return "the session writer did not finish committing within \(seconds) s"
        case let .writesFailed(count, firstError, rescueFile):
            return "\(count) event(s) could not be committed (first error: \(firstError)); they were saved as JSON lines in \(rescueFile)"
        case let .lockFailed(path, reason):
            return "cannot create the session lock file \(path): \(reason)"
        }
    }
}
