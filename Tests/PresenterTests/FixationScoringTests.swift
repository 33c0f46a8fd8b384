import Testing
import ProtocolKit
import SessionStore
@testable import Presenter

/// The fixation task scored against presses whose outcomes are counted by hand.
///
/// Letters change every 1 s: A at 0 s, T (target) at 1, B at 2, T at 3, C at 4, T at 5, D at 6; the
/// phase ends at 7 s. Presses of space at 0.5 s (no target yet: false alarm on A), 1.4 s (hit for the
/// target at 1 s), 1.6 s (that target is already hit: false alarm), 4.2 s (hit for the target at 3 s,
/// 1.2 s after it, although C is on screen) and 6.8 s (the target at 5 s closed at 6.5 s: false alarm
/// on D). So: 2 hits, 1 miss (the target at 5 s), 3 false alarms, and 2 correct rejections (B and C;
/// A and D had false alarms).
@Suite struct FixationScoringTests {
    static let letters = ["A", "T", "B", "T", "C", "T", "D"]
    static let presses = [0.5, 1.4, 1.6, 4.2, 6.8]

    func counts(_ scores: [FixationScore]) -> [FixationOutcome: Int] {
        scores.reduce(into: [:]) { $0[$1.outcome, default: 0] += 1 }
    }

    @Test func pressesAreScoredAsCountedByHand() {
        var scorer = FixationScorer(responseKey: "space")
        var scores: [FixationScore] = []
        var pending = Self.presses
        for (second, letter) in Self.letters.enumerated() {
            let onset = Double(second)
            scorer.letterShown(letter, isTarget: letter == "T", at: onset)
            while let press = pending.first, press < onset + 1 {
                scores += scorer.keyPressed("space", at: press).map { [$0] } ?? []
                pending.removeFirst()
            }
            #expect(scorer.keyPressed("x", at: onset + 0.1) == nil)   // other keys are not scored
            scores += scorer.advance(to: onset + 0.99)
        }
        scores += scorer.finish()
        #expect(counts(scores) == [.hit: 2, .miss: 1, .falseAlarm: 3, .correctRejection: 2])
        let hits = scores.filter { $0.outcome == .hit }
        #expect(hits.map(\.onset) == [1, 3])
        #expect(hits.map { $0.responseTime! } == [1.4, 4.2])
        #expect(scores.filter { $0.outcome == .miss }.map(\.onset) == [5])
        #expect(scores.filter { $0.outcome == .falseAlarm }.map(\.letter) == ["A", "T", "D"])
        #expect(scores.filter { $0.outcome == .correctRejection }.map(\.letter) == ["B", "C"])
    }

    /// The adaptation block of the same schedule at 60 Hz, played with the presses scripted.
    func adaptationPlan() -> PresentationPlan {
        let changes = Self.letters.enumerated().map { i, letter in
            FixationChange(frame: 60 * i, letter: letter, xDeg: 0, yDeg: 0, isTarget: letter == "T")
        }
        let segments = changes.map { FrameSegment(frames: 60, layers: [.text($0.letter, pointSize: 20, colour: .black, centreX: 32, centreY: 24)]) }
        return PresentationPlan(refreshHz: 60, blocks: [
            PlannedBlock(phaseIndex: 0, phaseName: "adapt", phaseKind: "adaptation", background: RGB8(128, 128, 128),
                         segments: segments, fixationTask: FixationTask(changes: changes, responseKey: "space")),
        ])
    }

    func play(_ input: InputSource) throws -> MemoryRecorder {
        let recorder = MemoryRecorder()
        let clock = SessionClock(.virtual)
        let player = SessionPlayer(display: RecordingDisplay(), input: input, pacer: FramePacer(mode: .virtual, period: 1.0 / 60, clock: clock),
                                   recorder: recorder, images: solidImage, seed: 1)
        #expect(try player.play(adaptationPlan()) == .completed)
        return recorder
    }

    @Test func theFrameLoopScoresScriptedPressesAgainstTheLettersOnsetFlips() throws {
        let script = Self.presses.map { "at \($0) space" }.joined(separator: "\n")
        let recorder = try play(try ScriptedInput(text: script, fileName: "fixation.txt"))
        #expect(counts(recorder.fixationScores) == [.hit: 2, .miss: 1, .falseAlarm: 3, .correctRejection: 2])
        #expect(recorder.keys.map(\.action) == Array(repeating: "fixation_report", count: 5))
        // Onsets are the flips of frames 60 and 180 (1 s and 3 s on the virtual clock).
        let hits = recorder.fixationScores.filter { $0.outcome == .hit }
        #expect(hits.map(\.onset).map { ($0 * 60).rounded() } == [60, 180])
    }

    @Test func theSimulatedParticipantReportsTargetsAtItsHitRateAndReactionTime() throws {
        // Log-normal spread 0: every report comes exactly 0.3 s after the target's onset flip.
        let always = SimulatedObserver(.init(reactionTimeLogSd: 0, fixationHitRate: 1, fixationReactionTimeMedian: 0.3), seed: 4)
        let all = try play(SimulatedParticipant(observer: always)).fixationScores
        #expect(counts(all) == [.hit: 3, .correctRejection: 4])
        #expect(all.filter { $0.outcome == .hit }.allSatisfy { abs($0.responseTime! - $0.onset - 0.3) < 1e-9 })
        let never = SimulatedObserver(.init(fixationHitRate: 0), seed: 4)
        #expect(counts(try play(SimulatedParticipant(observer: never)).fixationScores) == [.miss: 3, .correctRejection: 4])
    }
}
