import Foundation
@testable import StimulusKit

/// An illusion rendered for measurement: targets pure red, context pure blue, on black (all linear RGB), so
/// the red channel is the targets' pixel coverage and the blue channel the visible context's. Positions are
/// converted with the renderer's documented px/deg only; everything else is measured on the pixels.
struct IllusionCanvas {
    static let geometry = ViewingGeometry(screenWidthCm: 53, screenWidthPx: 1600, screenHeightPx: 900, distanceCm: 57)
    let image: LinearImage
    /// px/deg.
    let ppd: Double

    init(_ illusion: Illusion, widthDeg: Double, heightDeg: Double, background: Colour = .linearRGB([0, 0, 0]), time: Double = 0) throws {
        var i = illusion
        if i.kind.differenceUnit.hasPrefix("deg") { i.colourA = .linearRGB([1, 0, 0]); i.colourB = .linearRGB([0, 0, 1]) }
        let renderer = StimulusRenderer(geometry: Self.geometry, profile: .standardSRGB)
        ppd = renderer.pixelsPerDegree
        let spec = StimulusSpec(name: "t", background: background, pattern: .illusion(i))
        image = try renderer.render(spec, width: Int((widthDeg * ppd).rounded()), height: Int((heightDeg * ppd).rounded()), time: time)
    }

    enum Channel: Int { case red = 0, green = 1, blue = 2 }

    func value(_ c: Channel, _ x: Int, _ y: Int) -> Double { Double(image.pixels[(y * image.width + x) * 3 + c.rawValue]) }
    /// Column index of the pixel containing x (deg right of centre).
    func column(_ xDeg: Double) -> Int { Int((Double(image.width) / 2 + xDeg * ppd).rounded(.down)) }
    /// Row index of the pixel containing y (deg up from centre).
    func row(_ yDeg: Double) -> Int { Int((Double(image.height) / 2 - yDeg * ppd).rounded(.down)) }
    /// Degrees right of centre of column x's pixel centre.
    func xDeg(_ x: Int) -> Double { (Double(x) + 0.5 - Double(image.width) / 2) / ppd }
    /// Degrees up from centre of row y's pixel centre.
    func yDeg(_ y: Int) -> Double { (Double(image.height) / 2 - Double(y) - 0.5) / ppd }

    /// The value at a point (deg from centre).
    func at(_ c: Channel, _ xDeg: Double, _ yDeg: Double) -> Double { value(c, column(xDeg), row(yDeg)) }

    /// Summed coverage (deg) along the row through `yDeg`, between `from` and `to` (deg).
    func rowLength(_ c: Channel, y yDeg: Double, from: Double = -1e9, to: Double = 1e9) -> Double {
        let y = row(yDeg)
        return (0..<image.width).filter { (from...to).contains(xDeg($0)) }.map { value(c, $0, y) }.reduce(0, +) / ppd
    }

    /// Summed coverage (deg) along the column through `xDeg`, between `from` and `to` (deg, upwards).
    func columnLength(_ c: Channel, x xDeg: Double, from: Double = -1e9, to: Double = 1e9) -> Double {
        let x = column(xDeg)
        return (0..<image.height).filter { (from...to).contains(yDeg($0)) }.map { value(c, x, $0) }.reduce(0, +) / ppd
    }

    /// Coverage-weighted moments of a channel inside a window (deg): total area (deg²), centroid (deg),
    /// and the principal axis's orientation (deg anticlockwise from horizontal, −90…90).
    func moments(_ c: Channel, x xr: ClosedRange<Double>, y yr: ClosedRange<Double>) -> (area: Double, centroid: SIMD2<Double>, axisDeg: Double) {
        var m0 = 0.0, mx = 0.0, my = 0.0, mxx = 0.0, myy = 0.0, mxy = 0.0
        for y in 0..<image.height where yr.contains(yDeg(y)) {
            for x in 0..<image.width where xr.contains(xDeg(x)) {
                let w = value(c, x, y), X = xDeg(x), Y = yDeg(y)
                m0 += w; mx += w * X; my += w * Y; mxx += w * X * X; myy += w * Y * Y; mxy += w * X * Y
            }
        }
        let cx = mx / m0, cy = my / m0
        let cxx = mxx / m0 - cx * cx, cyy = myy / m0 - cy * cy, cxy = mxy / m0 - cx * cy
        return (m0 / (ppd * ppd), [cx, cy], 0.5 * atan2(2 * cxy, cxx - cyy) * 180 / .pi)
    }

    /// Straight-line fit x = a + b·y through the coverage centroid of each row in `y` (deg) within `x` (deg):
    /// the line's orientation (deg anticlockwise from horizontal) and its x at y = 0.
    func nearlyVerticalLine(_ c: Channel, x xr: ClosedRange<Double>, y yr: ClosedRange<Double>) -> (orientationDeg: Double, x0: Double) {
        var pts: [SIMD2<Double>] = []
        for y in 0..<image.height where yr.contains(yDeg(y)) {
            var w = 0.0, wx = 0.0
            for x in 0..<image.width where xr.contains(xDeg(x)) { w += value(c, x, y); wx += value(c, x, y) * xDeg(x) }
            if w > 0 { pts.append([yDeg(y), wx / w]) }
        }
        let (a, b) = Self.fit(pts)
        return (90 + atan(-b) * 180 / .pi, a)
    }

    /// Straight-line fit y = a + b·x through the coverage centroid of each column in `x` (deg) within `y`:
    /// the slope angle (deg) and the y of the line at `at` (deg).
    func nearlyHorizontalLine(_ c: Channel, x xr: ClosedRange<Double>, y yr: ClosedRange<Double>, at: Double) -> (angleDeg: Double, y: Double) {
        var pts: [SIMD2<Double>] = []
        for x in 0..<image.width where xr.contains(xDeg(x)) {
            var w = 0.0, wy = 0.0
            for y in 0..<image.height where yr.contains(yDeg(y)) { w += value(c, x, y); wy += value(c, x, y) * yDeg(y) }
            if w > 0 { pts.append([xDeg(x), wy / w]) }
        }
        let (a, b) = Self.fit(pts)
        return (atan(b) * 180 / .pi, a + b * at)
    }

    /// Least squares v = a + b·u through points (u, v).
    static func fit(_ p: [SIMD2<Double>]) -> (a: Double, b: Double) {
        let n = Double(p.count), su = p.map(\.x).reduce(0, +), sv = p.map(\.y).reduce(0, +)
        let suu = p.map { $0.x * $0.x }.reduce(0, +), suv = p.map { $0.x * $0.y }.reduce(0, +)
        let b = (n * suv - su * sv) / (n * suu - su * su)
        return ((sv - b * su) / n, b)
    }
}
