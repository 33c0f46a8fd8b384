import StimulusKit
import Testing
@testable import Presenter

@Suite struct NullingAdjustmentTests {
    let method = NullingAdjustment.Configuration(coarseStep: 0.05, fineStep: 0.01, minValue: -0.2, maxValue: 0.2,
                                                 startCentre: 0, startSpread: 0.1)

    @Test func startsAtASeededRandomPointWithinTheSpread() {
        var starts: Set<Double> = []
        for seed in 0..<200 as Range<UInt64> {
            var g = SeededGenerator(seed: seed)
            let a = NullingAdjustment(method, generator: &g)
            #expect(abs(a.startValue) <= 0.1)
            starts.insert(a.startValue)
        }
        #expect(starts.count == 200)
        #expect(starts.contains { $0 < -0.05 } && starts.contains { $0 > 0.05 })
        var g1 = SeededGenerator(seed: 5), g2 = SeededGenerator(seed: 5)
        #expect(NullingAdjustment(method, generator: &g1).startValue == NullingAdjustment(method, generator: &g2).startValue)
    }

    @Test func keysMoveTheValueAndTheTrajectoryKeepsEveryPress() {
        var g = SeededGenerator(seed: 1)
        var a = NullingAdjustment(method, generator: &g)
        let s = a.startValue
        a.apply(.coarseUp, at: 0.5)
        a.apply(.coarseUp, at: 0.7)
        a.apply(.fineDown, at: 0.9)
        #expect(abs(a.value - (s + 0.09)) < 1e-12)
        a.apply(.confirm, at: 1.2)
        a.apply(.coarseDown, at: 1.4)   // ignored: already confirmed
        #expect(abs(a.value - (s + 0.09)) < 1e-12)
        #expect(a.confirmedAfter == 1.2)
        #expect(a.trajectory.map(\.action) == [.coarseUp, .coarseUp, .fineDown, .confirm])
        #expect(a.trajectory.map(\.time) == [0.5, 0.7, 0.9, 1.2])
    }

    @Test func valueStaysInsideTheGamutLimits() {
        var g = SeededGenerator(seed: 2)
        var a = NullingAdjustment(method, generator: &g)
        for i in 0..<20 { a.apply(.coarseUp, at: Double(i)) }
        #expect(a.value == 0.2)
        for i in 0..<20 { a.apply(.coarseDown, at: Double(i)) }
        #expect(a.value == -0.2)
    }

    @Test func problemsAreNamed() {
        var c = method
        c.fineStep = 0.1
        #expect(c.problem()?.contains("fineStep") == true)
        c = method
        c.minValue = 1
        #expect(c.problem()?.contains("minValue") == true)
        #expect(method.problem() == nil)
    }
}

@Suite struct ForcedChoiceTests {
    @Test func keysMapToAlternativesAndAreScored() throws {
        let fc = try ForcedChoice(keys: ["left", "right"])
        #expect(fc.alternative(forKey: "Right") == 1)
        #expect(fc.alternative(forKey: "space") == nil)
        #expect(fc.answer(key: "left", reactionTime: 0.4, correctAlternative: 1)
                == ForcedChoice.Answer(choice: 0, correct: false, reactionTime: 0.4))
        #expect(fc.answer(key: "right", reactionTime: 0.4, correctAlternative: nil)?.correct == nil)
    }

    @Test func rejectsTooFewOrDuplicateKeys() {
        #expect(throws: ResponseMethodError.self) { try ForcedChoice(keys: ["a"]) }
        #expect(throws: ResponseMethodError.self) { try ForcedChoice(keys: ["a", "a"]) }
    }
}
