import StimulusKit
import Testing
@testable import ProtocolKit

@Suite struct PatternAnalysisTests {
    @Test func stripePairsCountLightDarkPairs() {
        // dark, light, dark, light: 3 changes → 2 light and 2 dark stripes = 2 pairs.
        #expect(PatternAnalysis.stripePairs([0, 0, 1, 1, 0, 0, 1, 1]).pairs == 2)
        // A line with less than 0.1 of range holds no stripes.
        #expect(PatternAnalysis.stripePairs([0.5, 0.55, 0.5, 0.55]).pairs == 0)
        // Values between the hysteresis thresholds do not split a stripe.
        #expect(PatternAnalysis.stripePairs([0, 0.5, 0, 1, 0.5, 1, 0]).pairs == 1)
    }

    @Test func verticalBarsMeasuredAlongTheHorizontal() {
        // 200 × 100 px, vertical black/white bars 10 px wide: 10 cycles across the width.
        let width = 200, height = 100
        var pixels = [Float](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width where (x / 10) % 2 == 1 {
                for c in 0..<3 { pixels[(y * width + x) * 3 + c] = 1 }
            }
        }
        let image = LinearImage(width: width, height: height, pixels: pixels)
        let geometry = ViewingGeometry(screenWidthCm: 53, screenWidthPx: width, screenHeightPx: height, distanceCm: 57)
        let grid = SafetyGrid(geometry: geometry, cellDeg: 2)
        let profile = MonitorProfile.standardSRGB
        let measured = PatternAnalysis.measure(image, grid: grid, profile: profile)
        #expect(measured.pairs == 10)
        #expect(abs(measured.brightestCdM2 - profile.maxLuminanceCdM2) < 1e-6 * profile.maxLuminanceCdM2)
        // Every cell lies within one cell of an edge, so the whole screen counts as striped.
        #expect(abs(measured.areaSr - grid.solidAngles.reduce(0, +)) < 1e-12)
    }

    @Test func patternRuleNeedsAllFourConditions() {
        var finding = PatternFinding(stimulus: "g", lightDarkPairs: 6, pairLimit: 5, stripedAreaSr: 0.01,
                                     brightestCdM2: 80, longestShowingSeconds: 10)
        #expect(finding.breaksRule)
        finding.pairLimit = 8  // a static pattern may have up to 8 pairs
        #expect(!finding.breaksRule)
        finding = PatternFinding(stimulus: "g", lightDarkPairs: 60, pairLimit: 5, stripedAreaSr: 0.005,
                                 brightestCdM2: 80, longestShowingSeconds: 10)
        #expect(!finding.breaksRule)  // ≤ 0.006 sr
        finding.stripedAreaSr = 0.5
        finding.brightestCdM2 = 40
        #expect(!finding.breaksRule)  // brightest stripe ≤ 50 cd/m²
        finding.brightestCdM2 = 80
        finding.longestShowingSeconds = 0.4
        #expect(!finding.breaksRule)  // shown < 0.5 s
    }
}
