import Foundation
import StimulusKit
import Testing
@testable import NeuralKit

/// The V1 model checked against independent arithmetic: gratings written pixel by pixel here, cone
/// contrasts from StimulusKit's DKL conversion run backwards.
@Suite struct V1ModelTests {
    static let grey = SIMD3<Double>(0.5, 0.5, 0.5)
    /// 4° at 24 px/deg (96 px): small enough for debug builds, 4 px per cycle at 6 cpd.
    static let small = V1Configuration(fieldDeg: 4, pixelsPerDegree: 24)

    static func model(_ c: V1Configuration = small) throws -> V1Model {
        try V1Model(configuration: c, profile: .standardSRGB, background: grey)
    }

    /// A grey-mean sinusoidal luminance grating (Michelson contrast `contrast`), bars at `orientationDeg`
    /// (0 = horizontal), written directly: L(x, y) = 0.5 (1 + c cos(2π f (−x sin θ + y cos θ) + φ)), y upwards.
    static func grating(size: Int, ppd: Double, cpd: Double, orientationDeg: Double, contrast: Double = 1,
                        phaseDeg: Double = 0) -> LinearImage {
        let theta = orientationDeg * Double.pi / 180, f = cpd / ppd, c = Double(size) / 2
        var px: [Float] = []
        for row in 0..<size {
            for col in 0..<size {
                let x = Double(col) + 0.5 - c, y = c - (Double(row) + 0.5)
                let v = 0.5 * (1 + contrast * cos(2 * Double.pi * f * (-x * sin(theta) + y * cos(theta)) + phaseDeg * Double.pi / 180))
                px += [Float(v), Float(v), Float(v)]
            }
        }
        return LinearImage(width: size, height: size, pixels: px)
    }

    /// Mean over positions of the complex (energy) response of `channel` (0 lum), orientation index
    /// `orientation`, in band `band`.
    static func meanEnergy(_ r: V1Response, band: Int, channel: Int = 0, orientation: Int) -> Double {
        let b = r.bands[band], n = b.positions
        let plane = b.complex.data[(channel * b.orientations + orientation) * n..<(channel * b.orientations + orientation + 1) * n]
        return Double(plane.reduce(0, +)) / Double(n)
    }

    @Test func aFullContrastGratingAtTheUnitsPreferenceReadsContrastOne() throws {
        let m = try Self.model()
        // Band 1 is 1.5 cpd; orientation index 0 is 0°, index 4 is 90°.
        for (index, deg) in [(0, 0.0), (4, 90.0), (2, 45.0)] {
            let r = try m.run(Self.grating(size: 96, ppd: 24, cpd: 1.5, orientationDeg: deg, contrast: 0.8))
            #expect(abs(Self.meanEnergy(r, band: 1, orientation: index) - 0.8) < 0.02, "orientation \(deg)°")
            // The orthogonal unit barely responds (Gaussian tuning, 1.4-octave bandwidth).
            #expect(Self.meanEnergy(r, band: 1, orientation: (index + 4) % 8) < 0.02)
        }
    }

    @Test func energyIsPhaseInvariant() throws {
        let m = try Self.model()
        let a = try m.run(Self.grating(size: 96, ppd: 24, cpd: 3, orientationDeg: 0, phaseDeg: 0))
        let b = try m.run(Self.grating(size: 96, ppd: 24, cpd: 3, orientationDeg: 0, phaseDeg: 90))
        #expect(abs(Self.meanEnergy(a, band: 2, orientation: 0) - Self.meanEnergy(b, band: 2, orientation: 0)) < 0.02)
    }

    @Test func uniformFieldsGiveNoPatternResponse() throws {
        let m = try Self.model()
        let r = try m.run(LinearImage(width: 96, height: 96, fill: (0.9, 0.2, 0.4)))
        for band in r.bands { #expect(band.linear.data.allSatisfy { abs($0) < 1e-3 }) }
        // ...while the opponent input carries the colour.
        #expect(r.opponent.data.contains { abs($0) > 0.1 })
    }

    @Test func coneContrastsInvertStimulusKitsDKLConversion() throws {
        let input = try ConeContrastInput(profile: .standardSRGB, background: Self.grey)
        let cones = ConeSpace(profile: .standardSRGB)
        let dkl = SIMD3<Double>(0.2, 0.04, -0.3)
        let rgb = cones.rgb(dkl: dkl, background: Self.grey)
        let t = input.tensor(LinearImage(width: 2, height: 1, pixels: [0.5, 0.5, 0.5, Float(rgb.x), Float(rgb.y), Float(rgb.z)]))
        #expect(t.data[0] == 0 && t.data[2] == 0 && t.data[4] == 0)
        #expect(abs(Double(t.data[1]) - 0.2) < 1e-5 && abs(Double(t.data[3]) - 0.04) < 1e-5 && abs(Double(t.data[5]) + 0.3) < 1e-5)
    }

    @Test func orientationMatchesTheRenderersConvention() throws {
        // StimulusKit draws orientation 45 with its own code; the 45° unit must win over the 135° one.
        let m = try Self.model()
        let pixelsPerCm = 24 / (57 * Double.pi / 180)
        let renderer = StimulusRenderer(geometry: ViewingGeometry(screenWidthCm: 96 / pixelsPerCm, screenWidthPx: 96, screenHeightPx: 96, distanceCm: 57),
                                        profile: .standardSRGB, mapping: .smallAngle)
        let spec = try StimulusLibrary.parse(yaml: "name: g45\npattern: {type: sine_grating, orientation_deg: 45, cycles_per_degree: 1.5, colour_a: white, colour_b: black}\n", origin: "test")
        let r = try m.run(renderer.render(spec, width: 96, height: 96))
        #expect(Self.meanEnergy(r, band: 1, orientation: 2) > 10 * Self.meanEnergy(r, band: 1, orientation: 6))
    }

    @Test func layerListingMatchesTheComputedTensors() throws {
        let m = try Self.model()
        let r = try m.run(Self.grating(size: 96, ppd: 24, cpd: 1.5, orientationDeg: 0))
        let layers = m.layers()
        #expect(layers.count == 1 + 5 * 4)
        for layer in layers { #expect(try r.layer(layer.name).shape == layer.shape, "\(layer.name)") }
        #expect(throws: NeuralError.self) { try r.layer("complex@2cpd") }
    }

    @Test func conjunctiveUnitsPreferLightBarsOfTheirColour() throws {
        // Light bars tinted reddish: L−M contrast in phase with luminance.
        let cones = ConeSpace(profile: .standardSRGB)
        let size = 96, base = Self.grating(size: size, ppd: 24, cpd: 1.5, orientationDeg: 90, contrast: 0.5)
        var px = base.pixels
        for i in 0..<(size * size) {
            let lum = Double(px[3 * i]) / 0.5 - 1
            let rgb = cones.rgb(dkl: SIMD3(lum, 0.05 * lum, 0), background: Self.grey)
            px[3 * i] = Float(rgb.x); px[3 * i + 1] = Float(rgb.y); px[3 * i + 2] = Float(rgb.z)
        }
        let r = try Self.model().run(LinearImage(width: size, height: size, pixels: px))
        let conj = r.bands[1].conjunctive, n = r.bands[1].positions
        let reddish = conj.data[4 * n..<5 * n].reduce(0, +), greenish = conj.data[12 * n..<13 * n].reduce(0, +)
        #expect(reddish > greenish * 1.1)
        // The contingency statistics read the tint back: ⟨ac⟩ / ⟨a²⟩ = 0.05 in every driven unit.
        let s = ColourContingency(r)
        #expect(abs(s.perceivedTint(subtracting: Array(repeating: 0, count: s.units))! - 0.05) < 1e-3)
    }

    @Test func badParametersAreNamed() {
        #expect(throws: NeuralError("V1 model parameter spatial_frequencies_cpd: 20.0 cpd must lie in (0, 12.0) cpd, the Nyquist limit of 24.0 px/deg")) {
            var c = Self.small
            c.spatialFrequenciesCpd = [20]
            try c.validate()
        }
        #expect(throws: NeuralError.self) {
            var c = Self.small
            c.fieldDeg = 1
            try c.validate()
        }
    }
}
