import Foundation
import NeuralKit
import Testing
@testable import Analysis

/// Fatigue and intrinsic suppression of the conjunctive units, played over a protocol: the
/// McCollough signs the literature reports after red-horizontal / green-vertical adaptation.
@Suite(.serialized) struct AdaptationModelPredictionTests {
    /// Horizontal (paired with red) looks greenish, vertical reddish; the unpaired 45° control lies
    /// between them. (Unlike decorrelation, fatigue leaves a small orientation-independent part: the
    /// red adapter carries more L−M contrast than the green one, so it tires its units more.)
    static func checkMcColloughSigns<A: ColourAdaptation>(_ adaptation: A) throws {
        let t = try McColloughPredictionTests.predict(McColloughPredictionTests.protocolYAML(adaptationBlocksS: [120]), adaptation: adaptation)
        #expect(t.adaptation == A.name)
        for c in ["h", "v", "d45"] { #expect(abs(McColloughPredictionTests.tint(t, "baseline", c)) < 1e-6, "\(c)") }
        let h = McColloughPredictionTests.tint(t, "after0", "h"), v = McColloughPredictionTests.tint(t, "after0", "v")
        #expect(h < -1e-4)
        #expect(v > 1e-4)
        let oblique = McColloughPredictionTests.tint(t, "after0", "d45")
        #expect(h < oblique && oblique < v, "45°: \(oblique), horizontal \(h), vertical \(v)")
    }

    @Test func fatigueOfConjunctiveUnitsGivesTheMcColloughDirection() throws {
        try Self.checkMcColloughSigns(ConjunctiveFatigue())
    }

    @Test func intrinsicSuppressionOfConjunctiveUnitsGivesTheMcColloughDirection() throws {
        try Self.checkMcColloughSigns(IntrinsicSuppression())
    }
}
