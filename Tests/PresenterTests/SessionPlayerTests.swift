import Testing
import ProtocolKit
@testable import Presenter

@Suite struct SessionPlayerTests {
    let full = PixelRect(x: 0, y: 0, width: 64, height: 48)
    let grey = RGB8(128, 128, 128)
    let nulling = NullingAdjustment.Configuration(coarseStep: 0.05, fineStep: 0.01, minValue: -0.2, maxValue: 0.2, startSpread: 0.1)
    /// Tint: value v on the axis becomes red gain 255·(1−max(0,−v)), green gain 255·(1−max(0,v)).
    let tint = TintMapping { v in RGB8(UInt8(255 * (1 - max(0, -v))), UInt8(255 * (1 - max(0, v))), 255) }

    func player(_ display: Display, _ input: InputSource, _ recorder: SessionRecorder) -> SessionPlayer {
        let clock = SessionClock(.virtual)
        return SessionPlayer(display: display, input: input, pacer: FramePacer(mode: .virtual, period: 1.0 / 60, clock: clock),
                             recorder: recorder, images: solidImage, seed: 1)
    }

    func adaptation(_ phase: Int, frames: Int) -> PlannedBlock {
        PlannedBlock(phaseIndex: phase, phaseName: "adapt", phaseKind: "adaptation", background: grey,
                     segments: [FrameSegment(frames: frames, layers: [.image(key: "a", rect: full, tinted: false)])])
    }

    @Test func fixedPhasesLastExactlyTheirFramesOnTheRefreshGrid() throws {
        let plan = PresentationPlan(refreshHz: 60, blocks: [
            PlannedBlock(phaseIndex: 0, phaseName: "adapt", phaseKind: "adaptation", background: grey, segments: [
                FrameSegment(frames: 7, layers: [.image(key: "red-vertical", rect: full, tinted: false)]),
                FrameSegment(frames: 5, layers: [.image(key: "green-horizontal", rect: full, tinted: false)]),
            ]),
            PlannedBlock(phaseIndex: 1, phaseName: "blank", phaseKind: "blank", background: .black, segments: [FrameSegment(frames: 3, layers: [])]),
        ])
        let display = RecordingDisplay(), recorder = MemoryRecorder()
        let p = player(display, ScriptedInput.none, recorder)
        #expect(try p.play(plan) == .completed)
        #expect(display.presented == 15)
        #expect(recorder.phasesStarted.map(\.plannedFrames) == [12, 3])
        #expect(recorder.phasesEnded.map(\.frames) == [12, 3])
        #expect(recorder.phasesEnded.allSatisfy { $0.completed })
        // Frames 0–6 show the first image, 7–11 the second, 12–14 nothing.
        let firstTexture = display.frames[0][0].texture
        #expect(display.frames[0..<7].allSatisfy { $0.count == 1 && $0[0].texture == firstTexture })
        #expect(display.frames[7..<12].allSatisfy { $0.count == 1 && $0[0].texture != firstTexture })
        #expect(display.frames[12..<15].allSatisfy { $0.isEmpty })
        for (i, f) in recorder.frames.enumerated() {
            #expect(f.index == i)
            #expect(abs(f.flipTime - Double(i) / 60) < 1e-9)
            #expect(!f.dropped)
        }
        #expect(p.timing.droppedCount == 0)
    }

    @Test func simulatedParticipantNullsAndTheResponseIsRecordedWithItsTrajectory() throws {
        let observer = SimulatedObserver(.init(aftereffect: 0.08, bias: 0, noiseSd: 0), seed: 2)
        let plan = PresentationPlan(refreshHz: 60, blocks: [
            PlannedBlock(phaseIndex: 0, phaseName: "test", phaseKind: "nulling", trialIndex: 0, conditionsJSON: #"{"orientation_deg":90}"#,
                         background: grey, segments: [FrameSegment(frames: 1, layers: [.image(key: "test-grating", rect: full, tinted: true)])],
                         response: .nulling(nulling, keys: .standard, tint: tint, target: 0, contingency: 1, adapted: true), valueUnit: "dkl_lm"),
        ])
        let display = RecordingDisplay(), recorder = MemoryRecorder()
        #expect(try player(display, SimulatedParticipant(observer: observer), recorder).play(plan) == .completed)
        #expect(recorder.responses.count == 1)
        let r = try #require(recorder.responses.first)
        #expect(r.method == "nulling" && r.valueUnit == "dkl_lm" && r.trial == 0)
        #expect(abs(r.value! - -0.08) <= 0.005 + 1e-9)     // the observer nulls its +0.08 shift
        #expect(r.trajectory.last?.action == .confirm)
        #expect(abs((r.responseTime - r.onset) - r.trajectory.last!.time) < 1e-9)
        #expect(recorder.trialsEnded.map(\.completed) == [true])
        // Frame k flips at onset + k/60 and keys are read after each flip, so the confirming press
        // ends the phase after frame ceil(60·rt): ceil(60·rt) + 1 frames in all.
        #expect(recorder.phasesEnded[0].frames == Int(((r.responseTime - r.onset) * 60).rounded(.up)) + 1)
        // The last frame is drawn with the tint of the setting before the confirmation.
        #expect(display.frames.last![0].modulation == tint.modulation(r.trajectory.dropLast().last!.value))
        #expect(recorder.keys.allSatisfy { $0.action != nil })
    }

    @Test func escapeThenAbortKeepsWhatWasRecordedAndStops() throws {
        let script = try ScriptedInput(text: "0.5 space\nat 1.0 escape\n0.1 a\n", fileName: "abort.txt")
        let plan = PresentationPlan(refreshHz: 60, blocks: [
            PlannedBlock(phaseIndex: 0, phaseName: "instructions", phaseKind: "instructions", background: .black,
                         segments: [FrameSegment(frames: 1, layers: [.text("Press space", pointSize: 20, colour: .white, centreX: 32, centreY: 24)])],
                         response: .anyKey),
            adaptation(1, frames: 600),
        ])
        let display = RecordingDisplay(), recorder = MemoryRecorder()
        #expect(try player(display, script, recorder).play(plan) == .aborted(phase: 1))
        #expect(recorder.responses.map(\.method) == ["any_key"])
        #expect(recorder.pauses == 1)
        #expect(recorder.keys.map(\.event.key) == ["space", "escape", "a"])
        #expect(recorder.keys.map(\.action) == ["continue", "pause", "abort"])
        #expect(recorder.phasesEnded.map(\.completed) == [true, false])
        // Escape at 1.0 s: the adaptation phase began at ~0.5 s, so it was stopped after ~30 of its 600 frames.
        #expect((29...32).contains(recorder.phasesEnded[1].frames))
    }

    @Test func anAbortReadTogetherWithItsEscapeStillAborts() throws {
        // Both presses are due at the first poll after 0.1 s: the pause menu must answer the second.
        let script = try ScriptedInput(text: "at 0.1 escape\nat 0.1 a\n", fileName: "both.txt")
        let recorder = MemoryRecorder()
        #expect(try player(RecordingDisplay(), script, recorder).play(PresentationPlan(refreshHz: 60, blocks: [adaptation(0, frames: 60)])) == .aborted(phase: 0))
        #expect(recorder.keys.map(\.action) == ["pause", "abort"])
    }

    @Test func resumeAfterPauseContinuesThePhaseAndDoesNotCountThePauseAsDropped() throws {
        let script = try ScriptedInput(text: "at 0.1 escape\n2.0 r\n", fileName: "pause.txt")
        let plan = PresentationPlan(refreshHz: 60, blocks: [adaptation(0, frames: 30)])
        let display = RecordingDisplay(), recorder = MemoryRecorder()
        let p = player(display, script, recorder)
        #expect(try p.play(plan) == .completed)
        #expect(recorder.phasesEnded[0].frames == 30)
        #expect(recorder.resumes == 1)
        #expect(p.timing.droppedCount == 0)
        #expect(recorder.frames.filter { $0.interval == nil }.count == 2)   // the first frame and the first after the pause
    }

    @Test func staircaseTrackCarriesOverBetweenTrialsAndStopsAtItsReversals() throws {
        let observer = SimulatedObserver(.init(aftereffect: 0.05, bias: 0, noiseSd: 0.005), seed: 3)
        let config = StaircaseSpec(startLevel: 0.15, stepUp: 0.02, stepDown: 0.02, minLevel: -0.2, maxLevel: 0.2,
                                                   stopAfterReversals: 6, maxTrials: 60, reversalsForEstimate: 4)
        let slots = (0..<60).map { t in
            PlannedBlock(phaseIndex: 0, phaseName: "stair", phaseKind: "test", trialIndex: t, background: grey,
                         segments: [FrameSegment(frames: 12, layers: [.image(key: "t", rect: full, tinted: true)]),
                                    FrameSegment(frames: 1, layers: [])],
                         response: .staircase(config, positiveKey: "r", negativeKey: "g", tint: tint, contingency: 1, adapted: true),
                         track: 0)
        }
        let recorder = MemoryRecorder()
        #expect(try player(RecordingDisplay(), SimulatedParticipant(observer: observer), recorder).play(PresentationPlan(refreshHz: 60, blocks: slots)) == .completed)
        let n = recorder.responses.count
        #expect(n > 6 && n < 60)   // stopped by its 6 reversals, not by running out of slots
        #expect(recorder.responses.allSatisfy { $0.method == "staircase" })
        #expect(recorder.responses.map(\.trial) == Array(0..<n))
        #expect(recorder.trialsStarted.map(\.trial) == Array(0..<n))
        // Levels step by exactly 0.02 from 0.15 (the state carried over from trial to trial).
        let levels = recorder.responses.map { $0.value! }
        #expect(abs(levels[0] - 0.15) < 1e-12)
        #expect(zip(levels, levels.dropFirst()).allSatisfy { abs(abs($1 - $0) - 0.02) < 1e-9 })
        // A 1-up/1-down staircase on "looks positive" for an observer shifted by +0.05 converges near −0.05.
        let estimate = try #require(recorder.responses.last?.estimate)
        #expect(abs(estimate - -0.05) < 0.025)
    }

    @Test func aStopKeyEndsTheSession() throws {
        let script = try ScriptedInput(text: "0.3 n\n", fileName: "decline.txt")
        let consent = PlannedBlock(phaseIndex: 0, phaseName: "consent", phaseKind: "consent", background: .black,
                                   segments: [FrameSegment(frames: 1, layers: [])],
                                   response: .forcedChoice(try ForcedChoice(keys: ["y", "n"]), correct: nil, evidence: [1, 0]), stopKey: "n")
        let recorder = MemoryRecorder()
        #expect(try player(RecordingDisplay(), script, recorder).play(PresentationPlan(refreshHz: 60, blocks: [consent, adaptation(1, frames: 5)])) == .stopped(phase: 0))
        #expect(recorder.responses.map(\.choice) == ["n"])
        #expect(recorder.phasesStarted.count == 1)
    }

    @Test func fastHeadlessRunsDrawOnlyCapturedFramesButLogEveryFrame() throws {
        let display = RecordingDisplay(), recorder = MemoryRecorder()
        var written: [Int] = []
        let p = SessionPlayer(display: display, input: ScriptedInput.none,
                              pacer: FramePacer(mode: .virtual, period: 1.0 / 60, clock: SessionClock(.virtual)),
                              recorder: recorder, images: solidImage,
                              capture: .init(every: 10) { index, _, _, _ in written.append(index) }, seed: 1, drawsOnlyCapturedFrames: true)
        #expect(try p.play(PresentationPlan(refreshHz: 60, blocks: [adaptation(0, frames: 25)])) == .completed)
        #expect(written == [0, 10, 20])
        #expect(display.presented == 3)
        #expect(recorder.frames.count == 25)
        #expect(p.timing.frameCount == 25)
    }

    @Test func resumeStartsAtTheFirstUnfinishedTrial() {
        let trial = { (t: Int) in PlannedBlock(phaseIndex: 1, phaseName: "test", phaseKind: "nulling", trialIndex: t,
                                               background: self.grey, segments: [], response: .anyKey) }
        let plan = PresentationPlan(refreshHz: 60, blocks: [adaptation(0, frames: 5), trial(0), trial(1), trial(2), adaptation(2, frames: 5)])
        #expect(plan.firstBlock(atPhase: 0, trial: 0) == 0)
        #expect(plan.firstBlock(atPhase: 1, trial: 2) == 3)
        #expect(plan.firstBlock(atPhase: 2, trial: 0) == 4)
        #expect(plan.firstBlock(atPhase: 3, trial: 0) == nil)
    }
}

extension ScriptedInput {
    /// A participant who never presses anything.
    static var none: ScriptedInput { try! ScriptedInput(text: "", fileName: "none") }
}
