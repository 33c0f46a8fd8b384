import Foundation
import GRDB
import Testing

/// The built `stimgen run` killed with SIGKILL in the middle of a staircase phase, then resumed with
/// `--resume` to the end: nothing recorded before the kill changes, and each staircase track goes on
/// from its recorded level and answer.
@Suite(.serialized) struct StaircaseKillResumeTests {
    /// Start level, steps and range of the staircase below (DKL L−M cone contrast).
    static let startLevel = 0.01, stepUp = 0.004, stepDown = 0.003, minLevel = -0.06, maxLevel = 0.06
    /// Slots per track; with 1000 reversals allowed every track runs all of them.
    static let trialsPerTrack = 8
    /// The key that answers "looks reddish" (the level goes down).
    static let trueKey = "r"

    /// One 1-up/1-down staircase per condition (two interleaved tracks), nothing else.
    static let yaml = TinyProtocol.opening(name: "staircase-kill", title: "Two interleaved staircases on the L−M axis") + """
        phases:
          - kind: test
            name: stairs
            conditions:
              - {label: horizontal, stimulus: test_h}
              - {label: vertical, stimulus: test_v}
            inter_trial_interval: 0.25 s
            response: {method: staircase, axis: dkl_lm, start_level: \(startLevel), n_up: 1, n_down: 1, step_up: \(stepUp), step_down: \(stepDown), min: \(minLevel), max: \(maxLevel), stop_after_reversals: 1000, max_trials: \(trialsPerTrack), true_key: \(trueKey), false_key: g}

        """

    /// The level a 1-up/1-down staircase presents after presenting `level` and hearing `key`:
    /// down by the down step after "true", up by the up step after "false", kept inside min…max.
    static func nextLevel(after level: Double, key: String) -> Double {
        min(maxLevel, max(minLevel, key == trueKey ? level - stepDown : level + stepUp))
    }

    @Test func killedDuringAStaircaseResumesEachTrackFromItsRecordedLevel() throws {
        let w = try Workspace(protocolYAML: Self.yaml)
        // Real-time pacing, so that trials remain when the kill lands after the fifth committed response.
        let (process, out, _) = try StimgenProcess.start(w.runArguments(["--simulate", "--verbose"]))
        let committed = StimgenProcess.awaitCommittedResponses(out, count: 5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(committed.count == 5, "the run ended before 5 responses")

        let sql = "SELECT * FROM responses ORDER BY id"
        let beforeResume = try DatabaseQueue(path: w.database.path).read { db in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            return try Row.fetchAll(db, sql: sql)
        }
        #expect(Set(committed).isSubset(of: beforeResume.map { $0["id"] as Int64 }))
        #expect(beforeResume.count < 2 * Self.trialsPerTrack, "the kill came after the last trial")

        let sessionID = try DatabaseQueue(path: w.database.path).read { try Int64.fetchOne($0, sql: "SELECT id FROM sessions")! }
        let resumed = try StimgenProcess.run(w.runArguments(["--simulate", "--fast", "--resume", "\(sessionID)"]))
        #expect(resumed.status == 0, "\(resumed.err)")

        try DatabaseQueue(path: w.database.path).read { db throws in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try String.fetchOne(db, sql: "SELECT status FROM sessions") == "completed")
            // Every row recorded before the kill is still there, every column unchanged.
            let after = try Row.fetchAll(db, sql: sql)
            #expect(Array(after.prefix(beforeResume.count)) == beforeResume)
            let recordedBefore = Set(beforeResume.map { $0["id"] as Int64 })

            let answers = try Row.fetchAll(db, sql: """
                SELECT r.id, r.value, r.choice, json_extract(t.conditions_json, '$.track') AS track
                FROM responses r JOIN trials t USING (session_id, phase_index, trial_index)
                WHERE r.method = 'staircase' ORDER BY r.trial_index
                """)
            let tracks = Dictionary(grouping: answers) { $0["track"] as Int }
            #expect(tracks.count == 2)
            var stepsAcrossTheKill = 0
            for (track, rows) in tracks {
                #expect(rows.count == Self.trialsPerTrack, "track \(track)")
                #expect(rows.first.map { $0["value"] as Double } == Self.startLevel, "track \(track)")
                for (previous, next) in zip(rows, rows.dropFirst()) {
                    let expected = Self.nextLevel(after: previous["value"], key: previous["choice"])
                    #expect(abs(next["value"] as Double - expected) < 1e-9, "track \(track), response \(next["id"] as Int64)")
                    if recordedBefore.contains(previous["id"]) && !recordedBefore.contains(next["id"]) { stepsAcrossTheKill += 1 }
                }
            }
            // At least one track went on after the kill from a level and answer recorded before it.
            #expect(stepsAcrossTheKill >= 1)
        }
    }
}
