import Foundation
import Testing
@testable import StimulusKit

/// Which image each frame of a moving stimulus draws.
@Suite struct StimulusAnimationTests {
    func drifting(_ cyclesPerS: Double) -> StimulusSpec {
        StimulusSpec(name: "d", pattern: .sineGrating(Grating(orientationDeg: 90, cyclesPerDegree: 1, driftCyclesPerS: cyclesPerS)))
    }

    @Test func aPeriodOfWholeFramesDrawsOneImagePerFrame() throws {
        // 2 cycles/s at 60 Hz: the phase repeats every 30 frames; frame f is at phase (f mod 30)/30.
        let a = try #require(try StimulusAnimation(drifting(2), refreshHz: 60))
        #expect(a.images == 30)
        for f in 0..<95 { #expect(a.image(atFrame: f) == f % 30) }
    }

    @Test func aPeriodOfFractionalFramesRepeatsOverSeveralPeriods() throws {
        // 7 cycles/s at 60 Hz: frame f is at phase 7f/60 mod 1, a multiple of 1/60.
        let a = try #require(try StimulusAnimation(drifting(7), refreshHz: 60))
        #expect(a.images == 60)
        for f in 0..<130 { #expect(a.image(atFrame: f) == (7 * f) % 60) }
        #expect(abs(a.time(ofImage: 7) - 1.0 / 60) < 1e-12)   // image 7 is frame 1's phase, 1/60 s in
    }

    @Test func aSlowDriftIsCutIntoTheMostImagesWithinHalfAStep() throws {
        // 0.1 cycles/s at 60 Hz: 600 frames per cycle, drawn with 60 images.
        let a = try #require(try StimulusAnimation(drifting(0.1), refreshHz: 60))
        #expect(a.images == StimulusAnimation.maxImages)
        for f in stride(from: 0, to: 1200, by: 7) {
            let phase = Double(f % 600) / 600, shown = Double(a.image(atFrame: f)) / 60
            let error = min(abs(phase - shown), 1 - abs(phase - shown))
            #expect(error <= 1.0 / 120 + 1e-12)
        }
    }

    @Test func stillStimuliHaveNoAnimation() throws {
        #expect(try StimulusAnimation(drifting(0), refreshHz: 60) == nil)
    }

    @Test func partsMovingAtDifferentRatesAreRefused() {
        let tiles = Pattern.tiles(Tiles(rows: 1, columns: 2, tiles: [
            .sineGrating(Grating(cyclesPerDegree: 1, driftCyclesPerS: 1)), .sineGrating(Grating(cyclesPerDegree: 1, driftCyclesPerS: 2))]))
        #expect(throws: StimulusError.self) { try StimulusAnimation(StimulusSpec(name: "t", pattern: tiles), refreshHz: 60) }
    }

    @Test func aRotatingIllusionRepeatsAfterAFullTurn() throws {
        let snakes = StimulusSpec(name: "s", pattern: .illusion(Illusion(kind: .rotatingSnakes, difference: 30)))
        let a = try #require(try StimulusAnimation(snakes, refreshHz: 60))
        #expect(abs(a.periodS - 12) < 1e-12)   // 360° at 30°/s
    }
}
