import Testing
import ProtocolKit
@testable import Presenter

/// Illusion trials on the pre-rendered difference grid, and the documented simulated observer.
@Suite struct IllusionJudgementTests {
    static func phase(_ method: IllusionMethodSpec) -> IllusionPhaseSpec {
        IllusionPhaseSpec(name: "pse", stimulus: "s", strengths: [-1, 1], repetitions: 1, minDifference: -1, maxDifference: 1,
                          responseWindow: nil, interTrialInterval: .seconds(0.5), fieldDeg: 8, method: method)
    }
    static let adjustment = IllusionMethodSpec.adjustment(.init(coarseStep: 0.2, fineStep: 0.05, keys: .standard))
    static let staircase = IllusionMethodSpec.staircase(.init(step: 0.1, maxTrials: 4, stopAfterReversals: 2, reversalsForEstimate: 2,
                                                              moreKey: "left", lessKey: "right"))

    @Test func adjustmentKeysMoveTheShownLevelAndConfirmGivesThePSE() {
        // Level 30 of the 0.05-deg grid from −1: difference 0.5.
        var j = IllusionJudgement(.init(phase: Self.phase(Self.adjustment), startLevel: 30, strength: 1))
        #expect(j.levelIndex == 30 && abs(j.difference - 0.5) < 1e-12)
        #expect(j.handle(KeyEvent(key: "down", time: 1), reactionTime: 0.5) == nil)   // −0.2: 0.3, level 26
        #expect(j.levelIndex == 26)
        _ = j.handle(KeyEvent(key: "left", time: 1.2), reactionTime: 0.7)              // −0.05: 0.25, level 25
        #expect(j.levelIndex == 25 && j.action(forKey: "return") == "confirm")
        for _ in 0..<10 { _ = j.handle(KeyEvent(key: "up", time: 2), reactionTime: 1) }  // clamped at +1, level 40
        #expect(j.levelIndex == 40)
        let answer = j.handle(KeyEvent(key: "return", time: 3), reactionTime: 2)
        #expect(answer?.value == 1 && answer?.trajectory.count == 13 && j.methodName == "illusion_adjustment")
    }

    @Test func staircaseGoesDownAfterMoreAndUpAfterLess() {
        // The staircase's grid is its 0.1-deg step from −1: level 10 is difference 0.
        var j = IllusionJudgement(.init(phase: Self.phase(Self.staircase), startLevel: 10, strength: 1))
        #expect(j.difference == 0 && !j.isTrackFinished)
        let first = j.handle(KeyEvent(key: "left", time: 1), reactionTime: 0.5)
        #expect(first?.value == 0 && first?.choice == "left" && abs(j.difference - -0.1) < 1e-12 && j.levelIndex == 9)
        _ = j.handle(KeyEvent(key: "right", time: 2), reactionTime: 0.5)   // reversal at −0.1, back to 0
        _ = j.handle(KeyEvent(key: "left", time: 3), reactionTime: 0.5)    // reversal at 0, down to −0.1
        #expect(j.isTrackFinished && j.methodName == "illusion_staircase")
        #expect(j.handle(KeyEvent(key: "x", time: 4), reactionTime: 0.5) == nil)
    }

    @Test func noiselessObserverAdjustsToMinusGainTimesStrength() {
        var observer = SimulatedObserver(.init(illusionGain: 0.3, illusionNoiseSd: 0), seed: 7)
        for strength in [-1.0, 0.5, 1] {
            let config = IllusionJudgement.Configuration(phase: Self.phase(Self.adjustment), startLevel: 0, strength: strength)
            var j = IllusionJudgement(config)
            var answer: ResponseState.Answer?
            for press in observer.illusionPresses(IllusionWindow(difference: j.difference, configuration: config)) {
                answer = j.handle(KeyEvent(key: press.key, time: press.time), reactionTime: press.time)
            }
            // The setting lands within half a fine step of −0.3 × strength.
            #expect(abs((answer?.value ?? .nan) - -0.3 * strength) <= 0.025 + 1e-9, "strength \(strength): \(String(describing: answer?.value))")
        }
    }

    @Test func observerSaysMoreWhenThePerceivedDifferenceIsPositive() {
        var observer = SimulatedObserver(.init(illusionGain: 0.3, illusionNoiseSd: 0), seed: 7)
        let config = IllusionJudgement.Configuration(phase: Self.phase(Self.staircase), startLevel: 0, strength: 1)
        // Perceived = d + 0.3: "more" above d = −0.3, "less" below it.
        #expect(observer.illusionPresses(IllusionWindow(difference: -0.2, configuration: config)).map(\.key) == ["left"])
        #expect(observer.illusionPresses(IllusionWindow(difference: -0.4, configuration: config)).map(\.key) == ["right"])
    }
}
