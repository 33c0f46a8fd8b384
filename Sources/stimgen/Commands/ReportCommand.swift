import Analysis
import ArgumentParser
import Foundation
import SessionStore

/// `stimgen report`: one self-contained HTML report of recorded sessions.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report (inline SVG plots, no scripts) of recorded sessions.",
        discussion: "Without --session or --participant, every session in the database is reported.")

    @Option(help: "Session database file.")
    var db: String = SessionDatabase.defaultPath

    @Option(name: .customLong("session"), parsing: .upToNextOption, help: "Session id(s) to report.")
    var sessions: [Int64] = []

    @Option(name: .customLong("participant"), parsing: .upToNextOption, help: "Participant code(s) whose sessions to report.")
    var participants: [String] = []

    @Flag(help: "Report every session in the database (the default).")
    var all = false

    @Option(help: "Output HTML file.")
    var out: String

    func validate() throws {
        let chosen = [!sessions.isEmpty, !participants.isEmpty, all].filter { $0 }.count
        if chosen > 1 { throw ValidationError("choose one of --session, --participant or --all") }
    }

    func run() throws {
        let selection: SessionSelection = !sessions.isEmpty ? .sessions(sessions)
            : !participants.isEmpty ? .participants(participants) : .all
        let bar = ProgressBar()
        let summary = try ReportFile.write(
            databaseAt: URL(fileURLWithPath: db), selection: selection, to: URL(fileURLWithPath: out),
            softwareVersion: StimgenVersion.string,
            progress: { done, total in bar.update(done, of: total, "sessions analysed") })
        bar.finish()
        print("wrote \(out): \(summary.sessions) session(s), \(summary.participants) participant(s), \(summary.bytes) bytes")
    }
}
