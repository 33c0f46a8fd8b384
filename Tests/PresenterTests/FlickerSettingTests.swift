import Testing
@testable import Presenter

/// A stimulus whose colour comes from a flicker-photometry phase is made again with the mean setting
/// once that phase is over, before the phase that shows it starts.
@Suite struct FlickerSettingTests {
    let full = PixelRect(x: 0, y: 0, width: 64, height: 48)

    /// Phase 0: two settings, starting at 0.30 and 0.20 (steps 0.05 / 0.01). Phase 1: 5 frames of "grating".
    func plan() -> PresentationPlan {
        let settings = [0.30, 0.20].enumerated().map { i, start in
            PlannedBlock(phaseIndex: 0, phaseName: "hfp", phaseKind: "flicker_photometry", trialIndex: i, background: .black,
                         segments: [FrameSegment(frames: 1, layers: [.image(key: "disc", rect: full, tinted: true)])],
                         response: .nulling(.init(coarseStep: 0.05, fineStep: 0.01, minValue: 0, maxValue: 1, startCentre: start, startSpread: 0),
                                            keys: .standard, tint: TintMapping { _ in .white }, target: 0.3, contingency: 0, adapted: false),
                         valueUnit: "green_gain")
        }
        let look = PlannedBlock(phaseIndex: 1, phaseName: "look", phaseKind: "adaptation", background: .black,
                                segments: [FrameSegment(frames: 5, layers: [.image(key: "grating", rect: full, tinted: false)])])
        var plan = PresentationPlan(refreshHz: 60, blocks: settings + [look])
        plan.remakeAfterPhase = [0: ["grating"]]
        return plan
    }

    /// Settings 0.30 + 0.05 = 0.35 and 0.20 − 0.05 = 0.15: mean 0.25.
    let script = "0.1 up\n0.1 return\n0.1 down\n0.1 return\n"

    func play(answered: [RecordedAnswer] = [], from block: Int = 0, script: String) throws -> (RecordingDisplay, [(Int, Double)]) {
        let display = RecordingDisplay()
        final class Gain { var value = 0.4 }   // the nominal gain until measured
        let gain = Gain()
        var measured: [(Int, Double)] = []
        let player = SessionPlayer(display: display, input: try ScriptedInput(text: script, fileName: "hfp.txt"),
                                   pacer: FramePacer(mode: .virtual, period: 1.0 / 60, clock: SessionClock(.virtual)),
                                   recorder: MemoryRecorder(),
                                   images: { key in (2, 2, [UInt8](repeating: key == "grating" ? UInt8((gain.value * 255).rounded()) : 9, count: 16)) },
                                   seed: 1)
        player.flickerMeasured = { phase, mean in measured.append((phase, mean)); gain.value = mean }
        #expect(try player.play(plan(), fromBlock: block, answered: answered) == .completed)
        return (display, measured)
    }

    @Test func theLaterPhaseShowsTheStimulusMadeWithTheMeanSetting() throws {
        let (display, measured) = try play(script: script)
        #expect(measured.count == 1 && measured[0].0 == 0 && abs(measured[0].1 - 0.25) < 1e-12)
        let shown = try #require(display.frames.last?.first?.texture)
        #expect(display.pixels[shown.raw]?.first == UInt8((0.25 * 255).rounded()))
    }

    @Test func aSessionResumedAfterTheFlickerPhaseUsesTheRecordedSettings() throws {
        let recorded = [RecordedAnswer(phase: 0, trial: 0, key: nil, value: 0.35, timedOut: false),
                        RecordedAnswer(phase: 0, trial: 1, key: nil, value: 0.15, timedOut: false)]
        let (display, measured) = try play(answered: recorded, from: 2, script: "")
        #expect(measured.count == 1 && abs(measured[0].1 - 0.25) < 1e-12)
        #expect(display.pixels.values.map { $0.first } == [UInt8((0.25 * 255).rounded())])
    }
}
