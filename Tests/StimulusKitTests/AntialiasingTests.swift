import CPixelKernels
import Foundation
import Testing
@testable import StimulusKit

@Suite struct AntialiasingTests {
    @Test func fastFloorAgreesWithFloor() {
        var values: [Float] = [-3, -2.5, -1, -0.5, -1e-7, 0, 1e-7, 0.5, 0.9999999, 1, 2.5, 1000.25, -1000.25]
        var rng = SystemRandomNumberGenerator()
        values += (0..<2000).map { _ in Float.random(in: -5000...5000, using: &rng) }
        for v in values { #expect(stimgen_floor_small(v) == v.rounded(.down), "floor(\(v))") }
    }

    /// Box-filtered square wave against a brute-force average of 20 000 point samples across the box.
    @Test func squareCoverageMatchesSupersampling() {
        for (u, h, d) in [(0.1, 0.05, 0.5), (0.48, 0.05, 0.5), (0.97, 0.1, 0.3), (-0.02, 0.2, 0.7), (1.3, 0.9, 0.25)] as [(Float, Float, Float)] {
            let n = 20_000
            var on = 0
            for i in 0..<n {
                let x = Double(u - h) + (Double(i) + 0.5) / Double(n) * Double(2 * h)
                if x - x.rounded(.down) < Double(d) { on += 1 }
            }
            let expected = Float(on) / Float(n)
            #expect(abs(Coverage.square(u, halfWidth: h, duty: d) - expected) < 1e-3, "u \(u) h \(h) d \(d)")
        }
    }
}

@Suite struct PolarPatternTests {
    let renderer = StimulusRenderer(geometry: .standard, profile: .standardSRGB)

    /// Rising crossings of 0.5 luminance met walking once round a circle of `radius` px about the centre.
    func crossingsAround(_ image: LinearImage, radius: Double) -> Int {
        let lum = Measure.luminance(image)
        let c = Double(image.width) / 2
        let samples = (0..<7200).map { i -> Double in
            let a = Double(i) / 7200 * 2 * Double.pi
            let x = Int(c + radius * cos(a)), y = Int(c - radius * sin(a))
            return lum[y * image.width + x]
        }
        return Measure.risingCrossings(samples + [samples[0]], level: 0.5).count
    }

    @Test func windmillHasItsSectorCount() throws {
        let spec = StimulusSpec(name: "r", pattern: .radial(Radial(cyclesPerRevolution: 12, modulation: Modulation(waveform: .square))))
        let image = try renderer.render(spec, width: 401, height: 401)
        #expect(crossingsAround(image, radius: 150) == 12)
        // Duty cycle 0.5: half the light of white over the disc's area.
        let lum = Measure.luminance(image)
        #expect(abs(lum.reduce(0, +) / Double(lum.count) - 0.5) < 0.01)
    }

    @Test func ringsAlongARadiusMatchCyclesPerDegree() throws {
        let spec = StimulusSpec(name: "c", pattern: .concentricRings(ConcentricRings(cyclesPerDegree: 1, modulation: Modulation(waveform: .square))))
        let image = try renderer.render(spec, width: 401, height: 401)
        let lum = Measure.luminance(image)
        let ray = (200..<401).map { lum[200 * 401 + $0] }   // centre to the right edge: 200 px ≈ 5.55°
        let rings = Measure.risingCrossings(ray.map { 1 - $0 }, level: 0.5).count  // rings start with colour A
        #expect(abs(Double(rings) - 200 / renderer.pixelsPerDegree) <= 1)
    }
}
