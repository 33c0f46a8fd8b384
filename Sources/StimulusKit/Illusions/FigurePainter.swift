import Foundation

/// One figure shape converted to pixels: coverage from its signed distance (px), colour per pixel.
struct FigureElement: Sendable {
    enum Geometry: Sendable {
        /// Half-sizes (px) along the rotated axes (cos, sin).
        case box(half: SIMD2<Float>, cos: Float, sin: Float)
        case disc(radius: Float)
        case ring(radius: Float, halfWidth: Float)
        /// Edges as (unit outward normal, offset): the signed distance is max(n·p − c).
        case polygon(normals: [SIMD2<Float>], offsets: [Float])
        /// Annulus radii (px); bars' normal wave vector (cycles/px).
        case grating(inner: Float, outer: Float, k: SIMD2<Float>, mean: Float, contrast: Float)
        case profile(half: SIMD2<Float>, xs: [Float], luminances: [Float])
        /// Annulus radii (px), sector count, luminances repeating clockwise, start angle (rad).
        case sectors(inner: Float, outer: Float, count: Int, luminances: [Float], start: Float)
    }
    /// Centre (px, from the pattern centre, y up).
    let centre: SIMD2<Float>
    let geometry: Geometry
    let colour: SIMD3<Float>
    /// Rows (px, y up) outside which the element has no coverage.
    let yMin: Float, yMax: Float

    /// Fraction of the pixel at `p` (px, from the pattern centre, y up) covered, and the colour there.
    @inline(__always)
    func sample(_ p: SIMD2<Float>) -> (coverage: Float, colour: SIMD3<Float>) {
        let q = p - centre
        switch geometry {
        case let .box(half, c, s):
            let local = SIMD2<Float>(abs(c * q.x + s * q.y), abs(-s * q.x + c * q.y)) - half
            let outside = SIMD2<Float>(max(local.x, 0), max(local.y, 0))
            let sd = (outside * outside).sum().squareRoot() + min(max(local.x, local.y), 0)
            return (Coverage.edge(sd), colour)
        case let .disc(r):
            return (Coverage.edge((q * q).sum().squareRoot() - r), colour)
        case let .ring(r, hw):
            return (Coverage.edge(abs((q * q).sum().squareRoot() - r) - hw), colour)
        case let .polygon(normals, offsets):
            var sd = -Float.infinity
            for i in normals.indices { sd = max(sd, (normals[i] * q).sum() - offsets[i]) }
            return (Coverage.edge(sd), colour)
        case let .grating(inner, outer, k, mean, contrast):
            let r = (q * q).sum().squareRoot()
            let cov = min(Coverage.edge(r - outer), inner > 0 ? Coverage.edge(inner - r) : 1)
            let l = mean * (1 + contrast * sin(2 * Float.pi * (k * q).sum()))
            return (cov, SIMD3(repeating: l))
        case let .sectors(inner, outer, count, ls, start):
            let r = (q * q).sum().squareRoot()
            let cov = min(Coverage.edge(r - outer), Coverage.edge(inner - r))
            // Sector position clockwise from the start (sectors); the neighbour across the nearer boundary
            // is blended by the pixel's coverage of it, its distance measured along the arc (px).
            var u = (start - atan2(q.y, q.x)) / (2 * Float.pi)
            u = (u - u.rounded(.down)) * Float(count)
            let i = Int(u.rounded(.down)) % count, f = u - u.rounded(.down)
            let arc = 2 * Float.pi * max(r, 0.5) / Float(count)
            let near = f < 0.5 ? (i + count - 1) % count : (i + 1) % count
            let w = Coverage.edge(min(f, 1 - f) * arc)
            let l = ls[i % ls.count] * (1 - w) + ls[near % ls.count] * w
            return (cov, SIMD3(repeating: l))
        case let .profile(half, xs, ls):
            let cov = min(Coverage.edge(abs(q.x) - half.x), Coverage.edge(abs(q.y) - half.y))
            return (cov, SIMD3(repeating: Self.interpolate(q.x, xs, ls)))
        }
    }

    /// Piecewise-linear interpolation through (xs, ys), constant beyond the ends.
    static func interpolate(_ x: Float, _ xs: [Float], _ ys: [Float]) -> Float {
        guard x > xs[0] else { return ys[0] }
        for i in 1..<xs.count where x <= xs[i] {
            return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1])
        }
        return ys[ys.count - 1]
    }
}

/// Paints an illusion figure: the background, then each element over what lies below it, by coverage.
struct FigurePainter: Painter {
    let rect: PixelRect
    let background: SIMD3<Float>
    let elements: [FigureElement]

    func paint(y: Int, x0: Int, count: Int, into rgb: UnsafeMutablePointer<Float>) {
        let py = Float(rect.dy(y))
        let rowElements = elements.filter { py >= $0.yMin && py <= $0.yMax }
        for i in 0..<count {
            let p = SIMD2<Float>(Float(rect.dx(x0 + i)), py)
            var out = background
            for e in rowElements {
                let (a, c) = e.sample(p)
                if a > 0 { out += (c - out) * a }
            }
            rgb[3 * i] = out.x; rgb[3 * i + 1] = out.y; rgb[3 * i + 2] = out.z
        }
    }
}
