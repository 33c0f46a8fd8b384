import Foundation
import Testing
@testable import StimulusKit

@Suite struct AntialiasingTests {
    @Test func fastFloorAgreesWithFloor() {
        var values: [Float] = [-3, -2.5, -1, -0.5, -1e-7, 0, 1e-7, 0.5, 0.9999999, 1, 2.5, 1000.25, -1000.25]
        var rng = SystemRandomNumberGenerator()
        values += (0..<2000).map { _ in Float.random(in: -5000...5000, using: &rng) }
        for v in values { #expect(Coverage.floor(v) == v.rounded(.down), "floor(\(v))") }
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
