import Foundation

/// Pixel-coverage helpers: every hard edge is drawn as the fraction of a 1-px box filter it covers,
/// so thin lines and edges at any orientation come out without stair-steps.
enum Coverage {
    /// Fraction of the interval [u − h, u + h] (cycles) on which a square wave of period 1 is "on";
    /// the wave is on for u mod 1 in [0, duty). h = 0 samples the wave at u.
    @inline(__always)
    static func square(_ u: Float, halfWidth h: Float, duty d: Float) -> Float {
        guard h > 0 else { return u - floor(u) < d ? 1 : 0 }
        return (squareIntegral(u + h, duty: d) - squareIntegral(u - h, duty: d)) / (2 * h)
    }

    /// ∫₀ᵛ of the square wave that is 1 on [k, k + d): whole cycles give d each, plus the part of the last.
    @inline(__always)
    static func squareIntegral(_ v: Float, duty d: Float) -> Float {
        let k = floor(v)
        return k * d + min(v - k, d)
    }

    /// floor(v) for |v| < 2²², without a libm call, so loops over it vectorise: adding and removing
    /// 1.5 × 2²³ (where Float's spacing is exactly 1) rounds to an integer, which is stepped down when
    /// rounding went up.
    @inline(__always)
    static func floor(_ v: Float) -> Float {
        let r = (v + 0x1.8p23) - 0x1.8p23
        return r > v ? r - 1 : r
    }

    /// Length of the overlap of the 1-px box [t − 0.5, t + 0.5] with the interval [−a, a] (px), 0...1.
    @inline(__always)
    static func interval(_ t: Float, halfLength a: Float) -> Float {
        max(0, min(t + 0.5, a) - max(t - 0.5, -a))
    }

    /// Coverage of a pixel whose centre lies `signedDistance` px outside an edge (negative inside).
    @inline(__always)
    static func edge(_ signedDistance: Float) -> Float {
        min(max(0.5 - signedDistance, 0), 1)
    }
}

/// A waveform ready to evaluate: colour A's weight at phase u (cycles), box-filtered over ±h cycles.
struct WaveEvaluator: Sendable {
    let waveform: Waveform
    let contrast: Float
    let duty: Float

    init(_ m: Modulation) {
        waveform = m.waveform
        contrast = Float(m.contrast)
        duty = Float(m.dutyCycle)
    }

    @inline(__always)
    func weight(_ u: Float, halfWidth h: Float) -> Float {
        switch waveform {
        case .sine: return 0.5 + 0.5 * contrast * sin(2 * Float.pi * u)
        case .square: return 0.5 + 0.5 * contrast * (2 * Coverage.square(u, halfWidth: h, duty: duty) - 1)
        }
    }
}
