import Foundation
import NeuralKit
import Testing
@testable import Analysis

/// The S−(L+M) axis is adapted like the L−M axis: blue-horizontal / yellow-vertical adaptation gives
/// the McCollough signs on the S axis (blue = positive S−(L+M) in DKL).
@Suite(.serialized) struct SAxisPredictionTests {
    static func sTint(_ t: PredictionTable, _ phase: String, _ condition: String) -> Double {
        t.rows.first { $0.phase == phase && $0.condition == condition }!.perceivedTintDKLS!
    }

    static func checkSAxisSigns<A: ColourAdaptation>(_ adaptation: A) throws {
        let yaml = McColloughPredictionTests.protocolYAML(adaptationBlocksS: [120], colours: ("blue", "yellow"))
        let t = try McColloughPredictionTests.predict(yaml, adaptation: adaptation)
        for c in ["h", "v"] { #expect(abs(Self.sTint(t, "baseline", c)) < 1e-6, "\(c)") }
        // Horizontal was paired with blue: it now looks yellowish (S < 0); vertical, paired with yellow, bluish.
        #expect(Self.sTint(t, "after0", "h") < -1e-4, "\(A.name)")
        #expect(Self.sTint(t, "after0", "v") > 1e-4, "\(A.name)")
    }

    @Test func blueHorizontalYellowVerticalGivesTheSAxisSigns() throws {
        try Self.checkSAxisSigns(DecorrelationAdaptation())
        try Self.checkSAxisSigns(ConjunctiveFatigue())
        try Self.checkSAxisSigns(IntrinsicSuppression())
    }
}
