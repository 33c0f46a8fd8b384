import Foundation
import GRDB
import Testing
@testable import SessionStore

@Suite("Interrupted sessions and resume")
struct LifecycleTests {
    /// Records a session as a crashing presenter would: phases 0 (completed) and 1 (running) with
    /// trials 0, 1, 3 completed and 2 planned, frames 0…89, then the process "dies" (the owner lock
    /// is dropped without `finish`). With `answeredTrial2`, trial 2 is running and its response was
    /// committed: the process died between the response and the trial's completion.
    static func crashedSession(at url: URL, answeredTrial2: Bool = false) throws -> Int64 {
        let database = try SessionDatabase(url: url)
        var session: ActiveSession? = try database.beginSession(sampleSession())
        let id = session!.id
        let writer = session!.writer
        writer.record(.phase(PhaseRecord(sessionId: id, phaseIndex: 0, name: "adapt", kind: "adaptation",
                                         plannedFrames: 60, plannedDurationS: 1, measuredFrames: 60,
                                         measuredDurationS: 1, status: .completed)))
        writer.record(.phase(PhaseRecord(sessionId: id, phaseIndex: 1, name: "test", kind: "nulling",
                                         plannedFrames: 600, plannedDurationS: 10)))
        for (trial, status) in [(0, TrialStatus.completed), (1, .completed), (2, answeredTrial2 ? .running : .planned), (3, .completed)] {
            writer.record(.trial(TrialRecord(sessionId: id, phaseIndex: 1, trialIndex: trial,
                                             conditionsJSON: "{}", status: status)))
        }
        if answeredTrial2 { writer.record(.response(sampleResponse(session: id, trial: 2))) }
        for frame in 0..<90 {
            writer.record(.frame(FrameRecord(sessionId: id, frameIndex: frame, phaseIndex: frame < 60 ? 0 : 1,
                                             plannedTimeS: Double(frame) / 60, flipTimeS: Double(frame) / 60,
                                             intervalS: nil, dropped: false)))
        }
        try writer.flush()
        session = nil  // the owner lock goes with the process
        return id
    }

    @Test("a session left running by a dead process becomes interrupted on the next open")
    func interruptedOnOpen() throws {
        let url = try temporaryDatabaseURL()
        let id = try Self.crashedSession(at: url)
        let reopened = try SessionDatabase(url: url)
        #expect(reopened.interruptedOnOpen == [id])
        let status = try reopened.pool.read { db in try SessionRecord.fetchOne(db, key: id)?.status }
        #expect(status == .interrupted)
    }

    @Test("a session another live presenter is recording stays running")
    func liveSessionUntouched() throws {
        let url = try temporaryDatabaseURL()
        let first = try SessionDatabase(url: url)
        let live = try first.beginSession(sampleSession(participant: "P01"))
        let second = try SessionDatabase(url: url)
        #expect(second.interruptedOnOpen.isEmpty)
        let status = try second.pool.read { db in try SessionRecord.fetchOne(db, key: live.id)?.status }
        #expect(status == .running)
        #expect(throws: SessionStoreError.sessionInUse(id: live.id)) { try second.resumeSession(id: live.id) }
        try live.finish(.completed)
    }

    @Test("resume continues at the first unfinished trial and keeps everything recorded")
    func resume() throws {
        let url = try temporaryDatabaseURL()
        let id = try Self.crashedSession(at: url)
        let database = try SessionDatabase(url: url)
        let resumed = try database.resumeSession(id: id)
        // Phase 0 completed; in phase 1 trials 0 and 1 completed, 2 did not; frames 0…89 recorded, the
        // last flipped at 89/60 s, which is where the session clock continues.
        #expect(resumed.resumePoint == ResumePoint(phaseIndex: 1, trialIndex: 2, nextFrameIndex: 90, elapsedS: 89.0 / 60))
        #expect(resumed.record.status == .running)
        #expect(resumed.record.resumeCount == 1)
        resumed.writer.record(.trial(TrialRecord(sessionId: id, phaseIndex: 1, trialIndex: 2, conditionsJSON: "{}",
                                                 status: .completed)))
        resumed.writer.record(.response(sampleResponse(session: id, trial: 2)))
        try resumed.finish(.completed)
        #expect(try countRows("frames", in: url, where: "session_id = \(id)") == 90)
        #expect(try countRows("trials", in: url, where: "status = 'completed'") == 4)
        #expect(try countRows("sessions", in: url, where: "status = 'completed'") == 1)
        #expect(throws: SessionStoreError.sessionAlreadyCompleted(id: id)) { try database.resumeSession(id: id) }
        #expect(throws: SessionStoreError.sessionNotFound(id: 42, path: url.path)) { try database.resumeSession(id: 42) }
    }

    @Test("a trial whose response was committed before the process died is completed on resume")
    func answeredTrialCompletedOnResume() throws {
        let url = try temporaryDatabaseURL()
        let id = try Self.crashedSession(at: url, answeredTrial2: true)
        let resumed = try SessionDatabase(url: url).resumeSession(id: id)
        // Trials 0…3 of phase 1 are all answered, so the session continues after them; the clock
        // continues from trial 2's response (12.5 + 2 s), the latest time recorded.
        #expect(resumed.resumePoint == ResumePoint(phaseIndex: 1, trialIndex: 4, nextFrameIndex: 90, elapsedS: 14.5))
        #expect(try countRows("trials", in: url, where: "trial_index = 2 AND status = 'completed'") == 1)
        #expect(try countRows("responses", in: url, where: "trial_index = 2") == 1)
        try resumed.finish(.completed)
    }

    @Test("resume points of empty and fully completed sessions")
    func resumePointEdges() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession())
        #expect(try database.resumePoint(sessionID: session.id) == ResumePoint(phaseIndex: 0, trialIndex: 0, nextFrameIndex: 0))
        for phase in 0..<3 {
            session.writer.record(.phase(PhaseRecord(sessionId: session.id, phaseIndex: phase, name: "p\(phase)",
                                                     kind: "instructions", plannedFrames: 1, plannedDurationS: 1 / 60,
                                                     status: .completed)))
        }
        try session.writer.flush()
        #expect(try database.resumePoint(sessionID: session.id) == ResumePoint(phaseIndex: 3, trialIndex: 0, nextFrameIndex: 0))
        try session.finish(.completed)
    }
}
