import ProtocolKit
import Testing
@testable import Presenter

/// A session aborted in the middle of two interleaved staircases and resumed continues both tracks
/// exactly where an uninterrupted run with the same answers would be.
@Suite struct ResumeTests {
    let full = PixelRect(x: 0, y: 0, width: 64, height: 48)
    /// 1-up/2-down, steps 0.02 up and 0.01 down, never stopping on reversals: 8 slots per track.
    let staircase = StaircaseSpec(startLevel: 0.1, nUp: 1, nDown: 2, stepUp: 0.02, stepDown: 0.01,
                                                  minLevel: -0.2, maxLevel: 0.2, stopAfterReversals: 50, maxTrials: 8,
                                                  reversalsForEstimate: 4)
    /// The answers, trial by trial (tracks alternate: even trials track 0, odd trials track 1).
    let answers = ["r", "g", "r", "r", "r", "g", "g", "r", "r", "r", "g", "r", "r", "g", "r", "r"]
    static let abortedAt = 7

    func plan() -> PresentationPlan {
        let tint = TintMapping { _ in .white }
        return PresentationPlan(refreshHz: 60, blocks: (0..<16).map { t in
            PlannedBlock(phaseIndex: 0, phaseName: "stairs", phaseKind: "test", trialIndex: t, background: .black,
                         segments: [FrameSegment(frames: 1, layers: [.image(key: "t", rect: full, tinted: true)])],
                         response: .staircase(staircase, positiveKey: "r", negativeKey: "g", tint: tint, contingency: 0, adapted: false),
                         track: t % 2)
        })
    }

    func play(_ script: [String], from block: Int = 0, answered: [RecordedAnswer] = []) throws -> (SessionPlayer.Outcome, MemoryRecorder) {
        let recorder = MemoryRecorder()
        let player = SessionPlayer(display: RecordingDisplay(), input: try ScriptedInput(text: script.joined(separator: "\n"), fileName: "stairs.txt"),
                                   pacer: FramePacer(mode: .virtual, period: 1.0 / 60, clock: SessionClock(.virtual)),
                                   recorder: recorder, images: solidImage, seed: 9)
        return (try player.play(plan(), fromBlock: block, answered: answered), recorder)
    }

    @Test func tracksRebuiltFromRecordedAnswersContinueAsAnUninterruptedRun() throws {
        let (_, uninterrupted) = try play(answers.map { "0.2 \($0)" })
        let levels = uninterrupted.responses.map { $0.value! }
        #expect(levels.count == 16)

        // Abort during trial 7, after 7 answers.
        let firstPart = answers.prefix(Self.abortedAt).map { "0.2 \($0)" } + ["0.1 escape", "0.1 a"]
        let (outcome, aborted) = try play(firstPart)
        #expect(outcome == .aborted(phase: 0))
        #expect(aborted.responses.map(\.trial) == Array(0..<Self.abortedAt))
        let recorded = aborted.responses.map { RecordedAnswer(phase: $0.phase, trial: $0.trial, key: $0.choice, timedOut: $0.timedOut) }

        let (resumedOutcome, resumed) = try play(answers.dropFirst(Self.abortedAt).map { "0.2 \($0)" },
                                                 from: Self.abortedAt, answered: recorded)
        #expect(resumedOutcome == .completed)
        #expect(resumed.responses.map(\.trial) == Array(Self.abortedAt..<16))
        #expect(resumed.responses.map { $0.value! } == Array(levels[Self.abortedAt...]))
        // Restarting the tracks instead would present the start level again: the replay is what matters.
        #expect(levels[Self.abortedAt] != staircase.startLevel)
    }

    @Test func answeredTrialsAfterTheResumePointAreNotRunAgain() throws {
        // Trials 0…3 and 5 answered (5 before 4, as a stopped track's skipped slot would leave it).
        let recorded = [0, 1, 2, 3, 5].map { RecordedAnswer(phase: 0, trial: $0, key: answers[$0], timedOut: false) }
        let (_, resumed) = try play(Array(repeating: "0.2 r", count: 11), from: 4, answered: recorded)
        #expect(resumed.responses.map(\.trial) == [4] + Array(6..<16))
    }

    @Test func aResumedClockContinuesFromTheElapsedTime() {
        let virtual = SessionClock(.virtual, start: 12.5)
        #expect(virtual.now() == 12.5)
        #expect(FramePacer(mode: .virtual, period: 1.0 / 60, clock: virtual).nextPlannedTime == 12.5)
        let monotonic = SessionClock(.monotonic, start: 12.5).now()
        #expect(monotonic >= 12.5 && monotonic < 13.5)
    }
}
