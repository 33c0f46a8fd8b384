import Foundation
import NeuralKit
import ProtocolKit
import Testing
@testable import Analysis

/// Predictions checked against findings from the literature (science.md), not against the code's own
/// output: the signs, the orientation and spatial-frequency specificity and the time course.
@Suite(.serialized) struct McColloughPredictionTests {
    /// 4° at 24 px/deg keeps the debug-build test fast; 1.5 cpd adapters sit in band 1 of 0.75…6 cpd.
    static let model = V1Configuration(fieldDeg: 4, pixelsPerDegree: 24)

    /// A protocol with inline stimuli: red/black horizontal and green/black vertical adapters (or
    /// `colours`; 1.5 cpd, `wave` gratings) alternating every `alternationS`, then achromatic tests of the same wave.
    static func protocolYAML(adaptationBlocksS: [Double], alternationS: Double = 10, wave: String = "square_grating",
                             colours: (horizontal: String, vertical: String) = ("red", "lime")) -> String {
        func grating(_ name: String, _ deg: Double, _ cpd: Double, _ a: String) -> String {
            "  \(name):\n    name: \(name)\n    pattern: {type: \(wave), orientation_deg: \(deg), cycles_per_degree: \(cpd), colour_a: \(a), colour_b: black}\n"
        }
        var y = """
            name: literature
            title: McCollough literature checks
            description: red horizontal, green vertical
            authors: [test]
            citations: []
            viewing: {distance_cm: 57, refresh_hz: 60, refresh_tolerance_hz: 1, monitor: standard_srgb}
            seed: 1
            background_linear_rgb: [0.5, 0.5, 0.5]
            stimuli:

            """
        y += grating("red_h", 0, 1.5, colours.horizontal) + grating("green_v", 90, 1.5, colours.vertical)
        for (label, deg, cpd) in [("h", 0.0, 1.5), ("v", 90.0, 1.5), ("d45", 45.0, 1.5), ("d135", 135.0, 1.5),
                                  ("h3", 0.0, 3.0), ("h6", 0.0, 6.0), ("v3", 90.0, 3.0), ("v6", 90.0, 6.0)] {
            y += grating("test_\(label)", deg, cpd, "white")
        }
        y += "phases:\n"
        func test(_ name: String) -> String {
            "  - kind: test\n    name: \(name)\n    conditions:\n"
                + ["h", "v", "d45", "d135", "h3", "h6", "v3", "v6"].map { "      - {label: \($0), stimulus: test_\($0)}\n" }.joined()
                + "    response: {method: nulling, axis: dkl_lm, coarse_step: 0.005, fine_step: 0.001, min: -0.06, max: 0.06, start_spread: 0}\n"
        }
        y += test("baseline")
        for (i, seconds) in adaptationBlocksS.enumerated() {
            y += "  - kind: adaptation\n    name: adapt\(i)\n    sequence:\n"
            y += "      - {stimulus: red_h, duration: \(alternationS) s}\n      - {stimulus: green_v, duration: \(alternationS) s}\n"
            y += "    total_duration: \(seconds) s\n"
            y += test("after\(i)")
        }
        return y
    }

    static func predict(_ yaml: String) throws -> PredictionTable { try predict(yaml, adaptation: DecorrelationAdaptation()) }

    static func predict<A: ColourAdaptation>(_ yaml: String, adaptation: A) throws -> PredictionTable {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-predict-\(UUID().uuidString)")
        let stimuli = dir.appendingPathComponent("Stimuli")
        try FileManager.default.createDirectory(at: stimuli, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("p.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try AftereffectPrediction(model: model, adaptation: adaptation)
            .run(protocolFile: file, options: ProtocolCheck.Options(stimulusDirectory: stimuli, analysisWidthPx: 48))
    }

    static func tint(_ t: PredictionTable, _ phase: String, _ condition: String) -> Double {
        t.rows.first { $0.phase == phase && $0.condition == condition }!.perceivedTintDKLLM!
    }

    @Test func redHorizontalGreenVerticalGivesTheMcColloughSigns() throws {
        let t = try Self.predict(Self.protocolYAML(adaptationBlocksS: [120]))
        // Before adaptation every achromatic test looks achromatic.
        for c in ["h", "v", "d45", "d135"] { #expect(abs(Self.tint(t, "baseline", c)) < 1e-6) }
        let h = Self.tint(t, "after0", "h"), v = Self.tint(t, "after0", "v")
        // Horizontal (paired with red) looks greenish: negative on DKL L−M; vertical looks reddish.
        #expect(h < -1e-3)
        #expect(v > 1e-3)
        // The unpaired 45° and 135° controls stay near zero.
        for c in ["d45", "d135"] { #expect(abs(Self.tint(t, "after0", c)) < 0.2 * min(abs(h), abs(v)), "\(c)") }
        // Rotating the test by 90° swaps the tint's sign.
        #expect((h < 0) != (v < 0))
        #expect(t.rows.first { $0.phase == "after0" }!.adaptationS == 120)
    }

    @Test func theEffectFallsAsTheTestFrequencyMovesAwayFromTheAdapters() throws {
        // Sine-wave adapters and tests: a square wave's third harmonic would adapt the 4.5 cpd units too.
        let t = try Self.predict(Self.protocolYAML(adaptationBlocksS: [120], wave: "sine_grating"))
        for (same, octave, twoOctaves) in [("h", "h3", "h6"), ("v", "v3", "v6")] {
            let at = abs(Self.tint(t, "after0", same)), one = abs(Self.tint(t, "after0", octave)), two = abs(Self.tint(t, "after0", twoOctaves))
            #expect(at > one, "\(same)")
            #expect(one > two, "\(same)")
            // Lovegrove & Over (1972): gratings two octaves apart behave as nearly independent channels.
            #expect(two < 0.25 * at, "\(same)")
        }
    }

    @Test func moreAdaptationGivesMoreEffectSaturatingOnTheFastTimescale() throws {
        // Cumulative adaptation of 20, 40, 80, 160, 320 s (blocks of 20, 20, 40, 80, 160 s).
        let yaml = Self.protocolYAML(adaptationBlocksS: [20, 20, 40, 80, 160], alternationS: 5)
        let fastOnly = try Self.predict(yaml, adaptation: DecorrelationAdaptation(slowTauS: 1e12))
        let fast = (0..<5).map { -Self.tint(fastOnly, "after\($0)", "h") }
        for i in 1..<5 { #expect(fast[i] > fast[i - 1] * 0.999, "fast, block \(i)") }
        // Saturation with τ = 30 s: 160 → 320 s adds under 2 %, while 20 → 40 s adds over 25 %.
        #expect(fast[4] / fast[3] < 1.02)
        #expect(fast[1] / fast[0] > 1.25)
        // With the slow integrator the effect keeps growing after the fast part has saturated.
        let both = try Self.predict(yaml)
        let total = (0..<5).map { -Self.tint(both, "after\($0)", "h") }
        for i in 1..<5 { #expect(total[i] > total[i - 1], "both, block \(i)") }
        #expect(total[4] / total[3] > fast[4] / fast[3])
    }
}
