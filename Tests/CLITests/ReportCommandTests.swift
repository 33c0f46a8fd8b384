import Foundation
import Testing

/// `stimgen report` end to end: the executable built beside the tests.
struct ReportCommandTests {
    static func stimgen() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("stimgen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// Runs stimgen with `arguments`; returns exit status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = try stimgen()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func reportsSimulatedSessions() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let simulated = try Self.run(["_simulate-sessions", "--db", db, "--participants", "2", "--sessions-each", "1", "--adaptation-s", "5"])
        #expect(simulated.status == 0, "\(simulated.err)")
        let out = directory.appendingPathComponent("report.html").path
        let report = try Self.run(["report", "--db", db, "--participant", "S002", "--out", out])
        #expect(report.status == 0, "\(report.err)")
        #expect(report.out.contains("1 session(s), 1 participant(s)"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("participant S002"))
        #expect(!html.contains("participant S001"))
        #expect(html.contains("Psychometric functions"))
        #expect(html.contains("Staircase"))
    }

    @Test func missingDatabaseAndConflictingSelectionsAreErrors() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("none.sqlite").path
        let result = try Self.run(["report", "--db", missing, "--out", directory.appendingPathComponent("r.html").path])
        #expect(result.status != 0)
        #expect(result.err.contains("no session database at \(missing)"))
        let conflict = try Self.run(["report", "--session", "1", "--all", "--out", "r.html"])
        #expect(conflict.status != 0)
        #expect(conflict.err.contains("choose one of --session, --participant or --all"))
    }
}
