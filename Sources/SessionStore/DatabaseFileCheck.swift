import Foundation
import GRDB

/// Checks an existing file before anything opens it for writing: it must be an SQLite database,
/// undamaged, and made by stimgen. A file that fails is never migrated or written to.
enum DatabaseFileCheck {
    /// The 16 bytes every SQLite 3 database file starts with.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Throws a `SessionStoreError` naming `url` when the file exists and is unusable. A missing or
    /// empty file passes (SQLite will create the database).
    static func check(_ url: URL, migrator: DatabaseMigrator) throws {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw SessionStoreError.notADatabase(path: path, reason: "it is a directory")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SessionStoreError.notADatabase(path: path, reason: "it cannot be read")
        }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        try? handle.close()
        if head.isEmpty { return }
        guard Array(head) == sqliteHeader else {
            throw SessionStoreError.notADatabase(path: path, reason: "it does not start with the SQLite header")
        }
        try checkContents(path: path, migrator: migrator)
    }

    /// Runs `PRAGMA quick_check` and looks at the migration history, through a connection that
    /// writes nothing.
    private static func checkContents(path: String, migrator: DatabaseMigrator) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
                if problems != ["ok"] {
                    throw SessionStoreError.corrupt(path: path, problems: problems)
                }
                let tables = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                    """)
                if tables.isEmpty { return }
                guard tables.contains("grdb_migrations") else {
                    throw SessionStoreError.foreignDatabase(path: path, tables: tables)
                }
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(migrator.migrations)
                    let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
                    throw SessionStoreError.newerSchema(path: path, unknownMigrations: unknown)
                }
            }
            try queue.close()
        } catch let error as SessionStoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw SessionStoreError.notADatabase(path: path, reason: error.message ?? "SQLITE_NOTADB")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw SessionStoreError.corrupt(path: path, problems: [error.message ?? "SQLITE_CORRUPT"])
        }
    }
}
