import Foundation

/// A linear (affine) resampling of image planes: every output pixel is a weighted sum of up to
/// four input pixels plus a constant, the same for every channel. Padding, cropping, bilinear
/// scaling and rotation are such maps; `apply` runs one forward and `adjoint` carries a gradient
/// back through it (each weight sends its share of the output's gradient to its input pixel).
struct SamplingMap: Sendable {
    let inputHeight: Int, inputWidth: Int
    let outputHeight: Int, outputWidth: Int
    /// For output pixel p (row-major), taps 4p…4p+3: the input pixel read (−1: none) and its weight.
    private var sources: [Int]
    private var weights: [Float]
    /// Added to each output pixel after the taps (a padding's fill value); empty: none.
    private var constants: [Float]

    private init(input: (h: Int, w: Int), output: (h: Int, w: Int)) {
        (inputHeight, inputWidth, outputHeight, outputWidth) = (input.h, input.w, output.h, output.w)
        sources = [Int](repeating: -1, count: 4 * output.h * output.w)
        weights = [Float](repeating: 0, count: 4 * output.h * output.w)
        constants = []
    }

    /// The map whose output pixel (row, column) reads input pixel `source(row, column)` (nil: none),
    /// with weight 1; outputs with no source get `fill`.
    private static func nearest(input: (h: Int, w: Int), output: (h: Int, w: Int), fill: Float = 0,
                                source: (Int, Int) -> (Int, Int)?) -> SamplingMap {
        var map = SamplingMap(input: input, output: output)
        if fill != 0 { map.constants = [Float](repeating: 0, count: output.h * output.w) }
        for row in 0..<output.h {
            for column in 0..<output.w {
                let p = row * output.w + column
                if let (r, c) = source(row, column) {
                    map.sources[4 * p] = r * input.w + c
                    map.weights[4 * p] = 1
                } else if fill != 0 {
                    map.constants[p] = fill
                }
            }
        }
        return map
    }

    /// The map whose output pixel (row, column) interpolates the input bilinearly at the fractional
    /// input position `position(row, column)` = (row, column) px. `clamp`: positions past the last
    /// pixel read the edge pixel (TensorFlow's resize); otherwise taps outside the input read 0.
    private static func bilinear(input: (h: Int, w: Int), output: (h: Int, w: Int), clamp: Bool,
                                 position: (Int, Int) -> (Double, Double)) -> SamplingMap {
        var map = SamplingMap(input: input, output: output)
        for row in 0..<output.h {
            for column in 0..<output.w {
                let p = row * output.w + column
                let (y, x) = position(row, column)
                let (y0, x0) = (Int(floor(y)), Int(floor(x)))
                let (fy, fx) = (Float(y - Double(y0)), Float(x - Double(x0)))
                let taps = [(y0, x0, (1 - fy) * (1 - fx)), (y0, x0 + 1, (1 - fy) * fx), (y0 + 1, x0, fy * (1 - fx)), (y0 + 1, x0 + 1, fy * fx)]
                for (k, (r, c, weight)) in taps.enumerated() where weight != 0 {
                    let (rr, cc) = clamp ? (min(max(r, 0), input.h - 1), min(max(c, 0), input.w - 1)) : (r, c)
                    guard rr >= 0, rr < input.h, cc >= 0, cc < input.w else { continue }
                    map.sources[4 * p + k] = rr * input.w + cc
                    map.weights[4 * p + k] = weight
                }
            }
        }
        return map
    }

    /// Pads every side by `border` px of the constant `fill` (Lucid's `pad(mode="constant")`).
    static func pad(height: Int, width: Int, border: Int, fill: Float) -> SamplingMap {
        nearest(input: (height, width), output: (height + 2 * border, width + 2 * border), fill: fill) { row, column in
            let (r, c) = (row - border, column - border)
            return r >= 0 && r < height && c >= 0 && c < width ? (r, c) : nil
        }
    }

    /// The `size` window whose top-left corner is input pixel (top, left).
    static func crop(height: Int, width: Int, top: Int, left: Int, size: (h: Int, w: Int)) -> SamplingMap {
        nearest(input: (height, width), output: size) { row, column in (top + row, left + column) }
    }

    /// Bilinear resize to `size`, as TensorFlow 1's `resize_bilinear` (align_corners false): output
    /// pixel i reads input position i · in / out, the last row and column clamped.
    static func resize(height: Int, width: Int, to size: (h: Int, w: Int)) -> SamplingMap {
        let (sy, sx) = (Double(height) / Double(size.h), Double(width) / Double(size.w))
        return bilinear(input: (height, width), output: size, clamp: true) { row, column in (Double(row) * sy, Double(column) * sx) }
    }

    /// Rotation by `degrees` counter-clockwise about the image centre, same size, bilinear; pixels
    /// rotated in from outside are 0 (as `tfa.image.rotate` fills).
    static func rotate(height: Int, width: Int, degrees: Double) -> SamplingMap {
        let angle = degrees * Double.pi / 180
        let (cy, cx) = (Double(height - 1) / 2, Double(width - 1) / 2)
        let (cosA, sinA) = (cos(angle), sin(angle))
        return bilinear(input: (height, width), output: (height, width), clamp: false) { row, column in
            // Output (x right, y up) rotated back by −angle gives the input position.
            let (x, y) = (Double(column) - cx, cy - Double(row))
            let (xs, ys) = (cosA * x + sinA * y, -sinA * x + cosA * y)
            return (cy - ys, cx + xs)
        }
    }

    /// The map applied to `channels` planes of inputHeight × inputWidth.
    func apply(_ x: [Float], channels: Int) -> [Float] {
        let (inPlane, outPlane) = (inputHeight * inputWidth, outputHeight * outputWidth)
        var y = [Float](repeating: 0, count: channels * outPlane)
        for c in 0..<channels {
            for p in 0..<outPlane {
                var sum = constants.isEmpty ? 0 : constants[p]
                for k in 4 * p..<4 * p + 4 where sources[k] >= 0 { sum += weights[k] * x[c * inPlane + sources[k]] }
                y[c * outPlane + p] = sum
            }
        }
        return y
    }

    /// The transpose of the map's linear part applied to a gradient with respect to its output.
    func adjoint(_ g: [Float], channels: Int) -> [Float] {
        let (inPlane, outPlane) = (inputHeight * inputWidth, outputHeight * outputWidth)
        var x = [Float](repeating: 0, count: channels * inPlane)
        for c in 0..<channels {
            for p in 0..<outPlane {
                for k in 4 * p..<4 * p + 4 where sources[k] >= 0 { x[c * inPlane + sources[k]] += weights[k] * g[c * outPlane + p] }
            }
        }
        return x
    }
}
