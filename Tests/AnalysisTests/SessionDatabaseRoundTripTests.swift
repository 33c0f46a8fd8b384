import Foundation
import SessionStore
import Testing
@testable import Analysis

/// Sessions written through SessionStore come back unchanged, and a report is written from them.
struct SessionDatabaseRoundTripTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("analysis-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func recordedSessionLoadsBackFieldForField() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let databaseURL = directory.appendingPathComponent("sessions.sqlite")
        var original = SessionFactory.classicSession(participant: "P<1>")
        original.notes = "tired & \"late\""
        original.safetyOverrideReason = "approved by the ethics board"
        original.trials[0].conditions["label"] = .text("vertical")
        original.trials[0].conditions["masked"] = .flag(true)
        let id: Int64
        do {
            let database = try SessionDatabase(url: databaseURL)
            id = try SessionRecorder.record(original, into: database)
        }
        let loaded = try #require(try SessionLoader.load(databaseAt: databaseURL, selection: .sessions([id])).first)
        #expect(loaded.participantCode == "P<1>")
        #expect(loaded.notes == original.notes)
        #expect(loaded.safetyOverrideReason == original.safetyOverrideReason)
        #expect(loaded.status == "completed")
        #expect(loaded.phases == original.phases)
        #expect(loaded.frames == original.frames)
        #expect(loaded.fixationEvents == original.fixationEvents)
        #expect(loaded.trials.sorted { ($0.phaseIndex, $0.trialIndex) < ($1.phaseIndex, $1.trialIndex) }
                == original.trials.sorted { ($0.phaseIndex, $0.trialIndex) < ($1.phaseIndex, $1.trialIndex) })
        #expect(loaded.responses == original.responses)
        // The same figures as from the hand-made value.
        #expect(SessionAnalysis(session: loaded).nulling?.contingentEffect?.estimate.value == 9)
    }

    @Test func reportFileIsWrittenAndSelectionsAreChecked() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let databaseURL = directory.appendingPathComponent("sessions.sqlite")
        do {
            let database = try SessionDatabase(url: databaseURL)
            _ = try SessionRecorder.record(SessionFactory.classicSession(participant: "A"), into: database)
            _ = try SessionRecorder.record(SessionFactory.classicSession(participant: "B"), into: database)
        }
        let out = directory.appendingPathComponent("out/report.html")
        let counter = ProgressCounter()
        let summary = try ReportFile.write(databaseAt: databaseURL, selection: .all, to: out, softwareVersion: "test",
                                           progress: { done, total in counter.calls.append("\(done)/\(total)") })
        #expect(summary.sessions == 2 && summary.participants == 2)
        #expect(counter.calls == ["1/2", "2/2"])
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(summary.bytes == html.utf8.count)
        #expect(html.contains("Session 2 · participant B"))

        #expect(throws: AnalysisError.sessionsNotFound(ids: [7], path: databaseURL.path)) {
            try SessionLoader.load(databaseAt: databaseURL, selection: .sessions([1, 7]))
        }
        #expect(throws: AnalysisError.participantsNotFound(codes: ["Z"], path: databaseURL.path)) {
            try SessionLoader.load(databaseAt: databaseURL, selection: .participants(["A", "Z"]))
        }
        let missing = directory.appendingPathComponent("none.sqlite")
        #expect(throws: AnalysisError.databaseNotFound(path: missing.path)) {
            try SessionLoader.load(databaseAt: missing, selection: .all)
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path), "a missing database must not be created")
    }

    @Test func malformedConditionsNameTheTrial() {
        #expect(throws: AnalysisError.invalidConditions(sessionID: 3, phaseIndex: 1, trialIndex: 4, text: "[1, 2]")) {
            try SessionLoader.conditions("[1, 2]", session: 3, phase: 1, trial: 4)
        }
    }
}

private final class ProgressCounter: @unchecked Sendable {
    var calls: [String] = []
}
