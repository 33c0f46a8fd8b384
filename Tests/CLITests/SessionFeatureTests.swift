import Foundation
import GRDB
import Testing

/// End-to-end through the built `stimgen run` (SDL offscreen driver, simulated participant): the
/// fixation task's scoring, response windows, and a colour measured by flicker photometry.
@Suite(.serialized) struct SessionFeatureTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func fixationTargetsAreScoredAndUnansweredTrialsTimeOut() throws {
        let w = try Workspace()
        // The tiny protocol with a fixation task (a letter every 0.5 s, X the target) during adaptation,
        // and a 0.2 s response window in the post-test: far shorter than any simulated adjustment.
        let text = TinyProtocol.yaml
            .replacingOccurrences(of: "    countdown: true\n",
                                  with: "    countdown: true\n    fixation: {letters: ABCX, interval: 0.5 s, target: X, target_probability: 0.5}\n")
            .replacingOccurrences(of: "    name: post\n", with: "    name: post\n    response_window: 0.2 s\n")
        try text.write(to: w.protocolFile, atomically: true, encoding: .utf8)
        let result = try StimgenProcess.run(w.runArguments(["--simulate", "--fast", "--simulate-fixation-hit-rate", "1"]))
        #expect(result.status == 0, "\(result.err)")
        try DatabaseQueue(path: w.database.path).read { db throws in
            func count(_ condition: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fixation_events WHERE \(condition)") ?? 0
            }
            // Every letter of the 3 s phase (6 changes) is scored once: targets as hits (or a miss when
            // the report would land after the phase), the others as correct rejections (no false alarms).
            let targets = try count("is_target"), hits = try count("outcome = 'hit'"), misses = try count("outcome = 'miss'")
            #expect(targets >= 1 && hits >= 1 && hits + misses == targets)
            #expect(try count("outcome = 'correct_rejection'") == 6 - targets)
            #expect(try count("outcome = 'false_alarm'") == 0)
            #expect(try count("outcome = 'hit' AND response_time_s - onset_flip_s BETWEEN 0 AND 1.5") == hits)
            #expect(result.out.contains("fixation task: \(hits) hits, \(misses) misses, 0 false alarms, \(6 - targets) correct rejections"))

            // Post-test: every trial ended by its window, recorded as a timed-out response without a value.
            let post = try Row.fetchAll(db, sql: "SELECT value, timed_out, rt_s FROM responses WHERE phase_index = 3")
            #expect(post.count == TinyProtocol.trialsPerTest)
            #expect(post.allSatisfy { ($0["timed_out"] as Bool) && ($0["value"] as Double?) == nil })
            #expect(post.allSatisfy { abs(($0["rt_s"] as Double) - 12.0 / 60) < 1e-9 })   // 0.2 s = 12 frames at 60 Hz
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trials WHERE phase_index = 3 AND status = 'completed'") == TinyProtocol.trialsPerTest)
            #expect(result.out.contains("(\(TinyProtocol.trialsPerTest) timed out)"))
        }
    }

    @Test func paceRefreshIsCheckedAgainstTheProtocolAndRecorded() throws {
        let w = try Workspace()
        let refused = try StimgenProcess.run(w.runArguments(["--simulate", "--pace-refresh", "30"]))
        #expect(refused.status != 0)
        #expect(refused.err.contains("--pace-refresh asks for 30.00 Hz but the protocol expects 60.0 ± 1.0 Hz"))
        let script = w.folder.appendingPathComponent("stop.txt")
        try "at 0.3 escape\n0.1 a\n".write(to: script, atomically: true, encoding: .utf8)
        let paced = try StimgenProcess.run(w.runArguments(["--script", script.path, "--pace-refresh", "60"]))
        #expect(paced.status == 0, "\(paced.err)")
        // The summary names the renderer SDL gave with its flags: headless is the offscreen driver's software renderer.
        #expect(paced.out.contains("(renderer software (SOFTWARE"), "\(paced.out)")
        #expect(paced.out.contains("), video driver offscreen)"), "\(paced.out)")
        try DatabaseQueue(path: w.database.path).read { db throws in
            let session = try #require(try Row.fetchOne(db, sql: "SELECT notes, measured_refresh_hz FROM sessions"))
            #expect((session["notes"] as String?)?.contains("paced in real time at 60.0 Hz (--pace-refresh)") == true)
            #expect((session["measured_refresh_hz"] as Double?) == nil)
        }
    }

    @Test func theIsoluminantGreenSetByFlickerPhotometryIsUsedAndRecorded() throws {
        let w = try Workspace()
        let protocolFile = Self.repositoryRoot.appendingPathComponent("Protocols/isoluminance.yaml")
        let result = try StimgenProcess.run(["run", protocolFile.path, "--participant", "p1", "--db", w.database.path,
                                             "--headless", "--window", "320x180", "--simulate", "--fast"])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("isoluminant_green_gain = "))
        try DatabaseQueue(path: w.database.path).read { db throws in
            let settings = try Double.fetchAll(db, sql: "SELECT value FROM responses WHERE phase_index = 2 ORDER BY trial_index")
            #expect(settings.count == 6)
            let mean = settings.reduce(0, +) / Double(settings.count)
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM derived_colours"))
            #expect(row["phase_index"] as Int == 2 && row["result_name"] as String == "isoluminant_green_gain")
            let gain: Double = row["green_gain"]
            #expect(abs(gain - mean) < 1e-12)
            // The simulated observer nulls the flicker where the green's luminance equals the red's:
            // gain = Y(red) / Y(green) = 0.2126 / 0.7152 (sRGB luminance coefficients), plus its small bias and noise.
            #expect(abs(gain - 0.2126 / 0.7152) < 0.03)
            let rgb = try JSONDecoder().decode([Double].self, from: Data((row["linear_rgb_json"] as String).utf8))
            #expect(rgb == [0, gain, 0])
            #expect(row["stimuli_json"] as String == #"["isoluminant_grating"]"#)
            // The grating phase ran after it, whole: 10 s at 60 Hz.
            #expect(try Int.fetchOne(db, sql: "SELECT measured_frames FROM phases WHERE name = 'isoluminant-grating'") == 600)
        }
    }
}
