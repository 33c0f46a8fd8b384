import Testing
@testable import Presenter

/// A trial whose response window passes unanswered ends with a timed-out response, and the run goes on.
@Suite struct ResponseWindowTests {
    let full = PixelRect(x: 0, y: 0, width: 64, height: 48)

    /// Three forced-choice trials, stimulus up until the response, a 0.5 s response window, no blank.
    func trial(_ index: Int) -> PlannedBlock {
        PlannedBlock(phaseIndex: 0, phaseName: "test", phaseKind: "test", trialIndex: index, background: .black,
                     segments: [FrameSegment(frames: 1, layers: [.image(key: "t", rect: full, tinted: false)])],
                     response: .forcedChoice(try! ForcedChoice(keys: ["left", "right"]), correct: 0, evidence: [1, 0]),
                     responseWindowS: 0.5)
    }

    @Test func anUnansweredTrialTimesOutAtTheEndOfItsWindowAndTheNextTrialRuns() throws {
        // Trial 0 (onset 0 s) gets no press: it times out at the first flip at or after 0.5 s (frame 30,
        // or 31 when the virtual clock's summed periods land a hair below 0.5 s there), and trial 1
        // starts at the next flip. Its answer at 0.9 s is about 0.37 s after onset, inside the
        // window. Trial 2 starts on the flip after that press and gets nothing.
        let script = try ScriptedInput(text: "at 0.9 left\n", fileName: "window.txt")
        let recorder = MemoryRecorder()
        let player = SessionPlayer(display: RecordingDisplay(), input: script,
                                   pacer: FramePacer(mode: .virtual, period: 1.0 / 60, clock: SessionClock(.virtual)),
                                   recorder: recorder, images: solidImage, seed: 1)
        #expect(try player.play(PresentationPlan(refreshHz: 60, blocks: (0..<3).map(trial))) == .completed)
        #expect(recorder.responses.map(\.trial) == [0, 1, 2])
        #expect(recorder.responses.map(\.timedOut) == [true, false, true])
        let (first, answered, last) = (recorder.responses[0], recorder.responses[1], recorder.responses[2])
        #expect(first.choice == nil && first.correct == nil && first.value == nil && first.method == "forced_choice")
        #expect(abs(first.responseTime - first.onset - 0.5) < 1e-12)
        #expect(abs(last.responseTime - last.onset - 0.5) < 1e-12)
        #expect(answered.onset > 0.5 && answered.onset < 0.5 + 2.5 / 60)
        #expect(answered.choice == "left" && answered.correct == true && answered.responseTime == 0.9)
        #expect(recorder.trialsEnded.map(\.completed) == [true, true, true])
        // Trial 0 showed frames 0…30 (or 0…31, as above).
        #expect((31...32).contains(recorder.frames.filter { $0.flipTime < answered.onset - 1e-9 }.count))
    }
}
