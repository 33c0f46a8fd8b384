import ArgumentParser
import Dispatch
import Foundation
import SessionStore

/// Hidden load generator for the session store, used by the crash-safety test and the store
/// benchmark. It plays a presenter's frame loop: one frame recorded per tick of `--interval-s`, and
/// a completed trial with its response every `--frames-per-response` frames. It prints
/// `committed <response id>` only after each response's commit — so a test can kill it at any
/// moment and check that every printed id is on disk — and, when it ends normally, the time the
/// loop spent inside `record` and the commit latencies.
struct StoreWriterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_store-writer",
        abstract: "Write a presenter's load into a session database, printing each response id once committed.",
        shouldDisplay: false)

    @Option(help: "Session database file.")
    var db: String

    @Option(help: "Frames to record.")
    var frames: Int = 1000

    @Option(help: "Frame period (s).")
    var intervalS: Double = 0.002

    @Option(help: "Frames between responses.")
    var framesPerResponse: Int = 1

    func run() throws {
        let database = try SessionDatabase(url: URL(fileURLWithPath: db))
        let session = try database.beginSession(NewSession(
            participantCode: "store-writer", protocolName: "store-writer", protocolText: "store-writer",
            monitorProfileJSON: "{}", softwareVersion: StimgenVersion.string, safetyAnalysisJSON: "{}"))
        let output = FileHandle.standardOutput
        output.write(Data("session \(session.id)\n".utf8))
        let writer = session.writer
        var recordCallsS: [Double] = []
        recordCallsS.reserveCapacity(frames * 2)
        let start = DispatchTime.now().uptimeNanoseconds
        for frame in 0..<frames {
            let timeS = Double(frame) * intervalS
            let before = DispatchTime.now().uptimeNanoseconds
            writer.record(.frame(FrameRecord(sessionId: session.id, frameIndex: frame, phaseIndex: 0, plannedTimeS: timeS,
                                             flipTimeS: timeS, intervalS: intervalS, dropped: false)))
            if frame % framesPerResponse == 0 {
                let trial = frame / framesPerResponse
                writer.record(.trial(TrialRecord(sessionId: session.id, phaseIndex: 0, trialIndex: trial,
                                                 conditionsJSON: #"{"trial":\#(trial)}"#, status: .completed,
                                                 onsetFlipS: timeS)))
                writer.record(.response(ResponseRecord(sessionId: session.id, phaseIndex: 0, trialIndex: trial,
                                                       method: "nulling", value: Double(trial), valueUnit: "dkl_lm",
                                                       onsetFlipS: timeS, responseTimeS: timeS + intervalS / 2))) { result in
                    if case let .success(id?) = result {
                        output.write(Data("committed \(id)\n".utf8))
                    }
                }
            }
            let after = DispatchTime.now().uptimeNanoseconds
            recordCallsS.append(Double(after - before) / 1e9)
            let deadline = start + UInt64(Double(frame + 1) * intervalS * 1e9)
            if deadline > after { Thread.sleep(forTimeInterval: Double(deadline - after) / 1e9) }
        }
        try session.finish(.completed)
        let calls = LatencySummary(samples: recordCallsS)
        let latencies = writer.commitLatencies()
        print("record calls per frame (ms): " + Self.describe(calls))
        print("response commits (ms): " + Self.describe(latencies.responses))
        print("frame-batch commits (ms): " + Self.describe(latencies.frameBatches))
    }

    private static func describe(_ summary: LatencySummary) -> String {
        func ms(_ seconds: Double?) -> String { seconds.map { String(format: "%.3f", $0 * 1000) } ?? "-" }
        return "n=\(summary.count) p50=\(ms(summary.p50S)) p99=\(ms(summary.p99S)) max=\(ms(summary.maxS))"
    }
}
