import Foundation
import GRDB
import Testing

/// End-to-end: the built `stimgen run` through SDL's real offscreen driver, checked in the database.
@Suite(.serialized) struct RunSessionTests {
    func open(_ url: URL) throws -> DatabaseQueue { try DatabaseQueue(path: url.path) }

    @Test func simulatedSessionRecordsEveryTrialResponseAndFrame() throws {
        let w = try Workspace()
        let result = try StimgenProcess.run(w.runArguments(["--simulate", "--fast"]))
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains(": completed"))
        let db = try open(w.database)
        try db.read { db throws in
            let session = try Row.fetchOne(db, sql: "SELECT id, status, notes FROM sessions")!
            #expect(session["status"] as String == "completed")
            #expect((session["notes"] as String?)?.contains("simulated") == true)
            // Every trial completed and answered once, in both test phases; plus the instructions' key.
            for phase in [1, 3] {
                let trials = try Int.fetchAll(db, sql: "SELECT trial_index FROM trials WHERE phase_index = ? AND status = 'completed' ORDER BY trial_index", arguments: [phase])
                #expect(trials == Array(0..<TinyProtocol.trialsPerTest))
                let responses = try Int.fetchAll(db, sql: "SELECT trial_index FROM responses WHERE phase_index = ? AND method = 'nulling' ORDER BY trial_index", arguments: [phase])
                #expect(responses == Array(0..<TinyProtocol.trialsPerTest))
            }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM responses WHERE phase_index = 0") == 1)
            // The adaptation phase lasted exactly its frames (the protocol's 3 s at 60 Hz), in the frame log and the phase record.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM frames WHERE phase_index = 2") == TinyProtocol.adaptationFrames)
            #expect(try Int.fetchOne(db, sql: "SELECT measured_frames FROM phases WHERE phase_index = 2") == TinyProtocol.adaptationFrames)
            #expect(try Int.fetchOne(db, sql: "SELECT planned_frames FROM phases WHERE phase_index = 2") == TinyProtocol.adaptationFrames)
            // Frame indices run 0..<n without a gap, and each nulling response kept its whole trajectory.
            let frames = try Int.fetchAll(db, sql: "SELECT frame_index FROM frames ORDER BY frame_index")
            #expect(frames == Array(0..<frames.count))
            let trajectories = try String.fetchAll(db, sql: "SELECT trajectory_json FROM responses WHERE method = 'nulling'")
            #expect(trajectories.allSatisfy { $0.contains("t_s") })
            // The simulated aftereffect (+0.02 vertical, −0.02 horizontal on L−M) shows in the post-test nulls only.
            func mean(_ phase: Int, _ condition: String) throws -> Double {
                try Double.fetchOne(db, sql: """
                    SELECT AVG(r.value) FROM responses r JOIN trials t USING (session_id, phase_index, trial_index)
                    WHERE r.phase_index = ? AND json_extract(t.conditions_json, '$.condition') = ?
                    """, arguments: [phase, condition])!
            }
            let postDifference = try mean(3, "horizontal") - mean(3, "vertical")
            let baselineDifference = try mean(1, "horizontal") - mean(1, "vertical")
            #expect(postDifference > 0.03)
            #expect(abs(baselineDifference) < 0.01)
            // Each trial records its test grating's orientation and frequency, as the tiny protocol defines them.
            let gratings = try Row.fetchAll(db, sql: """
                SELECT DISTINCT json_extract(conditions_json, '$.stimulus') AS stimulus,
                       json_extract(conditions_json, '$.orientation_deg') AS orientation,
                       json_extract(conditions_json, '$.cycles_per_degree') AS cpd
                FROM trials WHERE phase_index IN (1, 3) ORDER BY stimulus
                """)
            #expect(gratings.map { $0["stimulus"] as String } == ["test_h", "test_v"])
            #expect(gratings.map { $0["orientation"] as Double } == [0, 90])
            #expect(gratings.map { $0["cpd"] as Double } == [1.5, 1.5])
        }
        // The report finds the orientation-contingent effect in what the presenter recorded.
        let report = w.folder.appendingPathComponent("report.html")
        let reported = try StimgenProcess.run(["report", "--db", w.database.path, "--all", "--out", report.path])
        #expect(reported.status == 0, "\(reported.err)")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("shift 90° − shift 0°"), "no contingent effect in the report")
        let verdict = try open(w.database).read { db in
            try String.fetchOne(db, sql: "SELECT json_extract(safety_analysis_json, '$.verdict') FROM sessions")
        }
        #expect(verdict == "safe")
    }

    @Test func escapeThenAbortKeepsEverythingRecorded() throws {
        let w = try Workspace()
        let script = w.folder.appendingPathComponent("abort.txt")
        // Continue past the instructions, set one baseline trial, then Esc during the next one and abort.
        try "0.3 space\n0.5 up\n0.2 return\n0.5 escape\n0.2 a\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try StimgenProcess.run(w.runArguments(["--script", script.path, "--fast"]))
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains(": aborted"))
        try open(w.database).read { db throws in
            #expect(try String.fetchOne(db, sql: "SELECT status FROM sessions") == "aborted")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM responses") == 2)
            #expect(try String.fetchAll(db, sql: "SELECT key FROM key_events ORDER BY id") == ["space", "up", "return", "escape", "a"])
            #expect(try String.fetchOne(db, sql: "SELECT status FROM phases WHERE phase_index = 1") == "aborted")
            #expect(try String.fetchAll(db, sql: "SELECT status FROM trials WHERE phase_index = 1 ORDER BY trial_index") == ["completed", "aborted"])
        }
    }

    @Test func killedAtRandomMomentsLosesNoCommittedResponseAndResumeCompletes() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3 {
            let w = try Workspace()
            // Real-time pacing (no --fast), so that the kill lands while trials remain: on a virtual
            // clock a quiet machine can finish the whole session before the signal arrives.
            let (process, out, _) = try StimgenProcess.start(w.runArguments(["--simulate", "--verbose"]))
            // Kill -9 after a random number of committed responses (1…8) and a random extra 0…30 ms.
            let killAfter = Int.random(in: 1...8, using: &generator)
            let committed = StimgenProcess.awaitCommittedResponses(out, count: killAfter)
            usleep(UInt32.random(in: 0...30_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(committed.count >= killAfter, "round \(round): the run ended before \(killAfter) responses")

            // Every response acknowledged before the kill is on disk; the file is intact.
            let db = try open(w.database)
            try db.read { db throws in
                let stored = Set(try Int64.fetchAll(db, sql: "SELECT id FROM responses"))
                #expect(Set(committed).isSubset(of: stored), "round \(round)")
                #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            }
            try db.close()

            // Resume completes the session: every trial of both tests ends completed, once.
            let sessionID = try open(w.database).read { try Int64.fetchOne($0, sql: "SELECT id FROM sessions")! }
            let resumed = try StimgenProcess.run(w.runArguments(["--simulate", "--fast", "--resume", "\(sessionID)"]))
            #expect(resumed.status == 0, "round \(round): \(resumed.err)")
            try open(w.database).read { db throws in
                #expect(try String.fetchOne(db, sql: "SELECT status FROM sessions") == "completed")
                for phase in [1, 3] {
                    let done = try Int.fetchAll(db, sql: "SELECT trial_index FROM trials WHERE phase_index = ? AND status = 'completed' ORDER BY trial_index", arguments: [phase])
                    #expect(done == Array(0..<TinyProtocol.trialsPerTest), "round \(round), phase \(phase)")
                }
                #expect(try Int.fetchOne(db, sql: "SELECT resume_count FROM sessions") == 1)
            }
        }
    }
}
