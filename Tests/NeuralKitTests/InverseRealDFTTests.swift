import Foundation
import StimulusKit
import Testing
@testable import NeuralKit

/// The inverse real 2-D DFT against a direct evaluation of its definition in double precision, its
/// adjoint by the dot-product identity, and the Fourier image's gradient against finite differences.
@Suite struct InverseRealDFTTests {
    /// numpy's `irfft2(X, s=(h, w))` written out: a complex inverse DFT along y, then along x the real
    /// transform that keeps only the real part of the kx = 0 and (even w) kx = w/2 terms.
    static func directInverse(real: [Float], imaginary: [Float], h: Int, w: Int) -> [Double] {
        let f = w / 2 + 1
        var image = [Double](repeating: 0, count: h * w)
        for y in 0..<h {
            for x in 0..<w {
                var sum = 0.0
                for ky in 0..<h {
                    for kx in 0..<f {
                        let angle = 2 * Double.pi * (Double(ky * y) / Double(h) + Double(kx * x) / Double(w))
                        let term = Double(real[ky * f + kx]) * cos(angle) - Double(imaginary[ky * f + kx]) * sin(angle)
                        sum += (kx == 0 || 2 * kx == w ? 1 : 2) * term
                    }
                }
                image[y * w + x] = sum / Double(h * w)
            }
        }
        return image
    }

    @Test(arguments: [(4, 6), (5, 7), (6, 5), (8, 8)])
    func matchesTheDirectInverse(_ h: Int, _ w: Int) {
        let dft = InverseRealDFT2D(height: h, width: w)
        let f = dft.frequencies
        let real = seededTensor([h * f], seed: 1).data, imaginary = seededTensor([h * f], seed: 2).data
        let got = dft.image(real: real, imaginary: imaginary)
        let expected = Self.directInverse(real: real, imaginary: imaginary, h: h, w: w)
        #expect(zip(got, expected).allSatisfy { abs(Double($0) - $1) < 1e-5 }, "\(h)×\(w)")
    }

    @Test(arguments: [(4, 6), (5, 7)])
    func invertsTheForwardTransformOfARealImage(_ h: Int, _ w: Int) {
        // Forward DFT written directly: X[ky, kx] = Σ image[y, x] e^{−2πi(ky y/h + kx x/w)}.
        let image = seededTensor([h * w], seed: 3).data
        let f = w / 2 + 1
        var real = [Float](repeating: 0, count: h * f), imaginary = real
        for ky in 0..<h {
            for kx in 0..<f {
                var (re, im) = (0.0, 0.0)
                for y in 0..<h {
                    for x in 0..<w {
                        let angle = -2 * Double.pi * (Double(ky * y) / Double(h) + Double(kx * x) / Double(w))
                        re += Double(image[y * w + x]) * cos(angle)
                        im += Double(image[y * w + x]) * sin(angle)
                    }
                }
                (real[ky * f + kx], imaginary[ky * f + kx]) = (Float(re), Float(im))
            }
        }
        let back = InverseRealDFT2D(height: h, width: w).image(real: real, imaginary: imaginary)
        #expect(zip(back, image).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test func theAdjointSatisfiesTheDotProductIdentity() {
        // ⟨A x, g⟩ = ⟨x, Aᵀ g⟩ for the map x = (real, imaginary) ↦ image.
        let (h, w) = (6, 7)
        let dft = InverseRealDFT2D(height: h, width: w)
        let n = h * dft.frequencies
        let real = seededTensor([n], seed: 4).data, imaginary = seededTensor([n], seed: 5).data, g = seededTensor([h * w], seed: 6).data
        let forward = zip(dft.image(real: real, imaginary: imaginary), g).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let (gr, gi) = dft.adjoint(g)
        let backward = zip(real, gr).reduce(0.0) { $0 + Double($1.0) * Double($1.1) } + zip(imaginary, gi).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(abs(forward - backward) < 1e-5 * max(1, abs(forward)))
    }

    @Test func theFourierImageGradientMatchesFiniteDifferences() throws {
        let image = FourierImage(height: 6, width: 5)
        var random = SeededGenerator(seed: 7)
        // Parameters 100× Lucid's initial size, so that the sigmoid works away from its linear middle.
        let parameters = image.initialParameters(random: &random).map { $0 * 100 }
        let weights = seededTensor([3 * 6 * 5], seed: 8).data
        func loss(_ p: [Float]) -> Double { zip(image.pixels(p), weights).reduce(0) { $0 + Double($1.0) * Double($1.1) } }
        let gradient = image.gradient(pixels: image.pixels(parameters), pixelGradient: weights)
        let (worst, largest) = finiteDifferenceError(parameters, gradient: gradient, elements: 0..<parameters.count, h: 1e-2, loss: loss)
        #expect(largest > 0)
        #expect(worst <= 2e-2 * largest, "worst \(worst), largest \(largest)")
    }

    @Test func theSpectrumScaleIsLucids() {
        // Lucid: 1 / max(|f|, 1/max(h, w)) · √(h·w) with |f| from numpy's fftfreq (cycles/px).
        let image = FourierImage(height: 4, width: 6)
        let f = 4
        #expect(abs(image.spectrumScale[0] - Float(24.0.squareRoot() * 6)) < 1e-4)                       // DC: floor 1/6
        #expect(abs(image.spectrumScale[1] - Float(24.0.squareRoot() * 6)) < 1e-4)                       // fx = 1/6
        #expect(abs(image.spectrumScale[3] - Float(24.0.squareRoot() * 2)) < 1e-4)                       // fx = 3/6 (Nyquist)
        #expect(abs(image.spectrumScale[3 * f + 2] - Float(24.0.squareRoot() / (1.0 / 9 + 1.0 / 16).squareRoot())) < 1e-3) // fy = −1/4, fx = 2/6
    }
}
