import Foundation
import Testing
@testable import StimulusKit

@Suite struct ColourTests {
    let srgb = MonitorProfile.standardSRGB

    func close(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ tol: Double) -> Bool {
        abs(a.x - b.x) < tol && abs(a.y - b.y) < tol && abs(a.z - b.z) < tol
    }

    // IEC 61966-2-1: sRGB 128/255 decodes to 0.21586 linear; 0.5 linear encodes to 0.7354 (188 of 255).
    @Test func sRGBTransferPublishedValues() {
        #expect(abs(TransferFunction.sRGB.decode(128.0 / 255) - 0.215861) < 1e-5)
        #expect(abs(TransferFunction.sRGB.encode(0.5) - 0.735357) < 1e-5)
        #expect(abs(TransferFunction.sRGB.decode(0.04) - 0.04 / 12.92) < 1e-12)
    }

    // IEC 61966-2-1 matrix: linear sRGB red = XYZ (0.4124, 0.2126, 0.0193), white = D65 (0.9505, 1, 1.0890).
    @Test func sRGBToXYZMatchesStandardMatrix() {
        let m = srgb.rgbToXYZ
        #expect(close(m * SIMD3(1, 0, 0), SIMD3(0.4124, 0.2126, 0.0193), 2e-4))
        #expect(close(m * SIMD3(0, 1, 0), SIMD3(0.3576, 0.7152, 0.1192), 2e-4))
        #expect(close(m * SIMD3(0, 0, 1), SIMD3(0.1805, 0.0722, 0.9505), 2e-4))
        #expect(close(m * SIMD3(1, 1, 1), SIMD3(0.9505, 1.0, 1.0890), 2e-4))
        #expect(abs(srgb.relativeLuminance(r: 0, g: 1, b: 0) - 0.7152) < 2e-4)
    }

    @Test func colourFormsAgree() throws {
        let red = SIMD3<Double>(1, 0, 0)
        #expect(close(try Colour.named("red").linearRGB(profile: srgb), red, 1e-12))
        #expect(close(try Colour.hex("#ff0000").linearRGB(profile: srgb), red, 1e-12))
        #expect(close(try Colour.hex("#f00").linearRGB(profile: srgb), red, 1e-12))
        #expect(close(try Colour.sRGB255([255, 0, 0]).linearRGB(profile: srgb), red, 1e-12))
        #expect(close(try Colour.sRGB([1, 0, 0]).linearRGB(profile: srgb), red, 1e-12))
        // The red primary's chromaticity at its own luminance (0.2126 × 80 cd/m²) is linear red.
        #expect(close(try Colour.xyY(x: 0.64, y: 0.33, luminanceCdM2: 0.212639 * 80).linearRGB(profile: srgb), red, 1e-4))
        // D65 at half the white luminance is linear grey 0.5.
        #expect(close(try Colour.xyY(x: 0.3127, y: 0.3290, luminanceCdM2: 40).linearRGB(profile: srgb), SIMD3(0.5, 0.5, 0.5), 1e-6))
    }

    @Test func outOfGamutIsAnErrorNamingTheGun() {
        // A spectral-locus green (520 nm, x 0.0743 y 0.8338) lies outside the sRGB triangle.
        let c = Colour.xyY(x: 0.0743, y: 0.8338, luminanceCdM2: 20)
        #expect {
            _ = try c.linearRGB(profile: srgb)
        } throws: { error in
            guard case let ColourError.outOfGamut(colour, _, value)? = error as? ColourError else { return false }
            return colour == c && (value < 0 || value > 1) && "\(error)".contains("0…1")
        }
        #expect(throws: ColourError.self) { _ = try Colour.named("chartreuse-ish").linearRGB(profile: srgb) }
        #expect(throws: ColourError.self) { _ = try Colour.sRGB255([256, 0, 0]).linearRGB(profile: srgb) }
    }

    // DKL axes checked through independent quantities: luminance from the profile's Y row, and the
    // cone excitations recomputed from XYZ with the Smith–Pokorny coefficients written out here.
    @Test func dklAxesIsolateWhatTheyClaim() throws {
        let bg = SIMD3<Double>(0.5, 0.5, 0.5)
        let cones = { (rgb: SIMD3<Double>) -> SIMD3<Double> in
            let xyz = self.srgb.rgbToXYZ * rgb
            return SIMD3(0.15514 * xyz.x + 0.54312 * xyz.y - 0.03286 * xyz.z,
                         -0.15514 * xyz.x + 0.45684 * xyz.y + 0.03286 * xyz.z, 0.01608 * xyz.z)
        }
        let b = cones(bg)
        let yBG = srgb.relativeLuminance(r: 0.5, g: 0.5, b: 0.5)

        let lm = try Colour.dkl([0, 0.05, 0]).linearRGB(profile: srgb, background: bg)
        #expect(abs(srgb.relativeLuminance(r: lm.x, g: lm.y, b: lm.z) - yBG) < 1e-9)   // isoluminant
        #expect(abs(cones(lm).z - b.z) < 1e-9)                                           // S untouched
        #expect(abs((cones(lm).x - b.x) / b.x - 0.05) < 1e-9)                             // L contrast 0.05

        let s = try Colour.dkl([0, 0, 0.5]).linearRGB(profile: srgb, background: bg)
        #expect(abs(cones(s).x - b.x) < 1e-9 && abs(cones(s).y - b.y) < 1e-9)            // L, M untouched
        #expect(abs((cones(s).z - b.z) / b.z - 0.5) < 1e-9)

        let lum = try Colour.dkl([0.2, 0, 0]).linearRGB(profile: srgb, background: bg)
        #expect(close(lum, bg * 1.2, 1e-9))                                              // grey, 20 % brighter

        // Round trip linear RGB → DKL → linear RGB.
        let space = ConeSpace(profile: srgb)
        let rgb = SIMD3<Double>(0.3, 0.6, 0.2)
        let d = try #require(space.dkl(rgb: rgb, background: bg))
        #expect(close(space.rgb(dkl: d, background: bg), rgb, 1e-12))
    }

    @Test func encodeRoundsExactlyThroughTheInverseGamma() {
        for profile in [srgb, MonitorProfile(name: "g2.2", transfer: .init(all: .gamma(2.2)), primaries: .bt709, whitePoint: .d65, maxLuminanceCdM2: 100)] {
            var values: [Float] = (0...255).map { Float(profile.transfer.red.decode(Double($0) / 255)) }
            // The floats nearest each code's rounding threshold and their neighbours: where the exact
            // threshold lies between two floats, the one below it must still give the lower code.
            for k in 0..<255 {
                let nearest = Float(profile.transfer.red.decode((Double(k) + 0.5) / 255))
                values += [nearest.nextDown, nearest, nearest.nextUp]
            }
            var rng = SeededGenerator(seed: 5)
            values += (0..<3000).map { _ in Float.random(in: 0...1, using: &rng) }
            values += [-0.5, 1.5, 0, 1]
            let n = values.count
            let image = LinearImage(width: n, height: 1, pixels: values.flatMap { [$0, $0, $0] })
            let out = profile.encode(image)
            for (i, v) in values.enumerated() {
                let expected = UInt8((255 * profile.transfer.red.encode(Double(min(max(v, 0), 1)))).rounded())
                #expect(out.pixels[4 * i] == expected, "linear \(v)")
                #expect(out.pixels[4 * i + 3] == 255)
            }
        }
    }

    @Test func lookupTableProfileInvertsItsTable() {
        let f = TransferFunction.table([0, 0.05, 0.2, 0.5, 1])
        for v in stride(from: 0.0, through: 1.0, by: 0.01) { #expect(abs(f.decode(f.encode(v)) - v) < 1e-12) }
        #expect(abs(f.decode(0.125) - 0.025) < 1e-12)   // halfway along the first segment
    }
}
