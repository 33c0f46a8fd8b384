import Foundation
import GRDB
import Testing
@testable import SessionStore

@Suite("Crash safety: kill -9 at random moments")
struct KillTests {
    /// The `stimgen` executable built beside this test bundle (`swift build --build-tests` builds both).
    static func stimgenExecutable() throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("stimgen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw KillTestError.executableMissing(searchedFrom: testBinary.path)
    }

    enum KillTestError: Error {
        case executableMissing(searchedFrom: String)
    }

    @Test("every response reported committed before SIGKILL is in the database, which stays intact")
    func killRepeatedly() throws {
        let executable = try Self.stimgenExecutable()
        let url = try temporaryDatabaseURL()
        var committedIDs: Set<Int64> = []
        var killedSessions: Set<Int64> = []
        var delaysMs: [Int] = []
        for _ in 0..<20 {
            let child = Process()
            child.executableURL = executable
            child.arguments = ["_store-writer", "--db", url.path, "--frames", "1000000", "--interval-s", "0.001"]
            let pipe = Pipe()
            child.standardOutput = pipe
            try child.run()
            let delayMs = Int.random(in: 150...450)
            delaysMs.append(delayMs)
            Thread.sleep(forTimeInterval: Double(delayMs) / 1000)
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(child.terminationReason == .uncaughtSignal, "delay \(delayMs) ms")
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                guard parts.count == 2, let number = Int64(parts[1]) else { continue }
                if parts[0] == "committed" { committedIDs.insert(number) }
                if parts[0] == "session" { killedSessions.insert(number) }
            }
        }
        #expect(!committedIDs.isEmpty, "the writer committed something before the kills (delays \(delaysMs) ms)")

        let database = try SessionDatabase(url: url)
        // Each child's open marked the sessions of the children killed before it; this open marks the rest.
        let allSessions = Set(try database.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM sessions") })
        #expect(killedSessions.isSubset(of: allSessions))
        #expect(try countRows("sessions", in: url, where: "status != 'interrupted'") == 0)
        let stored = Set(try database.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM responses") })
        let lost = committedIDs.subtracting(stored)
        #expect(lost.isEmpty, "responses reported committed but missing: \(lost.sorted().prefix(10)) (delays \(delaysMs) ms)")
        let integrity = try database.pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])

        // The last killed session resumes at its first trial without a completed record, and completes.
        let last = try #require(killedSessions.max())
        let completedTrials = try countRows("trials", in: url, where: "session_id = \(last) AND status = 'completed'")
        let resumed = try database.resumeSession(id: last)
        #expect(resumed.resumePoint.trialIndex == completedTrials)
        try resumed.finish(.completed)
        #expect(try countRows("sessions", in: url, where: "id = \(last) AND status = 'completed'") == 1)
    }
}
