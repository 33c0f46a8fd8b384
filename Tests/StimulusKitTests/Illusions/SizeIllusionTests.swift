import Foundation
import Testing
@testable import StimulusKit

/// Müller-Lyer, Ebbinghaus, Delboeuf, Ponzo, vertical–horizontal: target lengths and diameters measured on the
/// pixels against `size ± difference/2`, and the context's sign against `illusion_strength`.
@Suite struct SizeIllusionTests {
    /// Rightmost x (deg) on the row through `y` where the channel exceeds 0.5.
    func outermost(_ c: IllusionCanvas, _ ch: IllusionCanvas.Channel, y: Double) -> Double {
        let r = c.row(y)
        return (0..<c.image.width).filter { c.value(ch, $0, r) > 0.5 }.map(c.xDeg).max() ?? -.infinity
    }

    @Test(arguments: [1.0, 0, -1])
    func mullerLyerShaftsAndFins(strength: Double) throws {
        let c = try IllusionCanvas(Illusion(kind: .mullerLyer, illusionStrength: strength, difference: 0.4, sizeDeg: 4, lineWidthDeg: 0.1),
                                   widthDeg: 6.5, heightDeg: 5)
        let px = 1 / c.ppd
        #expect(abs(c.rowLength(.red, y: 1.2) - 4.2) < px)
        #expect(abs(c.rowLength(.red, y: -1.2) - 3.8) < px)
        // Halfway along a 1 deg fin tilted 30° × strength outwards from the end of a shaft.
        let halfFinRise = 0.5 * cos(30 * strength * .pi / 180), halfFinRun = 0.5 * sin(30 * strength * .pi / 180)
        let tipA = outermost(c, .blue, y: 1.2 + halfFinRise), tipB = outermost(c, .blue, y: -1.2 - halfFinRise)
        #expect(abs(tipA - (2.1 + halfFinRun)) < 0.05 + 2 * px, "A fin at \(tipA)")
        #expect(abs(tipB - (1.9 - halfFinRun)) < 0.05 + 2 * px, "B fin at \(tipB)")
        if strength > 0 { #expect(tipA > 2.1 && tipB < 1.9) }
        if strength < 0 { #expect(tipA < 2.1 && tipB > 1.9) }
    }

    @Test(arguments: [1.0, -1])
    func ebbinghausTargetsAndInducers(strength: Double) throws {
        let c = try IllusionCanvas(Illusion(kind: .ebbinghaus, illusionStrength: strength, difference: 0.2, sizeDeg: 2),
                                   widthDeg: 16.5, heightDeg: 9)
        let px = 1 / c.ppd
        let a = c.moments(.red, x: -9...0, y: -5...5), b = c.moments(.red, x: 0...9, y: -5...5)
        let da = 2 * (a.area / .pi).squareRoot(), db = 2 * (b.area / .pi).squareRoot()
        #expect(abs(da - 2.1) < px / 2 && abs(db - 1.9) < px / 2, "diameters \(da), \(db)")
        #expect(abs(a.centroid.y) < px && abs(a.centroid.x + b.centroid.x) < px)
        // The inducer straight right of each target, between the target's edge and the end of its ring.
        let ia = c.rowLength(.blue, y: 0, from: a.centroid.x + da / 2 + 0.02, to: a.centroid.x + da / 2 + 0.4 + 0.6 * 2 * pow(2, -strength) + 0.2)
        let ib = c.rowLength(.blue, y: 0, from: b.centroid.x + db / 2 + 0.02, to: b.centroid.x + db / 2 + 0.4 + 0.6 * 2 * pow(2, strength) + 0.2)
        #expect(abs(ia - 1.2 * pow(2, -strength)) < 2 * px && abs(ib - 1.2 * pow(2, strength)) < 2 * px, "inducers \(ia), \(ib)")
        #expect(strength > 0 ? (ia < da && ib > db) : (ia > da && ib < db))
    }

    @Test(arguments: [1.0, -1])
    func delboeufTargetsAndRings(strength: Double) throws {
        let c = try IllusionCanvas(Illusion(kind: .delboeuf, illusionStrength: strength, difference: 0.2, sizeDeg: 2, lineWidthDeg: 0.08),
                                   widthDeg: 10, heightDeg: 5)
        let px = 1 / c.ppd
        let a = c.moments(.red, x: -5...0, y: -3...3), b = c.moments(.red, x: 0...5, y: -3...3)
        let da = 2 * (a.area / .pi).squareRoot(), db = 2 * (b.area / .pi).squareRoot()
        #expect(abs(da - 2.1) < px / 2 && abs(db - 1.9) < px / 2)
        func ringDiameter(_ t: (area: Double, centroid: SIMD2<Double>, axisDeg: Double), within xs: ClosedRange<Double>) -> Double {
            let strip = (t.centroid.y - 0.05)...(t.centroid.y + 0.05)
            let left = c.moments(.blue, x: xs.lowerBound...t.centroid.x, y: strip).centroid.x
            let right = c.moments(.blue, x: t.centroid.x...xs.upperBound, y: strip).centroid.x
            return right - left
        }
        let ra = ringDiameter(a, within: -5...0), rb = ringDiameter(b, within: 0...5)
        #expect(abs(ra - (2.1 + 0.5 * 2 * pow(2, -strength))) < px && abs(rb - (1.9 + 0.5 * 2 * pow(2, strength))) < px, "rings \(ra), \(rb)")
        #expect(strength > 0 ? ra - da < rb - db : ra - da > rb - db)
    }

    @Test(arguments: [1.0, -1])
    func ponzoTargetsAndRails(strength: Double) throws {
        let c = try IllusionCanvas(Illusion(kind: .ponzo, illusionStrength: strength, difference: 0.3, sizeDeg: 3, lineWidthDeg: 0.08),
                                   widthDeg: 8, heightDeg: 6.6)
        let px = 1 / c.ppd
        #expect(abs(c.rowLength(.red, y: 1.2) - 3.15) < px && abs(c.rowLength(.red, y: -1.2) - 2.85) < px)
        func gap(_ y: Double) -> Double {
            c.moments(.blue, x: 0...4, y: (y - 0.05)...(y + 0.05)).centroid.x - c.moments(.blue, x: -4...0, y: (y - 0.05)...(y + 0.05)).centroid.x
        }
        let t = tan(12 * strength * .pi / 180)
        #expect(abs(gap(1.2) - 2 * (2.7 - 1.2 * t)) < px && abs(gap(-1.2) - 2 * (2.7 + 1.2 * t)) < px)
        #expect(strength > 0 ? gap(1.2) < gap(-1.2) : gap(1.2) > gap(-1.2))
    }

    @Test func verticalHorizontalInvertedTBisectsTheHorizontal() throws {
        let c = try IllusionCanvas(Illusion(kind: .verticalHorizontal, illusionStrength: 1, difference: 0.4, sizeDeg: 4, lineWidthDeg: 0.1),
                                   widthDeg: 5, heightDeg: 5)
        let px = 1 / c.ppd
        let vertical = c.nearlyVerticalLine(.red, x: -2.5...2.5, y: -1.5...1.8)
        #expect(abs(vertical.orientationDeg - 90) < 0.05 && abs(vertical.x0) < px)
        // The vertical runs from the horizontal's centre line up 4.2 deg; the column also crosses the horizontal's lower half-width.
        #expect(abs(c.columnLength(.red, x: 0) - (4.2 + 0.05)) < px)
        #expect(abs(c.rowLength(.red, y: -2.1) - 3.8) < px)
    }

    @Test func verticalHorizontalReversedBisectsTheVertical() throws {
        let c = try IllusionCanvas(Illusion(kind: .verticalHorizontal, illusionStrength: -1, difference: 0.4, sizeDeg: 4, lineWidthDeg: 0.1),
                                   widthDeg: 5, heightDeg: 5)
        let px = 1 / c.ppd
        let vertical = c.nearlyVerticalLine(.red, x: -2.5...(-1.5), y: -1.8...(-0.2))
        #expect(abs(vertical.x0 + 1.9) < px)
        #expect(abs(c.columnLength(.red, x: -1.9, from: -2.5, to: -0.2) + c.columnLength(.red, x: -1.9, from: 0.2, to: 2.5) - (4.2 - 0.4)) < px)
        let horizontal = c.nearlyHorizontalLine(.red, x: -1.6...1.6, y: -1...1, at: 0)
        #expect(abs(horizontal.y) < px && abs(horizontal.angleDeg) < 0.05, "horizontal at \(horizontal.y)")
        #expect(abs(c.rowLength(.red, y: 0, from: -1.9 + 0.2) - (3.8 - 0.2)) < px)
    }
}
