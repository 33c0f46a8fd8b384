import Foundation

/// A point in the figure plane (deg; x rightwards, y upwards, origin at the pattern centre).
typealias FigurePoint = SIMD2<Double>

/// One drawable element of an illusion figure, in degrees of visual angle. Solid shapes carry a colour;
/// grey fields carry relative luminance (0–1 of white, drawn as equal linear guns).
enum FigureShape: Sendable, Equatable {
    /// A rectangle `width × height` (deg) about `centre`, rotated anticlockwise by `angleDeg`.
    case rectangle(centre: FigurePoint, width: Double, height: Double, angleDeg: Double, colour: Colour)
    /// A filled disc of diameter `diameter` (deg).
    case disc(centre: FigurePoint, diameter: Double, colour: Colour)
    /// A circle outline whose centre line has diameter `diameter` (deg), `width` (deg) thick.
    case ring(centre: FigurePoint, diameter: Double, width: Double, colour: Colour)
    /// A filled convex polygon, vertices anticlockwise (deg).
    case polygon(vertices: [FigurePoint], colour: Colour)
    /// A sine grating filling the annulus between diameters `inner` and `outer` (deg; inner 0 for a disc), bars at
    /// `orientationDeg` anticlockwise from horizontal, luminance `mean × (1 + contrast × sin(2π f u))`, a peak at
    /// the centre when the phase is 90°.
    case grating(centre: FigurePoint, inner: Double, outer: Double, orientationDeg: Double, cyclesPerDegree: Double,
                 mean: Double, contrast: Double)
    /// An annulus between diameters `inner` and `outer` (deg) cut into `count` equal sectors whose relative
    /// luminances repeat `luminances` clockwise, the first sector starting `startDeg` anticlockwise from rightwards.
    case sectorRing(centre: FigurePoint, inner: Double, outer: Double, count: Int, luminances: [Double], startDeg: Double)
    /// A rectangle `width × height` (deg) whose relative luminance varies with x only: linear between the knots
    /// `(x, luminance)` (x in deg from the figure centre, increasing), constant beyond the end knots.
    case luminanceProfile(centre: FigurePoint, width: Double, height: Double, knots: [FigurePoint])

    /// A line from `a` to `b` (deg), `width` (deg) thick, with square (butt) ends exactly at a and b.
    static func segment(_ a: FigurePoint, _ b: FigurePoint, width: Double, colour: Colour) -> FigureShape {
        let d = b - a
        return .rectangle(centre: (a + b) / 2, width: (d * d).sum().squareRoot(), height: width,
                          angleDeg: atan2(d.y, d.x) * 180 / .pi, colour: colour)
    }

    /// A grey of relative luminance `l` (0–1), as equal linear guns.
    static func grey(_ l: Double) -> Colour { .linearRGB([l, l, l]) }

    /// The point `length` deg from `p` in direction `angleDeg` (anticlockwise from rightwards).
    static func polar(_ p: FigurePoint, _ length: Double, _ angleDeg: Double) -> FigurePoint {
        let a = angleDeg * .pi / 180
        return p + length * FigurePoint(cos(a), sin(a))
    }
}
