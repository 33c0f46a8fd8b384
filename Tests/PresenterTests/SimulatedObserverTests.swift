import StimulusKit
import Foundation
import Testing
@testable import Presenter

@Suite struct SimulatedObserverTests {
    let method = NullingAdjustment.Configuration(coarseStep: 0.05, fineStep: 0.005, minValue: -0.3, maxValue: 0.3,
                                                 startSpread: 0.2)

    @Test func noiselessAdjustmentLandsOnTheNullWithinHalfAFineStep() {
        let config = SimulatedObserver.Configuration(aftereffect: 0.08, bias: 0.01, noiseSd: 0)
        var observer = SimulatedObserver(config, seed: 3)
        for seed in 0..<50 as Range<UInt64> {
            var g = SeededGenerator(seed: seed)
            var trial = NullingAdjustment(method, generator: &g)
            let shift = observer.shift(sign: -1, adapted: true)   // 0.01 − 0.08
            #expect(abs(shift - -0.07) < 1e-12)
            let presses = observer.adjustmentPresses(from: trial.startValue, shift: shift, method: method)
            for p in presses { trial.apply(p.action, at: p.time) }
            #expect(trial.isConfirmed)
            #expect(abs(trial.value - 0.07) <= 0.0025 + 1e-12)
            #expect(zip(presses, presses.dropFirst()).allSatisfy { $0.time < $1.time })
        }
    }

    @Test func noisyNullsAverageToMinusTheShift() {
        var observer = SimulatedObserver(.init(aftereffect: 0.06, bias: 0, noiseSd: 0.02), seed: 9)
        var settings: [Double] = []
        for seed in 0..<400 as Range<UInt64> {
            var g = SeededGenerator(seed: seed)
            var trial = NullingAdjustment(method, generator: &g)
            for p in observer.adjustmentPresses(from: trial.startValue, shift: 0.06, method: method) {
                trial.apply(p.action, at: p.time)
            }
            settings.append(trial.value)
        }
        let mean = settings.reduce(0, +) / Double(settings.count)
        // Standard error of the mean ≈ 0.02/√400 = 0.001; allow 4 SE.
        #expect(abs(mean - -0.06) < 0.004)
    }

    @Test func yesNoJudgementsFollowTheCumulativeNormal() {
        // At value = −shift + sd, P(looks positive) = Φ(1) = 0.8413.
        var observer = SimulatedObserver(.init(noiseSd: 0.02), seed: 4)
        let n = 20_000
        var yes = 0
        for _ in 0..<n where observer.looksPositive(value: -0.03 + 0.02, shift: 0.03) { yes += 1 }
        #expect(abs(Double(yes) / Double(n) - 0.8413) < 0.01)
    }

    @Test func reactionTimesHaveTheConfiguredMedian() {
        var observer = SimulatedObserver(.init(reactionTimeMedian: 0.5, reactionTimeLogSd: 0.3), seed: 5)
        let rts = (0..<4001).map { _ in observer.reactionTime() }.sorted()
        #expect(abs(rts[2000] - 0.5) < 0.02)
        #expect(rts.allSatisfy { $0 > 0 })
    }

    @Test func forcedChoicePicksTheStrongestEvidenceWhenNoiseIsSmall() {
        var observer = SimulatedObserver(.init(noiseSd: 0.001), seed: 6)
        #expect(observer.choose(evidence: [0, 1, 0.2]) == 1)
    }
}
