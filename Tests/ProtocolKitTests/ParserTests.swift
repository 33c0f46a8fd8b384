import Testing
@testable import ProtocolKit

@Suite struct ParserTests {
    @Test func readsEveryPhaseKind() throws {
        let text = protocolText(phases: """
          - {kind: consent, name: consent, text: "Agree?", warn_lasting_effect: true}
          - {kind: instructions, name: intro, text: Hello}
        \(adaptationPhase)
          - kind: test
            name: post
            conditions: [{label: h, stimulus: test_h}]
            repetitions: 2
            response: {method: forced_choice, choices: [{key: r, label: reddish}, {key: g, label: greenish}]}
          - kind: reversal
            name: rev
            sequence: [{stimulus: green_v, duration: 30 frames}]
            repetitions: 3
            optional: true
          - kind: flicker_photometry
            name: hfp
            field_diameter_deg: 2
            frequency_hz: 15
            red_linear_rgb: [1, 0, 0]
            green_linear_rgb: [0, 1, 0]
            result_name: green_gain
          - {kind: break, name: pause, duration: 2 min}
        """, extra: "retest_after: [1 h, 24 h, 7 d]")
        let (spec, _) = try parseValid(text)
        #expect(spec.phases.map(\.kind) == [.consent, .instructions, .adaptation, .test, .reversal, .flickerPhotometry, .rest])
        #expect(spec.retestAfter == [.seconds(3600), .seconds(86_400), .seconds(604_800)])
        guard case .consent(let consent) = spec.phases[0] else { Issue.record("not consent"); return }
        #expect(consent.askPhotosensitivity && consent.warnLastingEffect)
        guard case .reversal(let reversal) = spec.phases[4] else { Issue.record("not reversal"); return }
        #expect(reversal.total == .repetitions(3) && reversal.optional)
        #expect(reversal.sequence[0].duration == .frames(30))
        guard case .test(let test) = spec.phases[3] else { Issue.record("not test"); return }
        #expect(test.order == .shuffled && test.stimulusDuration == nil && test.interTrialInterval == .seconds(0.5))
    }

    /// With guessing rate γ = 0.5 and lapse rate δ = 0.01 the Weibull covers 0.5 … 0.995: a QUEST
    /// threshold at 0.4 correct can never be reached.
    @Test func questThresholdMustLieWithinThePsychometricRange() {
        func quest(_ p: Double) -> String {
            protocolText(phases: """
              - kind: test
                name: post
                conditions: [{label: h, stimulus: test_h}]
                response: {method: quest, axis: dkl_lm, t_guess: 0, t_guess_sd: 0.05, p_threshold: \(p), gamma: 0.5, delta: 0.01, trials: 10, true_key: y, false_key: n}
            """)
        }
        #expect(errors(quest(0.4)).contains { $0.message.contains("'p_threshold' (0.4) must lie strictly between gamma (0.5)") })
        #expect(errors(quest(0.75)).isEmpty)
    }

    @Test func durationUnits() {
        let cases: [(String, TimeSpan)] = [("2 s", .seconds(2)), ("500 ms", .seconds(0.5)), ("4 min", .seconds(240)),
                                           ("1 h", .seconds(3600)), ("7 d", .seconds(604_800)), ("120 frames", .frames(120)),
                                           ("1 frame", .frames(1)), ("9.5 s", .seconds(9.5))]
        for (text, expected) in cases {
            guard case .success(let span) = TimeSpan.parse(text) else { Issue.record("\(text) did not parse"); continue }
            #expect(span == expected, "\(text)")
        }
        for bad in ["2", "2 sec s", "two s", "1.5 frames", "3 hours"] {
            #expect(TimeSpan.parse(bad).isFailure, "\(bad) should not parse")
        }
    }

    @Test func frameQuantisation() {
        #expect(TimeSpan.seconds(10).frameCount(atRefresh: 60) == (600, true))
        #expect(TimeSpan.seconds(1.01).frameCount(atRefresh: 60) == (61, false))  // 60.6 frames
        #expect(TimeSpan.seconds(0.5).frameCount(atRefresh: 144) == (72, true))
        #expect(TimeSpan.frames(7).frameCount(atRefresh: 75) == (7, true))
    }

    @Test func sourceMapRecordsFieldLocations() throws {
        let (_, map) = try parseValid(protocolText(phases: adaptationPhase))
        // `phases:` is on line 10 (line 9 is the empty `extra`); the first item's `name:` value is on line 12, column 11.
        #expect(map.locations["phases[0].name"] == SourceMap.Location(line: 12, column: 11))
        #expect(map.locations["phases[0].sequence[1].duration"] == SourceMap.Location(line: 15, column: 39))
    }
}
