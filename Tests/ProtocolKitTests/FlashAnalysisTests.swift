import Foundation
import StimulusKit
import Testing
@testable import ProtocolKit

/// Constructed cases whose answers follow from the definitions (WCAG 2.x SC 2.3.1, Harding & Binnie).
@Suite struct FlashAnalysisTests {
    /// 53 × 30 cm screen at 57 cm (the standard geometry), 1-degree cells for speed.
    let geometry = ViewingGeometry.standard
    var grid: SafetyGrid { SafetyGrid(geometry: geometry, cellDeg: 1) }
    let profile = MonitorProfile.standardSRGB

    func uniform(_ r: Double, _ g: Double, _ b: Double) -> SafetyFrame {
        SafetyFrame(uniform: SIMD3(r, g, b), cellCount: grid.cellCount, profile: profile)
    }

    /// `a` and `b` alternating, each for `framesEach`, for `seconds` s at `refreshHz`.
    func alternation(_ a: SafetyFrame, _ b: SafetyFrame, framesEach: Int, seconds: Double, refreshHz: Double) -> FrameSequence {
        let runs = (0..<Int(seconds * refreshHz) / framesEach).map {
            FrameSequence.Run(image: $0 % 2, frames: framesEach, label: $0 % 2 == 0 ? "a" : "b")
        }
        return FrameSequence(images: [a, b], runs: runs)
    }

    @Test func fullFieldBlackWhiteAt3HzPasses() {
        // 3 Hz at 60 Hz: 10 black frames, 10 white; 6 transitions = 3 flashes in every 1-s window.
        let findings = FlashAnalysis.analyse(alternation(uniform(0, 0, 0), uniform(1, 1, 1), framesEach: 10, seconds: 5, refreshHz: 60),
                                             grid: grid, refreshHz: 60)
        #expect(findings.maxGeneralFlashesPerSecond == 3)
        #expect(findings.maxRedFlashesPerSecond == 0)
        #expect(findings.passes)
    }

    @Test func fullFieldBlackWhiteAt4HzFails() {
        // 4 Hz at 120 Hz: 15 frames each; 8 transitions = 4 flashes per second.
        let findings = FlashAnalysis.analyse(alternation(uniform(0, 0, 0), uniform(1, 1, 1), framesEach: 15, seconds: 5, refreshHz: 120),
                                             grid: grid, refreshHz: 120)
        #expect(findings.maxGeneralFlashesPerSecond == 4)
        #expect(!findings.passesGeneral)
        // The whole 10° field flashes: 2π(1 − cos 5°) = 0.02391 sr.
        let field = 2 * Double.pi * (1 - cos(5 * Double.pi / 180))
        #expect(abs(findings.generalFlashingAreaSr - field) / field < 0.1)
    }

    @Test func the4HzFlashInA4DegreeDiscPasses() {
        // Quarter-degree cells resolve the disc's edge; black outside, white inside at 4 Hz.
        let fine = SafetyGrid(geometry: geometry, cellDeg: 0.25)
        let greyFine = SafetyFrame(uniform: .zero, cellCount: fine.cellCount, profile: profile)
        var whiteFine = greyFine
        for cell in 0..<fine.cellCount where fine.eccentricityDeg(cell) <= 2 {
            whiteFine.luminance[cell] = 1
        }
        let findings = FlashAnalysis.analyse(
            FrameSequence(images: [greyFine, whiteFine],
                          runs: (0..<40).map { FrameSequence.Run(image: $0 % 2, frames: 15, label: "") }),
            grid: fine, refreshHz: 120)
        #expect(findings.maxGeneralFlashesPerSecond == 4)
        // A 4° disc subtends 2π(1 − cos 2°) = 0.003826 sr < 0.006 sr.
        let disc = 2 * Double.pi * (1 - cos(2 * Double.pi / 180))
        #expect(abs(findings.generalFlashingAreaSr - disc) / disc < 0.15)
        #expect(findings.passes)
    }

    @Test func isoluminantRedGreenAt4HzBreaksTheRedRuleOnly() {
        // Relative luminance of linear red (1, 0, 0) is 0.2126; green (0, g, 0) matches it at g = 0.2126 / 0.7152.
        let red = uniform(1, 0, 0)
        let green = uniform(0, 0.2126 / 0.7152, 0)
        #expect(abs(red.luminance[0] - green.luminance[0]) < 1e-3)
        let findings = FlashAnalysis.analyse(alternation(red, green, framesEach: 15, seconds: 5, refreshHz: 120),
                                             grid: grid, refreshHz: 120)
        #expect(findings.maxGeneralFlashesPerSecond == 0)
        #expect(findings.maxRedFlashesPerSecond == 4)
        #expect(findings.passesGeneral && !findings.passesRed)
    }

    @Test func redGreenAlternationEvery2SecondsPasses() {
        // Bach's schedule: 2 s per colour → one transition per 2 s; 0.5 flashes in a 1-s window at most.
        let findings = FlashAnalysis.analyse(alternation(uniform(1, 0, 0), uniform(0, 1, 0), framesEach: 120, seconds: 60, refreshHz: 60),
                                             grid: grid, refreshHz: 60)
        #expect(findings.maxRedFlashesPerSecond == 0.5)
        #expect(findings.maxGeneralFlashesPerSecond == 0.5)
        #expect(findings.passes)
    }

    @Test func brightAlternationAbove08IsNoGeneralFlash() {
        // Darker state 0.85 ≥ 0.8: however fast, not a general flash.
        var bright = uniform(1, 1, 1), brighter = uniform(1, 1, 1)
        bright.luminance = bright.luminance.map { _ in 0.85 }
        brighter.luminance = brighter.luminance.map { _ in 0.97 }
        let findings = FlashAnalysis.analyse(alternation(bright, brighter, framesEach: 3, seconds: 2, refreshHz: 60),
                                             grid: grid, refreshHz: 60)
        #expect(findings.maxGeneralFlashesPerSecond == 0)
    }

    @Test func changesBelowTenPercentDoNotCount() {
        var dark = uniform(0, 0, 0), light = uniform(0, 0, 0)
        dark.luminance = dark.luminance.map { _ in 0.30 }
        light.luminance = light.luminance.map { _ in 0.39 }
        let findings = FlashAnalysis.analyse(alternation(dark, light, framesEach: 3, seconds: 2, refreshHz: 60),
                                             grid: grid, refreshHz: 60)
        #expect(findings.maxGeneralFlashesPerSecond == 0)
    }

    @Test func aSlowRampIsOneTransition() {
        // 0 → 1 in steps of 0.05 per frame, then back down: two transitions, one flash.
        let steps = (0...20).map { Double($0) / 20 } + (0...19).reversed().map { Double($0) / 20 }
        let images = steps.map { value -> SafetyFrame in
            var frame = uniform(0, 0, 0)
            frame.luminance = frame.luminance.map { _ in value }
            return frame
        }
        let sequence = FrameSequence(images: images, runs: images.indices.map { FrameSequence.Run(image: $0, frames: 1, label: "") })
        let findings = FlashAnalysis.analyse(sequence, grid: grid, refreshHz: 60)
        #expect(findings.maxGeneralFlashesPerSecond == 1)
    }

    @Test func redValueFollowsTheDefinition() {
        // (R − G − B) × 320 with negatives set to 0; saturated when R / (R + G + B) ≥ 0.8.
        let frame = SafetyFrame(cellLinearRGB: [SIMD3(1, 0, 0), SIMD3(0.8, 0.1, 0.1), SIMD3(0.7, 0.2, 0.1), SIMD3(0.2, 0.5, 0.5)],
                                profile: profile)
        #expect(frame.redValue.map { ($0 * 1000).rounded() / 1000 } == [320, 192, 128, 0])
        #expect(frame.isSaturatedRed == [true, true, false, false])
    }

    @Test func gridSolidAnglesSumToTheScreen() {
        // A centred w × h rectangle at distance d subtends 4·asin(w·h / √((w² + 4d²)(h² + 4d²))).
        let w = geometry.screenWidthCm, h = geometry.screenWidthCm * Double(geometry.screenHeightPx) / Double(geometry.screenWidthPx)
        let d = geometry.distanceCm
        let exact = 4 * asin(w * h / ((w * w + 4 * d * d) * (h * h + 4 * d * d)).squareRoot())
        let summed = SafetyGrid(geometry: geometry, cellDeg: 0.5).solidAngles.reduce(0, +)
        #expect(abs(summed - exact) / exact < 0.002)
    }
}
