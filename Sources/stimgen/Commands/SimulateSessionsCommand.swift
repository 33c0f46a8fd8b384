import Analysis
import ArgumentParser
import Foundation
import SessionStore

/// Hidden fixture for benchmarks and demonstrations: records simulated classic sessions.
struct SimulateSessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_simulate-sessions",
        abstract: "Record simulated classic McCollough sessions into a session database (benchmarks, demos).",
        shouldDisplay: false)

    @Option(help: "Session database file (created when missing).")
    var db: String

    @Option(help: "Number of simulated participants.")
    var participants = 25

    @Option(help: "Sessions per participant.")
    var sessionsEach = 4

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    func run() throws {
        let database = try SessionDatabase(url: URL(fileURLWithPath: db))
        let bar = ProgressBar()
        let ids = try SessionSimulator.recordStudy(
            into: database, participants: participants, sessionsEach: sessionsEach, seed: seed,
            progress: { done, total in bar.update(done, of: total, "sessions recorded") })
        bar.finish()
        print("recorded \(ids.count) simulated session(s) into \(db)")
    }
}
