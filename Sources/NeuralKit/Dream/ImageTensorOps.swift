/// Spatial operations on [1, C, H, W] image tensors that dreaming needs.
enum ImageTensorOps {
    /// The image shifted circularly by `dx` px right and `dy` px down (numpy's `np.roll` on the
    /// last two axes), so that `roll(roll(x, dx, dy), −dx, −dy) == x` exactly.
    static func roll(_ x: Tensor, dx: Int, dy: Int) -> Tensor {
        let (c, h, w) = (x.shape[1], x.shape[2], x.shape[3])
        var out = Tensor(shape: x.shape)
        for plane in 0..<c {
            let base = plane * h * w
            for y in 0..<h {
                let ty = ((y + dy) % h + h) % h
                for xi in 0..<w {
                    let tx = ((xi + dx) % w + w) % w
                    out.data[base + ty * w + tx] = x.data[base + y * w + xi]
                }
            }
        }
        return out
    }

    /// Bilinear resampling to `height` × `width` px with corner pixels mapped onto corner pixels
    /// (scipy's `ndimage.zoom(order=1)`, as DeepDream resizes its octaves).
    static func resize(_ x: Tensor, height: Int, width: Int) -> Tensor {
        let (h, w) = (x.shape[2], x.shape[3])
        if h == height, w == width { return x }
        func position(_ n: Int, _ source: Int) -> (Int) -> Float {
            { i in n > 1 ? Float(i) * Float(source - 1) / Float(n - 1) : 0 }
        }
        return bilinear(x, height: height, width: width, row: position(height, h), column: position(width, w))
    }

    /// The centre `1 / factor` of the image magnified back to full size (a zoom into the image
    /// by `factor` > 1), bilinear with pixel centres aligned.
    static func zoomCentre(_ x: Tensor, factor: Float) -> Tensor {
        let (h, w) = (x.shape[2], x.shape[3])
        func position(_ n: Int) -> (Int) -> Float {
            { i in Float(n) / 2 + (Float(i) + 0.5 - Float(n) / 2) / factor - 0.5 }
        }
        return bilinear(x, height: h, width: w, row: position(h), column: position(w))
    }

    /// A `height` × `width` image whose pixel (y, x) interpolates the source at the fractional
    /// source position (row(y), column(x)) px, clamped to the source's edge pixels.
    private static func bilinear(_ x: Tensor, height: Int, width: Int, row: (Int) -> Float, column: (Int) -> Float) -> Tensor {
        let (c, h, w) = (x.shape[1], x.shape[2], x.shape[3])
        func taps(_ n: Int, _ source: Int, _ position: (Int) -> Float) -> [(Int, Int, Float)] {
            (0..<n).map { i in
                let p = min(max(position(i), 0), Float(source - 1))
                let low = Int(p)
                return (low, min(low + 1, source - 1), p - Float(low))
            }
        }
        let rows = taps(height, h, row), columns = taps(width, w, column)
        var out = Tensor(shape: [1, c, height, width])
        for plane in 0..<c {
            let source = plane * h * w, target = plane * height * width
            for (y, (y0, y1, fy)) in rows.enumerated() {
                for (xi, (x0, x1, fx)) in columns.enumerated() {
                    let top = x.data[source + y0 * w + x0] * (1 - fx) + x.data[source + y0 * w + x1] * fx
                    let bottom = x.data[source + y1 * w + x0] * (1 - fx) + x.data[source + y1 * w + x1] * fx
                    out.data[target + y * width + xi] = top * (1 - fy) + bottom * fy
                }
            }
        }
        return out
    }
}
