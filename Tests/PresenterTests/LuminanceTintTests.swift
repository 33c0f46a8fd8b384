import Foundation
import Testing
import ProtocolKit
import StimulusKit
@testable import Presenter

/// Nulling along DKL luminance: the presented colour checked by an independent cone computation.
@Suite struct LuminanceTintTests {
    let background = SIMD3<Double>(0.5, 0.5, 0.5)

    /// IEC 61966-2-1 sRGB decoding of an 8-bit code to linear light.
    func decode(_ code: UInt8) -> Double {
        let c = Double(code) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// Cone excitations of linear sRGB: the IEC 61966-2-1 RGB→XYZ matrix, then Smith & Pokorny (1975)
    /// fundamentals in MacLeod–Boynton form (Wyszecki & Stiles 1982, table 2(8.2.5)).
    func lms(_ rgb: SIMD3<Double>) -> SIMD3<Double> {
        let x = 0.4124 * rgb.x + 0.3576 * rgb.y + 0.1805 * rgb.z
        let y = 0.2126 * rgb.x + 0.7152 * rgb.y + 0.0722 * rgb.z
        let z = 0.0193 * rgb.x + 0.1192 * rgb.y + 0.9505 * rgb.z
        return SIMD3(0.15514 * x + 0.54312 * y - 0.03286 * z, -0.15514 * x + 0.45684 * y + 0.03286 * z, 0.01608 * z)
    }

    func presented(_ tint: TintMapping, _ v: Double) -> SIMD3<Double> {
        let m = tint.modulation(v)
        return SIMD3(decode(m.r), decode(m.g), decode(m.b))
    }

    @Test func everyConeChangesByTheSettingAndTheTopOfTheRangeIsFullOutput() throws {
        let tint = try AxisTint.mapping(axis: .dklLum, range: -0.5...0.5, background: background, profile: .standardSRGB, field: "test")
        #expect(tint.modulation(0.5) == RGB8(255, 255, 255))
        let neutral = lms(presented(tint, 0))
        for v in [-0.5, -0.25, -0.1, 0.1, 0.3, 0.5] {
            // DKL luminance = the common cone contrast against the neutral (v = 0) presentation; the
            // chromatic coordinates (L−M and S contrasts relative to it) stay zero.
            let contrast = lms(presented(tint, v)) / neutral - 1
            for cone in 0..<3 { #expect(abs(contrast[cone] - v) < 0.01, "v \(v), cone \(cone): \(contrast[cone])") }
        }
    }

    @Test func aRangeReachingBelowMinusOneIsOutOfGamut() {
        #expect(throws: PlanError.self) {
            try AxisTint.mapping(axis: .dklLum, range: -1.2...0.5, background: background, profile: .standardSRGB, field: "phases[1]")
        }
    }
}
