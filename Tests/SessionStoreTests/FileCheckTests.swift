import Foundation
import GRDB
import Testing
@testable import SessionStore

@Suite("Damaged and foreign files are refused and left untouched")
struct FileCheckTests {
    /// A real session database with some rows, closed.
    static func populatedDatabase() throws -> URL {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession())
        for trial in 0..<200 {
            session.writer.record(.response(sampleResponse(session: session.id, trial: trial)))
        }
        try session.finish(.completed)
        // Checkpoint the log into the main file so that the file alone holds the data.
        try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try database.pool.close()
        return url
    }

    @Test("random bytes: notADatabase, file identical afterwards")
    func randomBytes() throws {
        let url = try temporaryDatabaseURL()
        var generator = SystemRandomNumberGenerator()
        let garbage = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: url)
        let error = #expect(throws: SessionStoreError.self) { try SessionDatabase(url: url) }
        guard case let .notADatabase(path, _) = error else {
            Issue.record("expected notADatabase, got \(String(describing: error))")
            return
        }
        #expect(path == url.path)
        #expect(String(describing: error!).contains(url.path))
        #expect(bytes(of: url) == garbage)
    }

    @Test("a database truncated to half its length: corrupt, file identical afterwards")
    func truncated() throws {
        let url = try Self.populatedDatabase()
        let whole = try #require(bytes(of: url))
        let half = whole.prefix(whole.count / 2)
        try half.write(to: url)
        let error = #expect(throws: SessionStoreError.self) { try SessionDatabase(url: url) }
        guard case .corrupt = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(bytes(of: url) == half)
    }

    @Test("a database with a damaged page: corrupt, file identical afterwards")
    func damagedPage() throws {
        let url = try Self.populatedDatabase()
        var damaged = try #require(bytes(of: url))
        let pageSize = Int(damaged[16]) << 8 | Int(damaged[17])
        let pageCount = damaged.count / pageSize
        #expect(pageCount >= 4)
        // Overwrite the b-tree header of the last page (a page of the responses table).
        let start = (pageCount - 1) * pageSize
        for offset in 0..<64 { damaged[start + offset] = 0xA5 }
        try damaged.write(to: url)
        let error = #expect(throws: SessionStoreError.self) { try SessionDatabase(url: url) }
        guard case .corrupt = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(bytes(of: url) == damaged)
    }

    @Test("an SQLite database of another program: foreignDatabase, not migrated")
    func foreign() throws {
        let url = try temporaryDatabaseURL()
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE inventory (item TEXT)") }
            try queue.close()
        }
        let before = bytes(of: url)
        let error = #expect(throws: SessionStoreError.self) { try SessionDatabase(url: url) }
        #expect(error == .foreignDatabase(path: url.path, tables: ["inventory"]))
        #expect(bytes(of: url) == before)
    }

    @Test("a database written by a newer schema is refused")
    func newer() throws {
        let url = try Self.populatedDatabase()
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
            }
            try queue.close()
        }
        let error = #expect(throws: SessionStoreError.self) { try SessionDatabase(url: url) }
        #expect(error == .newerSchema(path: url.path, unknownMigrations: ["v99: from the future"]))
    }

    @Test("an empty file is a new database")
    func emptyFile() throws {
        let url = try temporaryDatabaseURL()
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data()))
        let database = try SessionDatabase(url: url)
        #expect(try database.quickCheck() == ["ok"])
    }
}
