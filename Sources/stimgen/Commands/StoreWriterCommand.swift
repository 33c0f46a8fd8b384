import ArgumentParser
import Foundation
import SessionStore

/// Hidden fixture for the crash-safety test of the session store: records trials, responses and
/// frames like a fast presenter and prints `committed <response id>` only after each response's
/// commit, so that a test can kill it at any moment and check that every printed id is on disk.
struct StoreWriterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_store-writer",
        abstract: "Write responses into a session database, printing each id once committed (crash test).",
        shouldDisplay: false)

    @Option(help: "Session database file.")
    var db: String

    @Option(help: "Responses to record.")
    var count: Int = 1000

    @Option(help: "Pause between responses (s).")
    var intervalS: Double = 0.002

    func run() throws {
        let database = try SessionDatabase(url: URL(fileURLWithPath: db))
        let session = try database.beginSession(NewSession(
            participantCode: "crash-test", protocolName: "crash-test", protocolText: "crash-test",
            monitorProfileJSON: "{}", softwareVersion: StimgenVersion.string, safetyAnalysisJSON: "{}"))
        let output = FileHandle.standardOutput
        output.write(Data("session \(session.id)\n".utf8))
        for trial in 0..<count {
            let onsetS = Double(trial) * intervalS
            session.writer.record(.trial(TrialRecord(sessionId: session.id, phaseIndex: 0, trialIndex: trial,
                                                     conditionsJSON: #"{"trial":\#(trial)}"#, status: .completed,
                                                     onsetFlipS: onsetS)))
            let response = ResponseRecord(sessionId: session.id, phaseIndex: 0, trialIndex: trial, method: "nulling",
                                          value: Double(trial), valueUnit: "dkl_lm", onsetFlipS: onsetS,
                                          responseTimeS: onsetS + intervalS / 2)
            session.writer.record(.response(response)) { result in
                if case let .success(id?) = result {
                    output.write(Data("committed \(id)\n".utf8))
                }
            }
            session.writer.record(.frame(FrameRecord(sessionId: session.id, frameIndex: trial, phaseIndex: 0,
                                                     plannedTimeS: onsetS, flipTimeS: onsetS, intervalS: intervalS,
                                                     dropped: false)))
            Thread.sleep(forTimeInterval: intervalS)
        }
        try session.finish(.completed)
    }
}
