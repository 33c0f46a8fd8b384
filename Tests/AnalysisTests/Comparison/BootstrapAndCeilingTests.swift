import Foundation
import Testing
@testable import Analysis

/// The bootstrap interval and the noise ceiling on data small enough to work out by hand.
@Suite struct BootstrapAndCeilingTests {
    @Test func identicalParticipantsGiveADegenerateInterval() throws {
        // Every resample's group mean is the same ranking [1, 3, 2] against the prediction [1, 2, 3]:
        // ρ = 1 − 6·(0 + 1 + 1) / (3·8) = 0.5 in every draw.
        let p = [1.0, 3, 2]
        let e = try #require(BootstrapCorrelation.spearman(prediction: [1, 2, 3], participants: [p, p, p], resamples: 500, seed: 9))
        #expect(abs(e.value - 0.5) < 1e-12)
        #expect(abs(e.lower - 0.5) < 1e-12)
        #expect(abs(e.upper - 0.5) < 1e-12)
        #expect(e.level == 0.95)
    }

    @Test func twoParticipantsGiveTheSpanOfTheirThreeResamples() throws {
        // A = [1, 2, 3] (ρ 1 with the prediction), B = [0, 2.5, 2] (ranks [1, 3, 2], ρ 0.5).
        // Resamples: {A, A} → ρ 1 (p ¼), {A, B} → mean [0.5, 2.25, 2.5], ρ 1 (p ½), {B, B} → ρ 0.5 (p ¼).
        // So the group's ρ is 1 and the central 95% of the draws runs from 0.5 to 1.
        let e = try #require(BootstrapCorrelation.spearman(prediction: [1, 2, 3], participants: [[1, 2, 3], [0, 2.5, 2]],
                                                           resamples: 2000, seed: 3))
        #expect(abs(e.value - 1) < 1e-12)
        #expect(abs(e.lower - 0.5) < 1e-12)
        #expect(abs(e.upper - 1) < 1e-12)
    }

    @Test func theSameSeedGivesTheSameIntervalAndAConstantRankingGivesNone() {
        let participants = [[1.0, 2, 4], [2, 1, 3], [0, 3, 1], [1, 1.5, 2]]
        let a = BootstrapCorrelation.spearman(prediction: [1, 2, 3], participants: participants, resamples: 300, seed: 42)
        let b = BootstrapCorrelation.spearman(prediction: [1, 2, 3], participants: participants, resamples: 300, seed: 42)
        #expect(a != nil && a == b)
        #expect(BootstrapCorrelation.spearman(prediction: [1, 1, 1], participants: participants) == nil)
    }

    @Test func ceilingOfThreeAgreeingParticipantsAndOneReversedOne() throws {
        // Three participants rank the conditions 1 < 2 < 3 with large effects; the fourth reverses
        // them with tiny ones. Leaving out any of the first three, the others' mean still rises
        // (the fourth barely moves it): ρ = 1. Leaving out the fourth, the others' mean rises and
        // the fourth falls: ρ = −1. Ceiling mean (1 + 1 + 1 − 1) / 4 = 0.5, range −1 … 1.
        let ceiling = try #require(NoiseCeiling(participants: [[10, 20, 30], [10, 20, 30], [10, 20, 30], [0.3, 0.2, 0.1]]))
        #expect(ceiling.perParticipant == [1, 1, 1, -1])
        #expect(abs(ceiling.mean - 0.5) < 1e-12)
        #expect(ceiling.lowest == -1)
        #expect(ceiling.highest == 1)
        #expect(NoiseCeiling(participants: [[1, 2, 3]]) == nil)
    }
}
