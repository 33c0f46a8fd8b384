import CPixelKernels
import Foundation

/// A rectangle of image pixels (px), `x0..<x1` by `y0..<y1`, whose centre is the origin of the
/// pattern drawn in it.
struct PixelRect: Sendable {
    var x0: Int, y0: Int, x1: Int, y1: Int
    /// Centre (px, image coordinates, y down).
    var cx: Double { Double(x0 + x1) / 2 }
    var cy: Double { Double(y0 + y1) / 2 }
    /// Horizontal offset (px, rightwards) of pixel column `x`'s centre from the rect centre.
    func dx(_ x: Int) -> Double { Double(x) + 0.5 - cx }
    /// Vertical offset (px, upwards) of pixel row `y`'s centre from the rect centre.
    func dy(_ y: Int) -> Double { cy - (Double(y) + 0.5) }
}

/// Paints linear RGB (3 floats per pixel) for `count` pixels of image row `y` from column `x0`.
protocol Painter: Sendable {
    func paint(y: Int, x0: Int, count: Int, into rgb: UnsafeMutablePointer<Float>)
}

/// A weight 0...1 per pixel (colour A's share in a two-colour pattern, or an alpha).
protocol WeightField: Sendable {
    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>)
}

/// One colour everywhere.
struct UniformPainter: Painter {
    let colour: SIMD3<Float>
    func paint(y: Int, x0: Int, count: Int, into rgb: UnsafeMutablePointer<Float>) {
        for i in 0..<count { rgb[3 * i] = colour.x; rgb[3 * i + 1] = colour.y; rgb[3 * i + 2] = colour.z }
    }
}

/// Mixes two colours in linear light by a weight field: `b + w × (a − b)`, with w held to 0...1 against
/// floating-point rounding (a few ulp) in the fields.
struct TwoColourPainter: Painter {
    let field: any WeightField
    let a: SIMD3<Float>, b: SIMD3<Float>
    func paint(y: Int, x0: Int, count: Int, into rgb: UnsafeMutablePointer<Float>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { w in
            field.weights(y: y, x0: x0, count: count, into: w.baseAddress!)
            mix(w.baseAddress!, count: count, into: rgb)
        }
    }

    /// rgb = b + clamp(w, 0, 1) × (a − b), by the vectorised row kernel.
    @inline(__always)
    private func mix(_ w: UnsafeMutablePointer<Float>, count: Int, into rgb: UnsafeMutablePointer<Float>) {
        withUnsafeBytes(of: (a.x, a.y, a.z)) { a in
            withUnsafeBytes(of: (b.x, b.y, b.z)) { b in
                stimgen_mix_two_colours(w, count, a.baseAddress!.assumingMemoryBound(to: Float.self),
                                        b.baseAddress!.assumingMemoryBound(to: Float.self), rgb)
            }
        }
    }
}

/// Paints layers over a base colour, each seen through its alpha field: `out = out × (1 − α) + layer × α`.
struct LayersPainter: Painter {
    let base: SIMD3<Float>
    let layers: [(painter: any Painter, alpha: (any WeightField)?)]
    func paint(y: Int, x0: Int, count: Int, into rgb: UnsafeMutablePointer<Float>) {
        // A first layer without an aperture covers everything: no need to paint the base under it.
        if layers.first?.alpha != nil || layers.isEmpty { UniformPainter(colour: base).paint(y: y, x0: x0, count: count, into: rgb) }
        for layer in layers {
            guard let alphaField = layer.alpha else {
                layer.painter.paint(y: y, x0: x0, count: count, into: rgb)
                continue
            }
            withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { a in
                alphaField.weights(y: y, x0: x0, count: count, into: a.baseAddress!)
                guard (0..<count).contains(where: { a[$0] > 0 }) else { return }
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * count) { top in
                    layer.painter.paint(y: y, x0: x0, count: count, into: top.baseAddress!)
                    for i in 0..<count {
                        let ai = a[i]
                        for c in 0..<3 { rgb[3 * i + c] += (top[3 * i + c] - rgb[3 * i + c]) * ai }
                    }
                }
            }
        }
    }
}

/// A grid of painters, each over its own cell of the parent rectangle.
struct TilesPainter: Painter {
    let rect: PixelRect
    let rows: Int, columns: Int
    let cells: [any Painter]
    func rowEdge(_ r: Int) -> Int { rect.y0 + (rect.y1 - rect.y0) * r / rows }
    func columnEdge(_ c: Int) -> Int { rect.x0 + (rect.x1 - rect.x0) * c / columns }
    func paint(y: Int, x0: Int, count: Int, into rgb: UnsafeMutablePointer<Float>) {
        guard let r = (0..<rows).first(where: { y < rowEdge($0 + 1) }) else { return }
        for c in 0..<columns {
            let lo = max(x0, columnEdge(c)), hi = min(x0 + count, columnEdge(c + 1))
            if hi > lo { cells[r * columns + c].paint(y: y, x0: lo, count: hi - lo, into: rgb + 3 * (lo - x0)) }
        }
    }
}

/// A linear-light cross-fade `(1 − t) × from + t × to`.
struct MorphPainter: Painter {
    let from: any Painter, to: any Painter
    let t: Float
    func paint(y: Int, x0: Int, count: Int, into rgb: UnsafeMutablePointer<Float>) {
        from.paint(y: y, x0: x0, count: count, into: rgb)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * count) { other in
            to.paint(y: y, x0: x0, count: count, into: other.baseAddress!)
            for i in 0..<(3 * count) { rgb[i] += (other[i] - rgb[i]) * t }
        }
    }
}
