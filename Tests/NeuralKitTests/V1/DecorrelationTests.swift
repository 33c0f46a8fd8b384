import Foundation
import Testing
@testable import NeuralKit

/// The decorrelation dynamics against hand-computed values.
@Suite struct DecorrelationTests {
    static let red = ColourContingency(lumEnergy: [0.25], colourLum: [0.05])

    @Test func fastWeightRelaxesWithTauByHand() {
        let model = DecorrelationAdaptation(fastTauS: 30, slowTauS: 600, gain: 1, epsilon: 0.01)
        var s = model.initialState(units: 1)
        // Target 0.05 / (0.25 + 0.01) = 0.192308; after 30 s: 0.192308 (1 − e⁻¹) = 0.121561.
        model.advance(&s, seconds: 30, input: Self.red)
        #expect(abs(s.fast[0] - 0.121561) < 1e-6)
        // In 1800 frames of 1/60 s the same (the update is exact for any split).
        var frames = model.initialState(units: 1)
        for _ in 0..<1800 { model.advance(&frames, seconds: 1.0 / 60, input: Self.red) }
        #expect(abs(frames.fast[0] - s.fast[0]) < 1e-9)
        // 30 s of blank: the fast weight decays by e⁻¹ to 0.044720.
        model.advance(&s, seconds: 30, input: .blank(units: 1))
        #expect(abs(s.fast[0] - 0.044720) < 1e-6)
    }

    @Test func slowWeightIntegratesAndDoesNotDecay() {
        let model = DecorrelationAdaptation(fastTauS: 30, slowTauS: 100, gain: 1, epsilon: 0.01)
        var s = model.initialState(units: 1)
        // 50 s at target 0.192308 adds 0.192308 × 50 / 100 = 0.096154.
        model.advance(&s, seconds: 50, input: Self.red)
        #expect(abs(s.slow[0] - 0.096154) < 1e-6)
        model.advance(&s, seconds: 10_000, input: .blank(units: 1))
        #expect(abs(s.slow[0] - 0.096154) < 1e-6)
        #expect(s.fast[0] < 1e-9)
        // Contrary input (the opposite correlation) undoes it.
        model.advance(&s, seconds: 50, input: ColourContingency(lumEnergy: [0.25], colourLum: [-0.05]))
        #expect(abs(s.slow[0]) < 1e-9)
    }

    @Test func readoutSubtractsTheWeightedLuminanceDrive() {
        // Two units: Σ(⟨ac⟩ − w⟨a²⟩)/Σ⟨a²⟩ = ((0 − 0.1·0.3) + (0 + 0.2·0.1)) / 0.4 = −0.025.
        let test = ColourContingency(lumEnergy: [0.3, 0.1], colourLum: [0, 0])
        #expect(abs(test.perceivedTint(subtracting: [0.1, -0.2])! + 0.025) < 1e-12)
        #expect(ColourContingency.blank(units: 2).perceivedTint(subtracting: [1, 1]) == nil)
        // gain × (fast + slow).
        let model = DecorrelationAdaptation(gain: 0.5)
        #expect(model.weights(.init(fast: [0.2], slow: [0.4])) == [0.5 * (0.2 + 0.4)])
    }

    @Test func badParametersAreNamed() {
        #expect(throws: NeuralError("decorrelation parameter fast_tau_s must be > 0, got 0.0")) {
            try DecorrelationAdaptation(fastTauS: 0).validate()
        }
    }
}
