import Foundation
import Testing
@testable import NeuralKit

/// Fatigue and intrinsic suppression against their defining equations, iterated by hand.
@Suite struct AdaptationModelTests {
    /// Vinken et al. (2020)'s recurrence, one step at a time: the reference the closed form must match.
    static func iterate(_ m: IntrinsicSuppression, state: Double, activation x: Double, steps: Int) -> Double {
        var s = state
        for _ in 0..<steps {
            let r = max(0, x - m.beta * s)
            s = (1 - m.alpha) * s + m.alpha * r
        }
        return s
    }

    @Test func suppressionClosedFormMatchesTheRecurrence() {
        let m = IntrinsicSuppression(alpha: 0.1, beta: 0.7, stepS: 0.5)
        for (start, x, steps) in [(0.0, 1.0, 37), (5.0, 1.0, 50), (5.0, 1.0, 3), (0.8, 0.0, 20), (0.2, 2.0, 1)] {
            let expected = Self.iterate(m, state: start, activation: x, steps: steps)
            #expect(abs(m.advanced(start, activation: x, steps: Double(steps)) - expected) < 1e-12, "\(start) \(x) \(steps)")
            var s = [start]
            m.advance(&s, activations: [x], seconds: Double(steps) * m.stepS)
            #expect(abs(s[0] - expected) < 1e-12)
        }
    }

    @Test func repeatedPresentationLowersTheResponseToASteadyState() {
        let m = IntrinsicSuppression(alpha: 0.1, beta: 0.7, stepS: 1)
        var s = [0.0]
        var responses = [m.respond([1], state: s)[0]]
        for _ in 0..<3 {
            m.advance(&s, activations: [1], seconds: 5)
            responses.append(m.respond([1], state: s)[0])
        }
        #expect(responses[0] == 1)
        #expect(zip(responses, responses.dropFirst()).allSatisfy { $0 > $1 })
        // Fixed point: s = (1 − α)s + α(x − βs) gives s = x / (1 + β), and r = x − βs = x / (1 + β).
        m.advance(&s, activations: [1], seconds: 1000)
        #expect(abs(s[0] - 1 / 1.7) < 1e-9)
        #expect(abs(m.respond([1], state: s)[0] - 1 / 1.7) < 1e-9)
    }

    @Test func aUnitThatWasNotDrivenIsNotSuppressed() {
        let m = IntrinsicSuppression()
        var s = [0.0, 0.0]
        m.advance(&s, activations: [1, 0], seconds: 60)
        let r = m.respond([1, 1], state: s)
        #expect(r[0] < 1)
        #expect(r[1] == 1)
        #expect(throws: NeuralError("suppression parameter alpha must lie in (0, 1/(1 + beta)) = (0, 0.5), got 0.6")) {
            try IntrinsicSuppression(alpha: 0.6, beta: 1).validate()
        }
    }

    /// Unit k sees bars whose L−M contrast is v times their luminance contrast: ⟨a²⟩ = 0.25,
    /// ⟨ac⟩ = 0.25v, ⟨c²⟩ = 0.25v² (squared contrast); every other unit sees nothing.
    static func tinted(_ v: Double, units: Int = 1, at k: Int = 0) -> ColourContingency {
        var s = ColourContingency.blank(units: units)
        s.lumEnergy[k] = 0.25
        s.colourLum[k] = 0.25 * v
        s.colourEnergy[k] = 0.25 * v * v
        return s
    }

    @Test func unadaptedConjunctiveUnitsReadTheTestsTint() {
        // (E₊ − E₋)/4 = ⟨ac⟩, so a test tinted by v reads v with gains 1 and no suppression.
        let test = Self.tinted(0.08)
        let fatigue = ConjunctiveFatigue()
        #expect(abs(fatigue.perceivedTint(test, after: fatigue.initialState(units: 1), readingUnits: 0..<1)! - 0.08) < 1e-12)
        let suppression = IntrinsicSuppression()
        #expect(abs(suppression.perceivedTint(test, after: suppression.initialState(units: 1), readingUnits: 0..<1)! - 0.08) < 1e-12)
    }

    @Test func fatigueTraceFollowsItsTimeConstant() {
        let m = ConjunctiveFatigue(tauS: 30, strength: 2)
        var s = m.initialState(units: 1)
        // Red bars, v = 0.2: E₊ = 0.25 (1 + 0.2)² = 0.36, E₋ = 0.25 (1 − 0.2)² = 0.16.
        m.advance(&s, seconds: 30, input: Self.tinted(0.2))
        #expect(abs(s.activity[0] - 0.36 * (1 - exp(-1))) < 1e-12)
        #expect(abs(s.activity[1] - 0.16 * (1 - exp(-1))) < 1e-12)
        #expect(abs(m.gain(s, 0) - 1 / (1 + 2 * 0.36 * (1 - exp(-1)))) < 1e-12)
        // 30 s of blank: the trace recovers by e⁻¹.
        let before = s.activity[0]
        m.advance(&s, seconds: 30, input: .blank(units: 1))
        #expect(abs(s.activity[0] - before * exp(-1)) < 1e-12)
    }

    @Test func fatigueGivesTheMcColloughDirectionAndSparesUndrivenUnits() {
        // Unit 0 horizontal, unit 1 vertical, unit 2 oblique (never driven). Red horizontal and
        // green vertical bars alternate every 10 s for 120 s.
        let m = ConjunctiveFatigue()
        var s = m.initialState(units: 3)
        for _ in 0..<6 {
            m.advance(&s, seconds: 10, input: Self.tinted(0.2, units: 3, at: 0))
            m.advance(&s, seconds: 10, input: Self.tinted(-0.2, units: 3, at: 1))
        }
        // The reddish-horizontal unit is fatigued more than the greenish one: an achromatic
        // horizontal test looks greenish, a vertical one reddish, an oblique one neutral.
        #expect(m.perceivedTint(Self.tinted(0, units: 3, at: 0), after: s, readingUnits: 0..<3)! < 0)
        #expect(m.perceivedTint(Self.tinted(0, units: 3, at: 1), after: s, readingUnits: 0..<3)! > 0)
        #expect(m.perceivedTint(Self.tinted(0, units: 3, at: 2), after: s, readingUnits: 0..<3) == 0)
        #expect(m.gain(s, 4) == 1 && m.gain(s, 5) == 1)
    }
}
