import StimulusKit
import Foundation
import ProtocolKit
import Testing
@testable import Presenter

@Suite struct QuestTests {
    @Test func thresholdIsWherePThresholdIsReached() {
        for (gamma, p) in [(0.5, 0.82), (0.0, 0.5), (0.25, 0.625)] {
            let q = Quest(.init(tGuess: 0, tGuessSd: 1, pThreshold: p, gamma: gamma))
            #expect(abs(q.probabilityCorrect(intensity: 0.37, threshold: 0.37) - p) < 1e-12)
        }
    }

    @Test func posteriorMatchesAnIndependentEvaluationOfTheUpdate() {
        // Expected numbers from scripts/presenter/quest_reference.py (Watson & Pelli's formula in Python):
        // grid {-1, 0, 1}, prior sd 1, β 3.5, γ 0.5, δ 0.01, pThreshold 0.75; correct at 0, wrong at 0.2.
        var q = Quest(.init(tGuess: 0, tGuessSd: 1, pThreshold: 0.75, beta: 3.5, delta: 0.01, gamma: 0.5,
                            grain: 1, range: 2))
        #expect(q.grid == [-1, 0, 1])
        #expect(abs(q.xThreshold - -0.043674188347477896) < 1e-12)
        q.record(intensity: 0, response: true)
        q.record(intensity: 0.2, response: false)
        let expected = [0.017833663452853137, 0.08679364044585398, 0.8953726961012929]
        for (a, b) in zip(q.posterior, expected) { #expect(abs(a - b) < 1e-12) }
        #expect(abs(q.mean - 0.8775390326484398) < 1e-12)
        #expect(abs(q.standardDeviation - 0.37832737904173236) < 1e-12)
        #expect(q.mode == 1)
    }

    @Test func convergesOnASimulatedObserversThreshold() {
        var generator = SeededGenerator(seed: 11)
        var errors: [Double] = []
        for _ in 0..<30 {
            var q = Quest(.init(tGuess: -0.5, tGuessSd: 2, trials: 80))
            let truth = 0.3
            while !q.isFinished {
                let x = q.mean
                q.record(intensity: x, response: generator.unit() < q.probabilityCorrect(intensity: x, threshold: truth))
            }
            errors.append(q.mean - truth)
        }
        let bias = errors.reduce(0, +) / Double(errors.count)
        let rms = (errors.map { $0 * $0 }.reduce(0, +) / Double(errors.count)).squareRoot()
        #expect(abs(bias) < 0.05)
        #expect(rms < 0.15)
    }
}
