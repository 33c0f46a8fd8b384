import StimulusKit
import Foundation
import ProtocolKit
import Testing
@testable import Presenter

@Suite struct UpDownStaircaseTests {
    @Test func followsLevittRulesOnAHandWorkedSequence() {
        // 1-up/2-down, unit steps from 10. Worked by hand:
        // T,T -> 9; T,T -> 8; F -> 9 (reversal at 8); F -> 10; T; T -> 9 (reversal at 10).
        var s = UpDownStaircase(.init(startLevel: 10, nUp: 1, nDown: 2, stepUp: 1, stepDown: 1))
        for r in [true, true, true, true, false, false, true, true] { s.record(r) }
        #expect(s.presentedLevels == [10, 10, 9, 9, 8, 9, 10, 10])
        #expect(s.reversalLevels == [8, 10])
        #expect(s.level == 9)
        #expect(s.thresholdEstimate == 9)
    }

    @Test func unequalStepsAndClampingToTheRange() {
        var s = UpDownStaircase(.init(startLevel: 0.5, stepUp: 0.3, stepDown: 1, minLevel: 0, maxLevel: 1))
        s.record(true)   // 0.5 - 1 clamps to 0
        #expect(s.level == 0)
        s.record(false)  // 0 + 0.3
        #expect(abs(s.level - 0.3) < 1e-12)
        s.record(false); s.record(false); s.record(false)  // 0.6, 0.9, clamps at 1
        #expect(s.level == 1)
        #expect(s.reversalLevels == [0])
    }

    @Test func stopsAfterReversalsOrTrials() {
        var s = UpDownStaircase(.init(startLevel: 0, stepUp: 1, stepDown: 1, stopAfterReversals: 3, maxTrials: 100))
        for r in [true, false, true, false] { s.record(r) }   // reversals at trials 2, 3, 4
        #expect(s.reversalLevels.count == 3)
        #expect(s.isFinished)
        var t = UpDownStaircase(.init(startLevel: 0, stepUp: 1, stepDown: 1, stopAfterReversals: 99, maxTrials: 5))
        for _ in 0..<4 { t.record(true) }
        #expect(!t.isFinished)
        t.record(true)
        #expect(t.isFinished)
    }

    @Test func oneUpTwoDownConvergesOnTheSeventyOnePercentPoint() {
        // Observer: logistic with midpoint 5 and scale 0.5, so P(true) = 0.7071 at 5 + 0.5·ln(0.7071/0.2929) = 5.4407.
        var generator = SeededGenerator(seed: 7)
        var estimates: [Double] = []
        for _ in 0..<100 {
            var s = UpDownStaircase(.init(startLevel: 3, nUp: 1, nDown: 2, stepUp: 0.1, stepDown: 0.1,
                                          stopAfterReversals: 40, maxTrials: 2000, reversalsForEstimate: 30))
            while !s.isFinished {
                let p = 1 / (1 + exp(-(s.level - 5) / 0.5))
                s.record(generator.unit() < p)
            }
            estimates.append(s.thresholdEstimate!)
        }
        let mean = estimates.reduce(0, +) / Double(estimates.count)
        #expect(abs(mean - 5.4407) < 0.08)
    }

}
