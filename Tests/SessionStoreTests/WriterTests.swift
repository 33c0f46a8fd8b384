import Dispatch
import Foundation
import GRDB
import Testing
@testable import SessionStore

@Suite("SessionWriter")
struct WriterTests {
    @Test("a response is readable by another connection as soon as its commit is reported")
    func responseVisibleAtCommit() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession())
        let committed = DispatchSemaphore(value: 0)
        let seenByOtherConnection = LockedBox<[Int]>([])
        for trial in 0..<5 {
            session.writer.record(.response(sampleResponse(session: session.id, trial: trial))) { result in
                let id = try? result.get()
                // A separate connection, opened after the commit, must already see the row.
                let count = (try? countRows("responses", in: url, where: "id = \(id.flatMap { $0 } ?? -1)")) ?? -1
                seenByOtherConnection.mutate { $0.append(count) }
                committed.signal()
            }
        }
        for _ in 0..<5 { #expect(committed.wait(timeout: .now() + 10) == .success) }
        #expect(seenByOtherConnection.value == [1, 1, 1, 1, 1])
        try session.finish(.completed)
    }

    @Test("responses keep every field, the trajectory and rt = response time − onset flip")
    func responseRoundTrip() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession())
        let response = sampleResponse(session: session.id, trial: 3, value: -0.125)
        session.writer.record(.response(response))
        try session.writer.flush()
        let stored = try #require(try database.pool.read { db in try ResponseRecord.fetchOne(db) })
        #expect(stored.id == 1)
        #expect(stored.rtS == 2.5, "(12.5 + 3) s − (10 + 3) s")
        // Dates go through SQLite at millisecond precision.
        #expect(abs(stored.recordedAt.timeIntervalSince(response.recordedAt)) < 0.001)
        var comparable = stored
        comparable.id = nil
        comparable.recordedAt = response.recordedAt
        #expect(comparable == response)
        try session.finish(.completed)
    }

    @Test("frames are committed in batches of maxFrames, the rest by flush")
    func frameBatches() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession(), framePolicy: FrameBatchPolicy(maxFrames: 60, maxAgeS: 60))
        let batchCommitted = DispatchSemaphore(value: 0)
        for index in 0..<150 {
            let frame = FrameRecord(sessionId: session.id, frameIndex: index, phaseIndex: 0, plannedTimeS: Double(index) / 60,
                                    flipTimeS: Double(index) / 60 + 0.001, intervalS: index == 0 ? nil : 1.0 / 60,
                                    dropped: false)
            if index == 119 {
                session.writer.record(.frame(frame)) { _ in batchCommitted.signal() }
            } else {
                session.writer.record(.frame(frame))
            }
        }
        #expect(batchCommitted.wait(timeout: .now() + 10) == .success)
        #expect(try countRows("frames", in: url) == 120, "two full batches of 60, the last 30 still waiting")
        try session.writer.flush()
        #expect(try countRows("frames", in: url) == 150)
        #expect(session.writer.commitLatencies().frameBatches.count == 3)
        try session.finish(.completed)
    }

    @Test("a frame waiting longer than maxAgeS is committed without a flush")
    func frameAge() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession(), framePolicy: FrameBatchPolicy(maxFrames: 1000, maxAgeS: 0.1))
        let frame = FrameRecord(sessionId: session.id, frameIndex: 0, phaseIndex: 0, plannedTimeS: 0, flipTimeS: 0.002,
                                intervalS: nil, dropped: false)
        let committed = DispatchSemaphore(value: 0)
        let start = DispatchTime.now()
        session.writer.record(.frame(frame)) { _ in committed.signal() }
        #expect(committed.wait(timeout: .now() + 5) == .success)
        let waitedS = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        #expect(waitedS >= 0.1)
        #expect(try countRows("frames", in: url) == 1)
        try session.finish(.completed)
    }

    @Test("phases and trials recorded again are updated in place")
    func upserts() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession())
        var phase = PhaseRecord(sessionId: session.id, phaseIndex: 0, name: "adapt", kind: "adaptation",
                                plannedFrames: 600, plannedDurationS: 10)
        session.writer.record(.phase(phase))
        var trial = TrialRecord(sessionId: session.id, phaseIndex: 0, trialIndex: 0,
                                conditionsJSON: #"{"orientation_deg":0}"#, status: .planned)
        session.writer.record(.trial(trial))
        phase.measuredFrames = 601
        phase.measuredDurationS = 10.02
        phase.status = .completed
        trial.status = .completed
        trial.onsetFlipS = 1.5
        session.writer.record(.phase(phase))
        session.writer.record(.trial(trial))
        try session.writer.flush()
        let (phases, trials) = try database.pool.read { db in
            (try PhaseRecord.fetchAll(db), try TrialRecord.fetchAll(db))
        }
        #expect(phases == [phase])
        #expect(trials == [trial])
        try session.finish(.completed)
    }

    @Test("an event SQLite refuses is saved in the rescue file and reported by flush")
    func rescue() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession())
        // Session 999 does not exist: the foreign key refuses the row.
        session.writer.record(.response(sampleResponse(session: 999, trial: 0, value: 0.75)))
        session.writer.record(.response(sampleResponse(session: session.id, trial: 1)))
        #expect(throws: SessionStoreError.self) { try session.writer.flush() }
        #expect(session.writer.failedEventCount == 1)
        let rescued = try String(contentsOf: session.writer.rescueURL, encoding: .utf8)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let lines = rescued.split(separator: "\n")
        #expect(lines.count == 1)
        let event = try decoder.decode(SessionEvent.self, from: Data(lines[0].utf8))
        guard case let .response(response) = event else {
            Issue.record("rescued event is not the response")
            return
        }
        #expect(response.sessionId == 999 && response.value == 0.75)
        #expect(try countRows("responses", in: url) == 1, "the next response is still committed")
        try session.writer.flush()  // already reported: no second throw
        try session.finish(.completed)
    }

    @Test("finish stores the status and end time and releases the owner lock")
    func finish() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession())
        let token = try #require(session.record.ownerToken)
        #expect(SessionOwnerLock.isHeld(database: url, token: token))
        session.writer.record(.response(sampleResponse(session: session.id, trial: 0)))
        try session.finish(.aborted)
        #expect(!SessionOwnerLock.isHeld(database: url, token: token))
        #expect(!FileManager.default.fileExists(atPath: SessionOwnerLock.path(database: url, token: token)))
        let stored = try database.pool.read { db in try SessionRecord.fetchOne(db, key: session.id) }
        #expect(stored?.status == .aborted)
        #expect(stored?.endedAt != nil)
        #expect(stored?.ownerToken == nil)
        #expect(try countRows("responses", in: url) == 1, "Esc-abort keeps what was recorded")
    }
}

/// A value shared between test threads.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func mutate(_ body: (inout Value) -> Void) { lock.lock(); body(&stored); lock.unlock() }
}
