import Foundation
import Testing
@testable import StimulusKit

/// Café wall and scintillating grid: tile sizes, row offsets, mortar and disc sizes and every luminance measured
/// on the pixels (green gun = relative luminance) against the formulas in docs/ILLUSIONS.md, at strength +1 and −1.
@Suite struct TiledIllusionTests {
    static let magenta = Colour.linearRGB([1, 0.6, 1])

    func canvas(_ kind: IllusionKind, _ s: Double, _ d: Double, luminance: Double, w: Double, h: Double) throws -> IllusionCanvas {
        try IllusionCanvas(Illusion(kind: kind, illusionStrength: s, difference: d, sizeDeg: 1, lineWidthDeg: 0.1, luminance: luminance),
                           widthDeg: w, heightDeg: h, background: Self.magenta)
    }

    /// Length (deg) of the run of pixels along a row (or column) whose green equals `v`, through the pixel at (x, y).
    func run(_ c: IllusionCanvas, x: Double, y: Double, value v: Double, vertical: Bool = false) -> Double {
        let step = vertical ? (0, 1) : (1, 0)
        var lo = (c.column(x), c.row(y)), hi = lo
        func same(_ p: (Int, Int)) -> Bool {
            p.0 >= 0 && p.1 >= 0 && p.0 < c.image.width && p.1 < c.image.height && abs(c.value(.green, p.0, p.1) - v) < 1e-4
        }
        while same((lo.0 - step.0, lo.1 - step.1)) { lo = (lo.0 - step.0, lo.1 - step.1) }
        while same((hi.0 + step.0, hi.1 + step.1)) { hi = (hi.0 + step.0, hi.1 + step.1) }
        return Double(vertical ? hi.1 - lo.1 + 1 : hi.0 - lo.0 + 1) / c.ppd
    }

    /// Where the dark tiles of the row through `y` start (deg, modulo the 2-deg dark–light period), from the phase
    /// of the row's fundamental Fourier component over the wall's 8-deg width.
    func tilePhase(_ c: IllusionCanvas, y: Double) -> Double {
        let r = c.row(y)
        var re = 0.0, im = 0.0
        for x in 0..<c.image.width where abs(c.xDeg(x)) < 4 {
            let darkness = -c.value(.green, x, r), a = Double.pi * c.xDeg(x)
            re += darkness * cos(a); im += darkness * sin(a)
        }
        // A dark tile over [δ, δ + 1] makes the darkness peak at δ + 0.5.
        return atan2(im, re) / .pi - 0.5
    }

    @Test(arguments: [1.0, -1])
    func cafeWallTilesMortarAndRowOffsets(strength s: Double) throws {
        let c = try canvas(.cafeWall, s, 0, luminance: 0.4, w: 8.6, h: 10.6)
        #expect(abs(c.at(.green, 0.5, 0)) < 1e-6 && abs(c.at(.green, -0.5, 0) - 0.8) < 1e-6, "the middle row's tile 0 is dark")
        #expect(abs(run(c, x: 0.5, y: 0, value: 0) - 1) < 1.5 / c.ppd)
        #expect(abs(c.at(.green, 0.3, 0.55) - 0.4) < 1e-6)
        #expect(abs(run(c, x: 0.3, y: 0.55, value: 0.4, vertical: true) - 0.1) < 1.5 / c.ppd, "mortar width")
        // Row pitch 1.1 deg; each row is shifted s/2 deg right of the row above it.
        for k in -4..<4 {
            var step = tilePhase(c, y: -Double(k + 1) * 1.1) - tilePhase(c, y: -Double(k) * 1.1)
            step -= 2 * (step / 2).rounded()
            #expect(abs(step - s / 2) < 0.02, "rows \(k) → \(k + 1): offset \(step) deg")
        }
        #expect(abs(c.at(.green, 4.2, 0) - 0.6) < 1e-6, "the wall is 8 deg wide")
    }

    @Test func cafeWallMortarTiltsByTheDifference() throws {
        let c = try canvas(.cafeWall, 1, 3, luminance: 0.4, w: 9, h: 11)
        // Rows of the mortar line above the middle row: the centroid of its exact-grey pixels in each column.
        var points: [SIMD2<Double>] = []
        for x in 0..<c.image.width where abs(c.xDeg(x)) < 3 {
            let ys = (0..<c.image.height).filter { y in
                let along = c.yDeg(y) - 0.55 + c.xDeg(x) * tan(3 * Double.pi / 180)
                return abs(along) < 0.3 && abs(c.value(.green, x, y) - 0.4) < 1e-4
            }
            if !ys.isEmpty { points.append([c.xDeg(x), ys.map(c.yDeg).reduce(0, +) / Double(ys.count)]) }
        }
        let fit = IllusionCanvas.fit(points)
        #expect(abs(atan(fit.b) * 180 / .pi - -3) < 0.2, "mortar slope \(atan(fit.b) * 180 / .pi) deg")
        #expect(abs(fit.a - 0.55 / cos(3 * Double.pi / 180)) < 0.02)
    }

    @Test(arguments: [1.0, -1])
    func scintillatingGridLuminancesAndDiscs(strength s: Double) throws {
        let c = try canvas(.scintillatingGrid, s, 0.04, luminance: 0.2, w: 14, h: 7)
        let block = 0.2 * pow(4, -s), streets = 0.2 * pow(4, -s / 2)
        // Grid centred at x = −3.5 (extent 6.5 deg, pitch 1.25 deg), reference field at +3.5.
        #expect(abs(c.at(.green, -3.5, 0) - block) < 1e-6 && abs(c.at(.green, -2.875, 0) - streets) < 1e-6)
        #expect(abs(c.at(.green, -2.875, 0.625) - 0.18) < 1e-6 && abs(c.at(.green, 3.5, 0) - 0.22) < 1e-6)
        #expect(abs(c.at(.green, 5.5, 2) - streets) < 1e-6)
        #expect(s > 0 ? 0.18 > streets && streets > block : 0.18 < streets && streets < block, "classic: discs > streets > blocks")
        #expect(abs(run(c, x: -2.875, y: 0, value: streets) - 0.25) < 1.5 / c.ppd, "street width")
        #expect(abs(run(c, x: -3.5, y: 0, value: block) - 1) < 1.5 / c.ppd, "block side")
        #expect(abs(run(c, x: 5, y: 2, value: streets) - 6.5) < 1.5 / c.ppd, "reference field side")
        // Disc diameters: summed disc coverage along the row through the centre, over the surrounding street.
        func diameter(_ x: Double, _ y: Double, disc: Double) -> Double {
            let r = c.row(y)
            return (0..<c.image.width).filter { abs(c.xDeg($0) - x) < 0.5 }
                .map { (c.value(.green, $0, r) - streets) / (disc - streets) }.reduce(0, +) / c.ppd
        }
        #expect(abs(diameter(-2.875, 0.625, disc: 0.18) - 0.375) < 1.5 / c.ppd)
        #expect(abs(diameter(3.5, 0, disc: 0.22) - 0.375) < 1.5 / c.ppd)
    }
}
