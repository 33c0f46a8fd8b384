import Foundation
import Testing
@testable import StimulusKit

/// Zöllner, Poggendorff, rod-and-frame and tilt: orientations and offsets fitted to the pixels against the
/// parameters, and the context's tilt sign against `illusion_strength`.
@Suite struct OrientationIllusionTests {
    @Test(arguments: [1.0, -1])
    func zollnerLinesAndHatches(strength: Double) throws {
        let c = try IllusionCanvas(Illusion(kind: .zollner, illusionStrength: strength, difference: 4, sizeDeg: 4, lineWidthDeg: 0.08),
                                   widthDeg: 7, heightDeg: 8.5)
        let a = c.nearlyVerticalLine(.red, x: -3...(-1), y: -3...3), b = c.nearlyVerticalLine(.red, x: 1...3, y: -3...3)
        #expect(abs(a.orientationDeg - 88) < 0.1 && abs(b.orientationDeg - 92) < 0.1, "lines \(a), \(b)")
        #expect(abs(a.x0 + 2) < 1 / c.ppd && abs(b.x0 - 2) < 1 / c.ppd)
        // The middle hatch on each line, right of the line.
        let ha = c.moments(.blue, x: -1.88...(-1.1), y: -0.5...0.5).axisDeg, hb = c.moments(.blue, x: 2.12...2.9, y: -0.5...0.5).axisDeg
        #expect(abs(ha - -30 * strength) < 0.5 && abs(hb - 30 * strength) < 0.5, "hatches \(ha), \(hb)")
    }

    @Test(arguments: [1.0, -1])
    func poggendorffSegmentsOffsetAndBar(strength: Double) throws {
        let c = try IllusionCanvas(Illusion(kind: .poggendorff, illusionStrength: strength, difference: 0.2, sizeDeg: 3, lineWidthDeg: 0.08),
                                   widthDeg: 8, heightDeg: 6)
        let left = c.nearlyHorizontalLine(.red, x: -3.2...(-0.9), y: -3...3, at: 0.75)
        let right = c.nearlyHorizontalLine(.red, x: 0.9...3.2, y: -3...3, at: 0.75)
        #expect(abs(left.angleDeg - 30 * strength) < 0.1 && abs(right.angleDeg - 30 * strength) < 0.1, "\(left), \(right)")
        #expect(abs((right.y - left.y) - 0.2) < 0.5 / c.ppd, "offset \(right.y - left.y)")
        #expect(abs(c.rowLength(.blue, y: 2.9) - 1.5) < 1 / c.ppd)
    }

    @Test(arguments: [1.0, -1])
    func rodAndFrameTilts(strength: Double) throws {
        let c = try IllusionCanvas(Illusion(kind: .rodAndFrame, illusionStrength: strength, difference: 3, sizeDeg: 3, lineWidthDeg: 0.1),
                                   widthDeg: 14, heightDeg: 14)
        let rod = c.nearlyVerticalLine(.red, x: -1...1, y: -1.2...1.2)
        #expect(abs(rod.orientationDeg - 87) < 0.1 && abs(rod.x0) < 1 / c.ppd)
        // The frame's top side: its midpoint 4.5 deg from the centre, perpendicular to the side.
        let mid = 4.5 * SIMD2(cos((90 + 18 * strength) * .pi / 180), sin((90 + 18 * strength) * .pi / 180))
        let top = c.moments(.blue, x: (mid.x - 1.5)...(mid.x + 1.5), y: (mid.y - 1)...(mid.y + 1))
        #expect(abs(top.axisDeg - 18 * strength) < 0.3 && abs(top.centroid.x - mid.x) < 0.05 && abs(top.centroid.y - mid.y) < 0.05, "\(top)")
    }

    func crop(_ c: IllusionCanvas, centre: SIMD2<Double>, half: Double) -> LinearImage {
        let x0 = c.column(centre.x - half), x1 = c.column(centre.x + half), y0 = c.row(centre.y + half), y1 = c.row(centre.y - half)
        var px: [Float] = []
        for y in y0..<y1 { for x in x0..<x1 { for ch in 0..<3 { px.append(c.image.pixels[(y * c.image.width + x) * 3 + ch]) } } }
        return LinearImage(width: x1 - x0, height: y1 - y0, pixels: px)
    }

    @Test(arguments: [1.0, -1])
    func tiltCentreAndSurroundOrientations(strength: Double) throws {
        let c = try IllusionCanvas(Illusion(kind: .tilt, illusionStrength: strength, difference: 5, sizeDeg: 2, luminance: 0.2, cyclesPerDegree: 2),
                                   widthDeg: 6.4, heightDeg: 6.4)
        let f = 2 / c.ppd
        let centre = crop(c, centre: [0, 0], half: 0.65), surround = crop(c, centre: [0, 2], half: 0.5)
        #expect(abs(Measure.orientation(centre, cyclesPerPx: f) - 85) < 0.3)
        #expect(abs(Measure.orientation(surround, cyclesPerPx: f) - (90 + 15 * strength)) < 0.3)
        let lum = Measure.luminance(centre)
        #expect(abs(lum.max()! - 0.4) < 0.01 && lum.min()! < 0.01, "grating from \(lum.min()!) to \(lum.max()!)")
    }
}
