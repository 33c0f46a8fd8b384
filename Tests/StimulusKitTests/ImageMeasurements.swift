import Foundation
@testable import StimulusKit

/// Measurements made on rendered pixels, independent of the renderer's own formulas.
enum Measure {
    /// Relative luminance (0…1) of every pixel under the standard sRGB profile's Y row
    /// (0.2126, 0.7152, 0.0722, IEC 61966-2-1), row-major.
    static func luminance(_ image: LinearImage) -> [Double] {
        (0..<(image.width * image.height)).map { (i: Int) -> Double in
            let r = Double(image.pixels[3 * i]), g = Double(image.pixels[3 * i + 1]), b = Double(image.pixels[3 * i + 2])
            return 0.2126 * r + 0.7152 * g + 0.0722 * b
        }
    }

    /// Positions (px, fractional, linear interpolation) where `values` rises through `level`.
    static func risingCrossings(_ values: [Double], level: Double) -> [Double] {
        var out: [Double] = []
        for i in 1..<values.count where values[i - 1] < level && values[i] >= level {
            out.append(Double(i - 1) + (level - values[i - 1]) / (values[i] - values[i - 1]))
        }
        return out
    }

    /// Bar orientation (deg, anticlockwise from horizontal, 0…180) of a grating of known frequency
    /// `cyclesPerPx`: the angle of the Hann-windowed Fourier amplitude peak, searched on a 1° grid
    /// and refined to 0.02°.
    static func orientation(_ image: LinearImage, cyclesPerPx f: Double) -> Double {
        let lum = luminance(image)
        let mean = lum.reduce(0, +) / Double(lum.count)
        let w = image.width, h = image.height
        var windowed = [Double](repeating: 0, count: lum.count)
        for y in 0..<h {
            for x in 0..<w {
                let hann = sin(Double.pi * (Double(x) + 0.5) / Double(w)) * sin(Double.pi * (Double(y) + 0.5) / Double(h))
                windowed[y * w + x] = (lum[y * w + x] - mean) * hann * hann
            }
        }
        func amplitude(_ normalDeg: Double) -> Double {
            let a = normalDeg * Double.pi / 180
            let kx = cos(a) * f, ky = sin(a) * f
            var re = 0.0, im = 0.0
            for y in 0..<h {
                let Y = -Double(y)   // y up
                for x in 0..<w {
                    let p = 2 * Double.pi * (kx * Double(x) + ky * Y)
                    re += windowed[y * w + x] * cos(p)
                    im += windowed[y * w + x] * sin(p)
                }
            }
            return re * re + im * im
        }
        var best = stride(from: 0.0, to: 180, by: 1).max { amplitude($0) < amplitude($1) }!
        best = stride(from: best - 1, through: best + 1, by: 0.02).max { amplitude($0) < amplitude($1) }!
        // The normal points at bars + 90°.
        var bars = best - 90
        while bars < 0 { bars += 180 }
        while bars >= 180 { bars -= 180 }
        return bars
    }
}
