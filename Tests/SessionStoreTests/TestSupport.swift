import Foundation
import GRDB
@testable import SessionStore

/// A fresh folder under the system temporary directory, and a database path inside it.
func temporaryDatabaseURL(_ name: String = "study.sqlite") throws -> URL {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("stimgen-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name)
}

func sampleSession(participant: String = "P01", protocolText: String = "name: classic\nphases: []\n") -> NewSession {
    NewSession(
        participantCode: participant, protocolName: "classic", protocolText: protocolText,
        monitorProfileJSON: #"{"name":"sRGB default","gamma":2.2}"#, softwareVersion: "0.1.0-test",
        expectedRefreshHz: 60, measuredRefreshHz: 59.95,
        safetyAnalysisJSON: #"{"verdict":"warn"}"#, safetyOverrideReason: nil)
}

func sampleResponse(session: Int64, phase: Int = 1, trial: Int, value: Double = 0.25) -> ResponseRecord {
    ResponseRecord(
        sessionId: session, phaseIndex: phase, trialIndex: trial, method: "nulling", value: value,
        valueUnit: "dkl_lm", onsetFlipS: 10.0 + Double(trial), responseTimeS: 12.5 + Double(trial),
        trajectory: [TrajectoryPoint(tS: 0.5, value: 0.1), TrajectoryPoint(tS: 1.25, value: value)])
}

/// Reads a file's bytes, or nil when it does not exist.
func bytes(of url: URL) -> Data? {
    FileManager.default.contents(atPath: url.path)
}

/// Counts rows through a brand-new connection, independent of any pool under test (waiting up to
/// 30 s for a pool that is still closing, whose last checkpoint briefly locks the file).
func countRows(_ table: String, in url: URL, where condition: String = "1") throws -> Int {
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    let queue = try DatabaseQueue(path: url.path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? 0 }
}
