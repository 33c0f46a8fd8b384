import CPixelKernels
import Foundation
import StimulusKit
import Testing

/// The C row kernels against independent arithmetic: point-sampled box filters, the sine formula in
/// double precision, and the colour mix written out. Row lengths of 1–37 px exercise the vector loops'
/// remainders.
@Suite struct PixelKernelTests {
    /// Fraction of `n` evenly spaced point samples across [v − h, v + h] (cycles) on which a square
    /// wave of period 1, on for phase mod 1 in [0, duty), is on.
    func sampledSquareCoverage(_ v: Double, halfWidth h: Double, duty: Double, n: Int = 20_000) -> Double {
        var on = 0
        for i in 0..<n {
            let x = v - h + (Double(i) + 0.5) / Double(n) * 2 * h
            if x - x.rounded(.down) < duty { on += 1 }
        }
        return Double(on) / Double(n)
    }

    /// Both forms of the kernel: narrow boxes (one edge at a time) and boxes wider than a bar or a gap.
    @Test(arguments: [(0.025, 0.5), (0.1, 0.3), (0.05, 0.9), (0.2, 0.25), (0.45, 0.5), (0.9, 0.3)] as [(Float, Float)])
    func squareWaveMatchesSampledBox(halfWidth: Float, duty: Float) {
        var rng = SeededGenerator(seed: 7)
        for count in [1, 7, 8, 9, 37] {
            let columns = (0..<count).map { _ in Float(rng.unit()) }
            let rowPhase = Float(rng.unit()), contrast = Float(2 * rng.unit() - 1)
            var w = [Float](repeating: .nan, count: count)
            stimgen_square_wave_weights(columns, count, rowPhase, halfWidth, duty, contrast, &w)
            for i in 0..<count {
                let coverage = sampledSquareCoverage(Double(columns[i] + rowPhase), halfWidth: Double(halfWidth), duty: Double(duty))
                let expected = 0.5 + Double(contrast) * (coverage - 0.5)
                #expect(abs(Double(w[i]) - expected) < 2e-3, "phase \(columns[i] + rowPhase) h \(halfWidth) duty \(duty)")
            }
        }
    }

    @Test func sineMatchesDoublePrecisionFormula() {
        var rng = SeededGenerator(seed: 11)
        for count in [1, 5, 8, 16, 37] {
            let u = (0..<count).map { _ in rng.unit() }, r = rng.unit(), k = Float(rng.unit() * 0.5)
            let s = u.map { Float(sin(2 * Double.pi * $0)) }, c = u.map { Float(cos(2 * Double.pi * $0)) }
            var w = [Float](repeating: .nan, count: count)
            stimgen_sine_weights(s, c, count, Float(sin(2 * Double.pi * r)), Float(cos(2 * Double.pi * r)), k, &w)
            for i in 0..<count {
                let expected = 0.5 + Double(k) * sin(2 * Double.pi * (u[i] + r))
                #expect(abs(Double(w[i]) - expected) < 1e-6)
            }
        }
    }

    /// A disc's edge weight against the share of a 1-px box's 200 × 200 point samples inside the disc.
    /// The signed-distance form is exact where the rim runs along a pixel axis; where it runs at 45° it
    /// differs from a straight edge's exact area by up to 0.045 (same sampling), so the bound is 0.05.
    @Test func discEdgeMatchesSampledArea() {
        let radius: Float = 6, dy: Float = 3.2
        let x = stride(from: Float(-8), through: 8, by: 0.37).map { $0 }
        var w = [Float](repeating: .nan, count: x.count)
        stimgen_disc_weights(x, x.count, dy, radius, &w)
        for (i, xi) in x.enumerated() {
            var inside = 0
            for a in 0..<200 {
                for b in 0..<200 {
                    let px = Double(xi) - 0.5 + (Double(a) + 0.5) / 200, py = Double(dy) - 0.5 + (Double(b) + 0.5) / 200
                    if px * px + py * py < Double(radius * radius) { inside += 1 }
                }
            }
            #expect(abs(Double(w[i]) - Double(inside) / 40_000) < 0.05, "x \(xi)")
        }
    }

    @Test func mixBlendsInLinearLightAndClampsWeights() {
        let a: [Float] = [0.9, 0.5, 0.05], b: [Float] = [0.1, 0.2, 0.3]
        for count in [1, 3, 8, 13, 40] {
            let w = (0..<count).map { Float($0 % 7) / 5 - 0.2 }   // −0.2 … 1.0, with values outside 0...1
            var rgb = [Float](repeating: .nan, count: 3 * count)
            stimgen_mix_two_colours(w, count, a, b, &rgb)
            for i in 0..<count {
                let t = min(max(w[i], 0), 1)
                for ch in 0..<3 { #expect(abs(rgb[3 * i + ch] - (b[ch] + t * (a[ch] - b[ch]))) < 1e-6) }
            }
        }
    }
}
