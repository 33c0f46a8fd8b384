import Foundation

/// A PNG shown `widthPx` wide, centred, bilinearly resampled in linear light; `surround` elsewhere.
struct ImagePainter: Painter {
    let rect: PixelRect
    let source: LinearImage
    let widthPx: Double, heightPx: Double
    let surround: SIMD3<Float>

    func paint(y: Int, x0: Int, count: Int, into rgb: UnsafeMutablePointer<Float>) {
        let scale = Double(source.width) / widthPx
        let sy = (heightPx / 2 - rect.dy(y)) * scale - 0.5
        for i in 0..<count {
            let sx = (rect.dx(x0 + i) + widthPx / 2) * scale - 0.5
            let inside = sx >= -0.5 && sy >= -0.5 && sx < Double(source.width) - 0.5 && sy < Double(source.height) - 0.5
            guard inside else {
                rgb[3 * i] = surround.x; rgb[3 * i + 1] = surround.y; rgb[3 * i + 2] = surround.z
                continue
            }
            let xa = min(max(Int(sx.rounded(.down)), 0), source.width - 1), ya = min(max(Int(sy.rounded(.down)), 0), source.height - 1)
            let xb = min(xa + 1, source.width - 1), yb = min(ya + 1, source.height - 1)
            let fx = Float(min(max(sx - Double(xa), 0), 1)), fy = Float(min(max(sy - Double(ya), 0), 1))
            for c in 0..<3 {
                let p = source.pixels
                let top = p[(ya * source.width + xa) * 3 + c] * (1 - fx) + p[(ya * source.width + xb) * 3 + c] * fx
                let bottom = p[(yb * source.width + xa) * 3 + c] * (1 - fx) + p[(yb * source.width + xb) * 3 + c] * fx
                rgb[3 * i + c] = top * (1 - fy) + bottom * fy
            }
        }
    }
}
