import StimulusKit

/// Resizing and cropping of 8-bit RGBA images, for fitting photographs and PNGs to a model's input.
enum ImageResampling {
    /// Bilinear resampling with pixel centres aligned (source pixel x covers [x, x+1)). When
    /// shrinking, each output pixel averages ⌈factor⌉² bilinear samples spread over its footprint,
    /// so that fine gratings do not alias; close to, but not bit-identical with, PIL's antialiased
    /// resize that torchvision uses.
    static func bilinear(_ image: DisplayImage, width: Int, height: Int) -> DisplayImage {
        if image.width == width, image.height == height { return image }
        let sx = Double(image.width) / Double(width), sy = Double(image.height) / Double(height)
        let taps = (x: max(1, Int(sx.rounded(.up))), y: max(1, Int(sy.rounded(.up))))
        var out = [UInt8](repeating: 255, count: width * height * 4)
        func sample(_ x: Double, _ y: Double, _ c: Int) -> Double {
            let fx = min(max(x - 0.5, 0), Double(image.width - 1)), fy = min(max(y - 0.5, 0), Double(image.height - 1))
            let x0 = Int(fx), y0 = Int(fy)
            let x1 = min(x0 + 1, image.width - 1), y1 = min(y0 + 1, image.height - 1)
            let ax = fx - Double(x0), ay = fy - Double(y0)
            func at(_ x: Int, _ y: Int) -> Double { Double(image.pixels[(y * image.width + x) * 4 + c]) }
            return (at(x0, y0) * (1 - ax) + at(x1, y0) * ax) * (1 - ay) + (at(x0, y1) * (1 - ax) + at(x1, y1) * ax) * ay
        }
        for y in 0..<height {
            for x in 0..<width {
                for c in 0..<3 {
                    var sum = 0.0
                    for ty in 0..<taps.y {
                        for tx in 0..<taps.x {
                            sum += sample(Double(x) * sx + (Double(tx) + 0.5) * sx / Double(taps.x),
                                          Double(y) * sy + (Double(ty) + 0.5) * sy / Double(taps.y), c)
                        }
                    }
                    out[(y * width + x) * 4 + c] = UInt8(min(255, max(0, (sum / Double(taps.x * taps.y)).rounded())))
                }
            }
        }
        return DisplayImage(width: width, height: height, pixels: out)
    }

    /// The centred width × height region (the image must be at least that large).
    static func centreCrop(_ image: DisplayImage, width: Int, height: Int) -> DisplayImage {
        let left = (image.width - width) / 2, top = (image.height - height) / 2
        var out = [UInt8]()
        out.reserveCapacity(width * height * 4)
        for y in top..<top + height {
            let start = (y * image.width + left) * 4
            out.append(contentsOf: image.pixels[start..<start + width * 4])
        }
        return DisplayImage(width: width, height: height, pixels: out)
    }
}
