import Foundation
import Testing
@testable import SessionStore

@Suite("stimgen export-data")
struct ExportCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func stimgen(_ arguments: [String]) throws -> Run {
        let child = Process()
        child.executableURL = try KillTests.stimgenExecutable()
        child.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        child.standardOutput = out
        child.standardError = err
        try child.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        return Run(status: child.terminationStatus, stdout: stdout, stderr: stderr)
    }

    @Test("writes every table and the sidecar, and says how many rows each has")
    func exports() throws {
        let database = try ExportFixture.make()
        let out = TidyExportTests.exportFolder()
        let run = try Self.stimgen(["export-data", "--db", database.url.path, "--format", "tsv", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("responses.tsv\t2 rows"))
        #expect(run.stdout.contains("frames.tsv\t3 rows"))
        for table in ["participants", "sessions", "phases", "trials", "responses", "adjustment_steps", "frames",
                      "fixation_events", "key_events", "derived_colours"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(table).tsv").path))
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("datapackage.json").path))
    }

    @Test("a file that is not a database: a message naming it, a failing exit status, the file untouched")
    func notADatabase() throws {
        let url = try temporaryDatabaseURL("notes.sqlite")
        let text = Data("these are my notes, not a database\n".utf8)
        try text.write(to: url)
        let run = try Self.stimgen(["export-data", "--db", url.path, "--format", "csv", "--out", url.path + "-out"])
        #expect(run.status != 0)
        #expect(run.stderr.contains(url.path) && run.stderr.contains("not an SQLite database"))
        #expect(bytes(of: url) == text)
    }

    @Test("an unknown format lists the valid ones")
    func badFormat() throws {
        let run = try Self.stimgen(["export-data", "--format", "xlsx", "--out", "unused"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("'csv', 'tsv' or 'json'"))
    }
}
