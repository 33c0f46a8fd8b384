import CPixelKernels
import Foundation

/// Pixel-coverage helpers: every hard edge is drawn as the fraction of a 1-px box filter it covers,
/// so thin lines and edges at any orientation come out without stair-steps.
enum Coverage {
    /// Fraction of the interval [u − h, u + h] (cycles) on which a square wave of period 1 is "on";
    /// the wave is on for u mod 1 in [0, duty). h = 0 samples the wave at u. The same integral as
    /// the grating's row kernel (`stimgen_square_wave_integral`).
    @inline(__always)
    static func square(_ u: Float, halfWidth h: Float, duty d: Float) -> Float {
        guard h > 0 else { return u - stimgen_floor_small(u) < d ? 1 : 0 }
        return (stimgen_square_wave_integral(u + h, d) - stimgen_square_wave_integral(u - h, d)) / (2 * h)
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
