import Foundation

/// An aperture's alpha (0...1) per pixel from the signed distance (px, positive outside) to its edge.
struct ApertureField: WeightField {
    let rect: PixelRect
    let shape: Aperture.Shape
    let centreX: Double, centreY: Double
    let radius: Float, halfW: Float, halfH: Float
    let edge: Aperture.Edge
    let edgePx: Float

    init(_ a: Aperture, rect: PixelRect, pixelsPerDegree ppd: Double) {
        self.rect = rect
        shape = a.shape
        centreX = a.centreDeg[0] * ppd
        centreY = a.centreDeg[1] * ppd
        radius = Float(a.diameterDeg * ppd / 2)
        halfW = Float(a.widthDeg * ppd / 2)
        halfH = Float(a.heightDeg * ppd / 2)
        edge = a.edge
        edgePx = Float(a.edgeWidthDeg * ppd)
    }

    @inline(__always)
    func alpha(signedDistance d: Float) -> Float {
        switch edge {
        case .hard: return Coverage.edge(d)
        case .raisedCosine:
            let s = d / edgePx + 0.5
            if s <= 0 { return 1 }
            if s >= 1 { return 0 }
            return 0.5 + 0.5 * cos(Float.pi * s)
        case .gaussian:
            return d <= 0 ? 1 : exp(-d * d / (2 * edgePx * edgePx))
        }
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        let dy = Float(rect.dy(y) - centreY)
        for i in 0..<count {
            let dx = Float(rect.dx(x0 + i) - centreX)
            let d: Float
            switch shape {
            case .fullField: w[i] = 1; continue
            case .circle: d = (dx * dx + dy * dy).squareRoot() - radius
            case .rectangle:
                let ox = abs(dx) - halfW, oy = abs(dy) - halfH
                d = max(ox, oy) > 0 ? (max(ox, 0) * max(ox, 0) + max(oy, 0) * max(oy, 0)).squareRoot() : max(ox, oy)
            }
            w[i] = alpha(signedDistance: d)
        }
    }
}

/// A fixation mark's coverage: a disc; the union of two bars covered per axis by a 1-px box; or a
/// 5×7 glyph whose ink cells, tiling the plane without overlap, add their exact box coverage.
struct FixationField: WeightField {
    let rect: PixelRect
    let mark: FixationMark.Kind
    let centreX: Double, centreY: Double
    let halfLength: Float, halfWidth: Float
    /// Letter: ink cell centres (px, from the mark centre, y up) and the cell side (px).
    let cellCentres: [SIMD2<Float>]
    let cell: Float

    init(_ f: FixationMark, rect: PixelRect, pixelsPerDegree ppd: Double) {
        self.rect = rect
        mark = f.mark
        centreX = f.offsetDeg[0] * ppd
        centreY = f.offsetDeg[1] * ppd
        halfLength = Float(f.sizeDeg * ppd / 2)
        halfWidth = Float(f.lineWidthDeg * ppd / 2)
        let side = Float(f.sizeDeg * ppd) / Float(Glyphs.rows)
        cell = side
        cellCentres = f.mark == .letter ? (Glyphs.cells(f.letter.first ?? "A") ?? []).map { col, row in
            SIMD2((Float(col) + 0.5 - Float(Glyphs.columns) / 2) * side, (Float(Glyphs.rows) / 2 - Float(row) - 0.5) * side)
        } : []
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        let dy = Float(rect.dy(y) - centreY)
        for i in 0..<count {
            let dx = Float(rect.dx(x0 + i) - centreX)
            switch mark {
            case .dot: w[i] = Coverage.edge((dx * dx + dy * dy).squareRoot() - halfLength)
            case .cross:
                let h = Coverage.interval(dx, halfLength: halfLength) * Coverage.interval(dy, halfLength: halfWidth)
                let v = Coverage.interval(dx, halfLength: halfWidth) * Coverage.interval(dy, halfLength: halfLength)
                w[i] = h + v - h * v
            case .letter:
                guard abs(dx) < cell * 3 + 1, abs(dy) < cell * 4 + 1 else { w[i] = 0; continue }
                var sum: Float = 0
                for c in cellCentres { sum += Coverage.interval(dx - c.x, halfLength: cell / 2) * Coverage.interval(dy - c.y, halfLength: cell / 2) }
                w[i] = min(sum, 1)
            }
        }
    }
}
