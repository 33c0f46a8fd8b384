import Foundation
import Testing
@testable import StimulusKit

/// Simultaneous contrast, White's, Mach bands, Cornsweet, Hermann grid, Kanizsa triangle: luminances read off
/// the pixels (equal linear guns = relative luminance) against `luminance ± difference/2` and the documented
/// context `luminance × 4^(∓strength)`, and region sizes measured along rows.
@Suite struct LightnessIllusionTests {
    let tol = 1e-5

    func canvas(_ kind: IllusionKind, _ s: Double, _ d: Double, size: Double, w: Double, h: Double) throws -> IllusionCanvas {
        try IllusionCanvas(Illusion(kind: kind, illusionStrength: s, difference: d, sizeDeg: size, luminance: 0.2), widthDeg: w, heightDeg: h,
                           background: .linearRGB([1, 0, 1]))
    }

    /// Length (deg) of the run of pixels on the row through `y` whose green equals `v`, around `x`.
    func run(_ c: IllusionCanvas, y: Double, around x: Double, value v: Double) -> Double {
        let r = c.row(y), x0 = c.column(x)
        var lo = x0, hi = x0
        while lo > 0 && abs(c.value(.green, lo - 1, r) - v) < 1e-4 { lo -= 1 }
        while hi < c.image.width - 1 && abs(c.value(.green, hi + 1, r) - v) < 1e-4 { hi += 1 }
        return Double(hi - lo + 1) / c.ppd
    }

    @Test(arguments: [1.0, -1])
    func simultaneousContrastTargetsAndSurrounds(strength s: Double) throws {
        let c = try canvas(.simultaneousContrast, s, 0.04, size: 2, w: 12.4, h: 6.4)
        #expect(abs(c.at(.green, -3, 0) - 0.22) < tol && abs(c.at(.green, 3, 0) - 0.18) < tol)
        let sa = c.at(.green, -5.5, 2.5), sb = c.at(.green, 5.5, -2.5)
        #expect(abs(sa - 0.2 * pow(4, -s)) < tol && abs(sb - 0.2 * pow(4, s)) < tol)
        #expect(s > 0 ? sa < 0.22 && sb > 0.18 : sa > 0.22 && sb < 0.18)
        #expect(abs(run(c, y: 0, around: -3, value: 0.22) - 2) < 1.5 / c.ppd && abs(run(c, y: 2.5, around: -3, value: sa) - 6) < 1.5 / c.ppd)
    }

    @Test(arguments: [1.0, -1])
    func whitesPatchesSitInStripesOfTheStrengthsSign(strength s: Double) throws {
        let c = try canvas(.whites, s, 0.04, size: 2, w: 8.4, h: 9.4)
        let dark = 0.2 * pow(4, -s), light = 0.2 * pow(4, s)
        #expect(abs(c.at(.green, -2, 0) - 0.22) < tol && abs(c.at(.green, 2, -1) - 0.18) < tol)
        // A's stripe continues to its right; the stripes above and below it are the other luminance.
        #expect(abs(c.at(.green, 2, 0) - dark) < tol && abs(c.at(.green, -2, 1) - light) < tol && abs(c.at(.green, -2, -1) - light) < tol)
        #expect(abs(c.at(.green, 2, -2) - dark) < tol)
        // Stripe height: the run of A's stripe luminance down the column right of the patches.
        let col = c.column(3.5)
        let rows = (0..<c.image.height).filter { abs(c.yDeg($0)) < 1 && abs(c.value(.green, col, $0) - dark) < 1e-4 }
        #expect(abs(Double(rows.count) / c.ppd - 1) < 1.5 / c.ppd)
    }

    @Test(arguments: [1.0, -1])
    func machBandsRampPlateausAndStrip(strength s: Double) throws {
        let c = try canvas(.machBands, s, 0.05, size: 2, w: 8.4, h: 4.4)
        let left = 0.2 * pow(4, -s / 2), right = 0.2 * pow(4, s / 2)
        #expect(abs(c.at(.green, -3, 0) - left) < tol && abs(c.at(.green, 3, 0) - right) < tol)
        // Linear ramp from x = −1 to +1 deg: sample at pixel centres.
        for x in [-0.6, 0.0, 0.5] {
            let col = c.column(x), xc = c.xDeg(col)
            #expect(abs(c.value(.green, col, c.row(0)) - (left + (right - left) * (xc + 1) / 2)) < 1e-4)
        }
        #expect(abs(c.at(.green, 1.1, 0) - (right + 0.05)) < tol)
        #expect(abs(run(c, y: 0, around: 1.1, value: right + 0.05) - 0.2) < 1.5 / c.ppd)
    }

    @Test(arguments: [1.0, -1])
    func cornsweetEdgeProfile(strength s: Double) throws {
        let c = try canvas(.cornsweet, s, 0.04, size: 2, w: 8.4, h: 4.4)
        let amp = s * 0.2 / 3, lambda = 0.5
        #expect(abs(c.at(.green, 3.9, 0) - 0.22) < 1e-3 && abs(c.at(.green, -3.9, 0) - 0.18) < 1e-3)
        for x in [0.1, 0.3, 0.8] {
            let cr = c.column(x), cl = c.column(-x)
            let right = 0.22 + amp * exp(-c.xDeg(cr) / lambda), left = 0.18 - amp * exp(c.xDeg(cl) / lambda)
            #expect(abs(c.value(.green, cr, c.row(0)) - right) < 2e-3 && abs(c.value(.green, cl, c.row(0)) - left) < 2e-3)
        }
        #expect(s > 0 ? c.at(.green, 0.1, 0) > 0.22 : c.at(.green, 0.1, 0) < 0.22)
    }

    @Test(arguments: [1.0, -1])
    func hermannGridBlocksStreetsIntersections(strength s: Double) throws {
        let c = try canvas(.hermannGrid, s, 0.04, size: 1.5, w: 10.4, h: 10.4)
        let block = 0.2 * pow(4, -s), pitch = 1.875
        #expect(abs(c.at(.green, 0, 0) - block) < tol && abs(c.at(.green, 2 * pitch, -pitch) - block) < tol)
        #expect(abs(c.at(.green, pitch / 2, 0) - 0.22) < tol && abs(c.at(.green, pitch / 2, pitch / 2) - 0.18) < tol)
        #expect(abs(c.at(.green, -1.5 * pitch, 1.5 * pitch) - 0.18) < tol)
        #expect(abs(run(c, y: 0, around: pitch / 2, value: 0.22) - 0.375) < 1.5 / c.ppd)
        #expect(abs(run(c, y: 0, around: 0, value: block) - 1.5) < 1.5 / c.ppd)
    }

    @Test(arguments: [1.0, -1])
    func kanizsaTriangleInducersAndSide(strength s: Double) throws {
        let c = try canvas(.kanizsaTriangle, s, 0.1, size: 2, w: 8.4, h: 8.4)
        let inducer = 0.2 * pow(4, -s), r = 4 / 3.0.squareRoot()
        #expect(abs(c.at(.green, 0, 0) - 0.25) < tol && abs(c.at(.green, 3.9, 3.9) - 0.15) < tol)
        // Inducer at the apex: outside the triangle it shows, inside the triangle covers it.
        #expect(abs(c.at(.green, 0, r + 0.5) - inducer) < tol && abs(c.at(.green, 0, r - 0.5) - 0.25) < tol)
        // Width of the triangle at its centre's height: 2/3 of the side.
        let row = c.row(0)
        let width = (0..<c.image.width).filter { abs(c.xDeg($0)) < 3.9 }.map { (c.value(.green, $0, row) - 0.15) / 0.1 }.reduce(0, +) / c.ppd
        #expect(abs(width - 4 * 2 / 3) < 1 / c.ppd, "width \(width)")
    }
}

/// Rotating snakes: the luminance sequence read clockwise round a ring, and the physical rotation over time.
@Suite struct RotatingSnakesTests {
    /// Green gun at `angle` (deg anticlockwise from rightwards) on the circle of radius `r` (deg).
    func sample(_ c: IllusionCanvas, r: Double, angle: Double) -> Double {
        c.at(.green, r * cos(angle * .pi / 180), r * sin(angle * .pi / 180))
    }

    @Test(arguments: [1.0, -1])
    func sequenceRunsClockwiseFromTheTop(strength s: Double) throws {
        let snakes = Illusion(kind: .rotatingSnakes, illusionStrength: s, difference: 10, sizeDeg: 2, luminance: 0.2)
        let c0 = try IllusionCanvas(snakes, widthDeg: 7.4, heightDeg: 7.4, background: .linearRGB([1, 0, 1]))
        let c1 = try IllusionCanvas(snakes, widthDeg: 7.4, heightDeg: 7.4, background: .linearRGB([1, 0, 1]), time: 1)
        let black = 0.2 / 4, darkGrey = 0.2 * pow(4, -1.0 / 3), white = 0.8, lightGrey = 0.2 * pow(4, 1.0 / 3)
        let order = s > 0 ? [black, darkGrey, white, lightGrey] : [black, lightGrey, white, darkGrey]
        // Innermost ring: diameters 1 to 2.5 deg, so the mid radius is 0.875 deg; its sector count is a multiple of 4.
        let r = 0.875
        let sectors = 4 * Int((Double.pi * 1.75 / 0.75 / 4).rounded())
        for j in 0..<8 {
            let centre = 90 - (Double(j) + 0.5) * 360 / Double(sectors)
            #expect(abs(sample(c0, r: r, angle: centre) - order[j % 4]) < 1e-4, "sector \(j)")
            // One second later the pattern has turned 10 deg clockwise.
            #expect(abs(sample(c1, r: r, angle: centre - 10) - order[j % 4]) < 1e-4, "sector \(j) at 1 s")
        }
        #expect(abs(sample(c0, r: 0.2, angle: 0) - 0) < 1e-6 && abs(c0.at(.red, 0, 0) - 1) < 1e-6, "the centre shows the background")
    }
}
