import Testing
@testable import ProtocolKit

@Suite struct TimelineTests {
    func compile(_ text: String, refreshHz: Double = 60) throws -> (Timeline, [ProtocolDiagnostic]) {
        let (spec, map) = try parseValid(text)
        return TimelineCompiler.compile(spec, refreshHz: refreshHz, sourceMap: map)
    }

    @Test func alternationIsFrameExact() throws {
        let (timeline, diagnostics) = try compile(protocolText(phases: adaptationPhase))
        #expect(diagnostics.isEmpty)
        let phase = timeline.phases[0]
        #expect(phase.frameCount == 3600)  // 1 min at 60 Hz
        guard case .presentation(let p) = phase.content else { Issue.record("not a presentation"); return }
        // 10 s items alternate: 6 onsets, every 600 frames, red first.
        #expect(p.onsets.map(\.frame) == [0, 600, 1200, 1800, 2400, 3000])
        #expect(p.onsets.map(\.stimulus) == ["red_h", "green_v", "red_h", "green_v", "red_h", "green_v"])
        #expect(p.onsets.allSatisfy { $0.frames == 600 })
        #expect(timeline.fixedSeconds == 60)
    }

    @Test func blanksAndRepetitions() throws {
        let text = protocolText(phases: """
          - kind: adaptation
            name: adapt
            sequence: [{stimulus: a, duration: 1 s}, {stimulus: b, duration: 30 frames}]
            blank_between: 250 ms
            repetitions: 2
        """)
        let (timeline, _) = try compile(text)
        guard case .presentation(let p) = timeline.phases[0].content else { Issue.record("not a presentation"); return }
        // a: 60 frames, blank 15, b: 30, blank 15 → cycle 120 frames; no trailing blank after the last item.
        #expect(p.onsets.map(\.frame) == [0, 75, 120, 195])
        #expect(timeline.phases[0].frameCount == 225)
    }

    @Test func roundingIsWarnedWithTheResult() throws {
        let text = protocolText(phases: """
          - kind: adaptation
            name: adapt
            sequence: [{stimulus: a, duration: 1.01 s}]
            repetitions: 1
        """)
        let (timeline, diagnostics) = try compile(text)
        #expect(timeline.phases[0].frameCount == 61)
        let warning = diagnostics.first { $0.fieldPath == "phases[0].sequence[0].duration" }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("60.6 frames") == true)
        #expect(warning?.message.contains("rounded to 61 frames") == true)
        #expect(warning?.line == 13)
    }

    @Test func shorterThanAFrameIsAnError() throws {
        let text = protocolText(phases: """
          - kind: adaptation
            name: adapt
            sequence: [{stimulus: a, duration: 5 ms}]
            repetitions: 1
        """)
        let (_, diagnostics) = try compile(text)
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("shorter than one frame") })
    }

    @Test func cutLastCycleIsWarned() throws {
        let text = protocolText(phases: """
          - kind: adaptation
            name: adapt
            sequence: [{stimulus: a, duration: 10 s}, {stimulus: b, duration: 10 s}]
            total_duration: 25 s
        """)
        let (timeline, diagnostics) = try compile(text)
        guard case .presentation(let p) = timeline.phases[0].content else { Issue.record("not a presentation"); return }
        #expect(p.onsets.last == StimulusOnset(frame: 1200, stimulus: "a", frames: 300))
        #expect(diagnostics.contains { $0.message.contains("cut to 300 of 600 frames") })
    }

    @Test func countdownTicksOncePerSecond() throws {
        let (timeline, _) = try compile(protocolText(phases: """
          - kind: adaptation
            name: adapt
            sequence: [{stimulus: a, duration: 2.5 s}]
            repetitions: 1
        """))
        guard case .presentation(let p) = timeline.phases[0].content else { Issue.record("not a presentation"); return }
        // 150 frames: ⌈2.5⌉ = 3 s left at frame 0, 2 s from frame 30 (120 frames left), 1 s from frame 90.
        #expect(p.countdown == [CountdownTick(frame: 0, secondsLeft: 3), CountdownTick(frame: 30, secondsLeft: 2),
                                CountdownTick(frame: 90, secondsLeft: 1)])
    }

    @Test func fixationLettersChangeAndStayInsideTheJitter() throws {
        let (timeline, _) = try compile(protocolText(phases: """
          - kind: adaptation
            name: adapt
            sequence: [{stimulus: a, duration: 10 min}]
            repetitions: 1
            fixation: {letters: ABCDX, interval: 1 s, jitter_deg: 1.5, target: X, target_probability: 0.2}
        """))
        guard case .presentation(let p) = timeline.phases[0].content else { Issue.record("not a presentation"); return }
        #expect(p.fixationChanges.count == 600)
        #expect(p.fixationChanges.enumerated().allSatisfy { $1.frame == $0 * 60 })
        #expect(zip(p.fixationChanges, p.fixationChanges.dropFirst()).allSatisfy { $0.letter != $1.letter })
        #expect(p.fixationChanges.allSatisfy { abs($0.xDeg) <= 1.5 && abs($0.yDeg) <= 1.5 })
        #expect(p.fixationChanges.allSatisfy { $0.isTarget == ($0.letter == "X") })
        // The target is drawn with p = 0.2 unless the previous letter was the target: expected share
        // 0.2 / 1.2 ≈ 0.167 of 600 = 100; binomial SD ≈ 9, so 60...140 is a > 4-SD band.
        let targets = p.fixationChanges.filter(\.isTarget).count
        #expect((60...140).contains(targets))
    }

    @Test func compilationIsDeterministicForASeed() throws {
        let phases = adaptationPhase + """

          - kind: test
            name: t
            conditions: [{label: h, stimulus: a}, {label: v, stimulus: b}, {label: o, stimulus: c}]
            repetitions: 4
            response: {method: nulling, axis: dkl_lm, coarse_step: 0.01, fine_step: 0.001, min: -0.05, max: 0.05, start_spread: 0.03}
        """
        let (first, _) = try compile(protocolText(phases: phases))
        let (second, _) = try compile(protocolText(phases: phases))
        #expect(first == second)
        let (other, _) = try compile(protocolText(phases: phases).replacingOccurrences(of: "seed: 42", with: "seed: 43"))
        #expect(other.phases[1] != first.phases[1])
    }

    @Test func blockedNullingTrials() throws {
        let (timeline, _) = try compile(protocolText(phases: """
          - kind: test
            name: t
            conditions: [{label: h, stimulus: a}, {label: v, stimulus: b}, {label: o, stimulus: c}]
            repetitions: 4
            order: blocked
            stimulus_duration: 2 s
            inter_trial_interval: 1 s
            response: {method: nulling, axis: dkl_lm, coarse_step: 0.01, fine_step: 0.001, min: -0.05, max: 0.05, start_centre: 0.01, start_spread: 0.03}
        """))
        guard case .trials(let block) = timeline.phases[0].content else { Issue.record("not trials"); return }
        #expect(block.trials.count == 12)
        #expect(block.stimulusFrames == 120 && block.interTrialFrames == 60 && block.responseWindowFrames == nil)
        for repetition in 0..<4 {
            let blockTrials = block.trials[(repetition * 3)..<(repetition * 3 + 3)]
            #expect(Set(blockTrials.map(\.condition)) == ["h", "v", "o"])
            #expect(blockTrials.allSatisfy { $0.repetition == repetition })
        }
        // Start values: uniform in 0.01 ± 0.03 = −0.02...0.04, inside min...max.
        #expect(block.trials.allSatisfy { ($0.startValue ?? .nan) >= -0.02 && ($0.startValue ?? .nan) <= 0.04 })
        #expect(Set(block.trials.compactMap(\.startValue)).count == 12)
    }

    @Test func staircaseSlotsFeedOneTrackPerConditionAndRepetition() throws {
        let (timeline, _) = try compile(protocolText(phases: """
          - kind: test
            name: t
            conditions: [{label: h, stimulus: a}, {label: v, stimulus: b}]
            repetitions: 2
            response: {method: staircase, axis: dkl_lm, start_level: 0.03, step_up: 0.005, step_down: 0.005, min: -0.06, max: 0.06, max_trials: 20, true_key: r, false_key: g}
        """))
        guard case .trials(let block) = timeline.phases[0].content else { Issue.record("not trials"); return }
        #expect(block.trials.count == 80)
        let perTrack = Dictionary(grouping: block.trials, by: { $0.track ?? -1 }).mapValues(\.count)
        #expect(perTrack == [0: 20, 1: 20, 2: 20, 3: 20])
    }

    @Test func flickerFrequencyIsQuantised() throws {
        let phase = """
          - kind: flicker_photometry
            name: hfp
            field_diameter_deg: 2
            frequency_hz: 20
            red_linear_rgb: [1, 0, 0]
            green_linear_rgb: [0, 1, 0]
            result_name: g
        """
        let (at60, warnings60) = try compile(protocolText(phases: phase))
        guard case .flickerPhotometry(let f60) = at60.phases[0].content else { Issue.record("not flicker"); return }
        // 60 / (2 × 20) = 1.5 frames per colour → 2 frames → 15 Hz, with a warning.
        #expect(f60.halfPeriodFrames == 2 && f60.achievedFrequencyHz == 15)
        #expect(warnings60.contains { $0.fieldPath == "phases[0].frequency_hz" && $0.message.contains("15 Hz") })
        let (at120, warnings120) = try compile(protocolText(phases: phase), refreshHz: 120)
        guard case .flickerPhotometry(let f120) = at120.phases[0].content else { Issue.record("not flicker"); return }
        #expect(f120.halfPeriodFrames == 3 && f120.achievedFrequencyHz == 20 && warnings120.isEmpty)
    }

    @Test func timelineRoundTripsThroughJSON() throws {
        let (timeline, _) = try compile(protocolText(phases: adaptationPhase))
        let data = try JSONEncoder().encode(timeline)
        #expect(try JSONDecoder().decode(Timeline.self, from: data) == timeline)
    }
}

import Foundation
