import Foundation
import Testing
@testable import StimulusKit

/// Sizes given in screen pixels (`X_px`) instead of degrees (`X_deg`).
@Suite struct PixelSizeTests {
    /// The standard display: 1920 px over 53 cm at 57 cm, tangent mapping (px/deg).
    static let ppd = 2 * 57 * tan(0.5 * Double.pi / 180) * 1920 / 53

    func parse(_ yaml: String, ppd: Double? = Self.ppd) throws -> StimulusSpec {
        try StimulusLibrary.parse(yaml: yaml, origin: "test.yaml", pixelsPerDegree: ppd)
    }

    @Test func checksGivenInPixelsMeasureThatManyPixels() throws {
        let spec = try parse("name: c\npattern:\n  type: checkerboard\n  check_size_px: 40\n")
        // Rendered at the same px/deg the file was read at, each check spans 40 px: along a scan line
        // the colour changes every 40 columns, counted from the image centre (a check corner), on a row inside one band of checks.
        let image = try StimulusRenderer(geometry: .standard, profile: .standardSRGB).render(spec, width: 400, height: 41)
        let lum = Measure.luminance(image)
        let row = Array(lum[(10 * 400)..<(11 * 400)])
        var changes: [Int] = []
        for x in 1..<400 where abs(row[x] - row[x - 1]) > 0.5 { changes.append(x) }
        #expect(changes == [40, 80, 120, 160, 200, 240, 280, 320, 360])
    }

    @Test func listsOfSizesConvertEachNumber() throws {
        let spec = try parse("""
            name: f
            pattern: {type: checkerboard, check_size_deg: 1}
            fixation: {mark: dot, size_px: 18, offset_px: [36, -72]}
            """)
        let f = try #require(spec.fixation)
        #expect(abs(f.sizeDeg - 18 / Self.ppd) < 1e-12)
        #expect(abs(f.offsetDeg[0] - 36 / Self.ppd) < 1e-12 && abs(f.offsetDeg[1] + 72 / Self.ppd) < 1e-12)
    }

    @Test func bothUnitsForOneSizeIsAnError() {
        #expect {
            _ = try parse("name: c\npattern:\n  type: checkerboard\n  check_size_deg: 1\n  check_size_px: 40\n")
        } throws: { error in
            let e = error as? YAMLFileError
            return e?.fieldPath == "pattern.check_size_px" && e?.line == 5 && "\(error)".contains("not both")
        }
    }

    @Test func pixelsWithoutAKnownDisplayAreAnErrorNamingTheDegreeForm() {
        #expect {
            _ = try parse("name: c\npattern:\n  type: checkerboard\n  check_size_px: 40\n", ppd: nil)
        } throws: { error in
            "\(error)".contains("pattern.check_size_px") && "\(error)".contains("check_size_deg")
        }
    }

    @Test func anglesHaveNoPixelForm() {
        #expect {
            _ = try parse("name: g\npattern:\n  type: sine_grating\n  cycles_per_degree: 2\n  orientation_px: 10\n")
        } throws: { error in
            "\(error)".contains("unknown key 'orientation_px'")
        }
    }
}
