import Foundation

/// Software gamma correction: linear light → 8-bit drive codes through a profile's inverse transfer
/// functions, exactly rounded. For each gun the 255 thresholds `decode((k + 0.5)/255)` split linear
/// light into codes; a coarse table gives a first guess that a short walk over the thresholds corrects.
struct DisplayEncoder: Sendable {
    static let bins = 4096
    /// Gun g's threshold k sits at `g × 256 + k`: the linear value from which code k + 1 is nearer than
    /// code k (entry 255 is +∞ as a sentinel).
    let thresholds: [Float]
    /// Gun g's first-guess code for linear values in bin i sits at `g × bins + i`.
    let guess: [UInt8]

    init(profile: MonitorProfile) {
        var t = [Float](repeating: .infinity, count: 3 * 256)
        var g = [UInt8](repeating: 0, count: 3 * Self.bins)
        for (gun, f) in profile.transfer.guns.enumerated() {
            for k in 0..<255 {
                // The smallest float at or above the exact threshold, so that `v >= threshold` holds
                // for a float v exactly when v lies at or above the threshold itself.
                let exact = f.decode((Double(k) + 0.5) / 255)
                let nearest = Float(exact)
                t[gun * 256 + k] = Double(nearest) < exact ? nearest.nextUp : nearest
            }
            var c = 0
            for i in 0..<Self.bins {
                let v = Float(i) / Float(Self.bins)
                while c < 255 && v >= t[gun * 256 + c] { c += 1 }
                g[gun * Self.bins + i] = UInt8(c)
            }
        }
        thresholds = t
        guess = g
    }

    /// The 8-bit code for linear value `v`, given one gun's thresholds and guesses; values outside
    /// 0...1 clamp and NaN gives 0.
    @inline(__always)
    static func code(_ v: Float, _ t: UnsafePointer<Float>, _ g: UnsafePointer<UInt8>) -> UInt8 {
        guard v > 0 else { return 0 }
        guard v < 1 else { return 255 }
        var c = Int(g[Int(v * Float(bins))])
        while v >= t[c] { c += 1 }
        return UInt8(c)
    }

    /// The 8-bit code for linear value `v` (0...1) of gun 0, 1 or 2.
    func code(_ v: Float, gun: Int) -> UInt8 {
        thresholds.withUnsafeBufferPointer { t in guess.withUnsafeBufferPointer { g in
            Self.code(v, t.baseAddress! + gun * 256, g.baseAddress! + gun * Self.bins)
        }}
    }

    func encode(_ image: LinearImage) -> DisplayImage {
        let w = image.width, h = image.height
        var out = [UInt8](repeating: 255, count: w * h * 4)
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                thresholds.withUnsafeBufferPointer { tb in
                    guess.withUnsafeBufferPointer { gb in
                        let s = SendablePointer(src.baseAddress), d = SendablePointer(dst.baseAddress)
                        let t = SendablePointer(tb.baseAddress), g = SendablePointer(gb.baseAddress)
                        parallelRows(h) { y in
                            let sp = s.pointer! + y * w * 3, dp = d.pointer! + y * w * 4
                            let t0 = UnsafePointer(t.pointer!), g0 = UnsafePointer(g.pointer!)
                            for x in 0..<w {
                                for c in 0..<3 {
                                    dp[x * 4 + c] = Self.code(sp[x * 3 + c], t0 + c * 256, g0 + c * Self.bins)
                                }
                            }
                        }
                    }
                }
            }
        }
        return DisplayImage(width: w, height: h, pixels: out)
    }
}
