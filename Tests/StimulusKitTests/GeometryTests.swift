import Foundation
import Testing
@testable import StimulusKit

@Suite struct GeometryTests {
    // 53 cm / 1920 px at 57 cm: 36.2264 px/cm.
    @Test func pixelsPerDegreeBothMappings() {
        let g = ViewingGeometry.standard
        // Hand-computed: 57 × π/180 × 1920/53 and 2 × 57 × tan(0.5°) × 1920/53.
        #expect(abs(g.pixelsPerDegree(.smallAngle) - 36.039403) < 1e-5)
        #expect(abs(g.pixelsPerDegree(.tangent) - 36.040317) < 1e-5)
    }

    @Test func tangentMappingAtTenDegrees() {
        let g = ViewingGeometry(screenWidthCm: 50, screenWidthPx: 1000, screenHeightPx: 800, distanceCm: 100)
        // 100 cm × tan 10° = 17.6327 cm = 352.654 px at 20 px/cm; small angle: 10 × 100 × π/180 × 20 = 349.066 px.
        #expect(abs(g.pixels(fromCentreDegrees: 10, .tangent) - 352.6539) < 1e-3)
        #expect(abs(g.pixels(fromCentreDegrees: 10, .smallAngle) - 349.0659) < 1e-3)
        #expect(abs(g.degrees(fromCentrePixels: 352.6539, .tangent) - 10) < 1e-4)
    }

    @Test func rejectsNonPositiveSizes() {
        let g = ViewingGeometry(screenWidthCm: 0, screenWidthPx: 10, screenHeightPx: 10, distanceCm: 50)
        #expect(throws: GeometryError.notPositive(field: "screen_width_cm", value: 0)) { try g.validate() }
    }
}
