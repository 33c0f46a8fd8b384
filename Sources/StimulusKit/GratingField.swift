import CPixelKernels
import Foundation

/// A linear grating's weight field. The phase (cycles) at offset (X, Y) px from the centre is
/// `u = f (n · (X, Y)) + phase/360 − drift × t`, with f in cycles/px and n = (−sin θ, cos θ) the
/// normal of bars at orientation θ. Column and row terms are precomputed, so a sine costs two
/// multiplies and an add per pixel: sin(a + b) = sin a cos b + cos a sin b.
struct GratingField: WeightField {
    let rect: PixelRect
    let fx: Double, fy: Double
    let rowPhase: Double
    let wave: WaveEvaluator
    /// Per column of `rect`: the column's phase term (cycles) and, for sines, its sin and cos.
    let columnPhase: [Float], columnSin: [Float], columnCos: [Float]
    /// Half a pixel in cycles along the normal (box filter for square waves).
    let halfPixel: Float

    init(_ g: Grating, rect: PixelRect, pixelsPerDegree ppd: Double, time: Double) {
        let theta = g.orientationDeg * Double.pi / 180
        let f = g.cyclesPerDegree / ppd
        self.rect = rect
        fx = -sin(theta) * f
        fy = cos(theta) * f
        rowPhase = g.modulation.phaseDeg / 360 - g.driftCyclesPerS * time
        wave = WaveEvaluator(g.modulation)
        // A 1-px box along the normal; beyond one cycle per two pixels' worth the box is held at two
        // cycles wide, where it averages to the duty cycle.
        halfPixel = Float(min(0.5 * f, 1))
        let fxLocal = fx
        let cols = (rect.x0..<rect.x1).map { fxLocal * rect.dx($0) }
        columnPhase = cols.map { Float($0 - $0.rounded(.down)) }
        if g.modulation.waveform == .sine {
            columnSin = cols.map { Float(sin(2 * Double.pi * $0)) }
            columnCos = cols.map { Float(cos(2 * Double.pi * $0)) }
        } else {
            columnSin = []
            columnCos = []
        }
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        let r = fy * rect.dy(y) + rowPhase
        let start = x0 - rect.x0
        switch wave.waveform {
        case .sine:
            columnSin.withUnsafeBufferPointer { s in
                columnCos.withUnsafeBufferPointer { c in
                    stimgen_sine_weights(s.baseAddress! + start, c.baseAddress! + start, count, Float(sin(2 * Double.pi * r)),
                                         Float(cos(2 * Double.pi * r)), 0.5 * wave.contrast, w)
                }
            }
        case .square:
            // Phases lie in [0, 2): column term in [0, 1), row term in [0, 1).
            columnPhase.withUnsafeBufferPointer { u in
                stimgen_square_wave_weights(u.baseAddress! + start, count, Float(r - r.rounded(.down)), halfPixel,
                                            wave.duty, wave.contrast, w)
            }
        }
    }
}

/// A sum of sine gratings about 0.5: `0.5 + Σ (wᵢ − 0.5)`.
struct PlaidField: WeightField {
    let components: [GratingField]
    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        for i in 0..<count { w[i] = 0.5 }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { c in
            for g in components {
                g.weights(y: y, x0: x0, count: count, into: c.baseAddress!)
                for i in 0..<count { w[i] += c[i] - 0.5 }
            }
        }
    }
}

/// A grating whose modulation is scaled by a separable circular Gaussian, `exp(−(X² + Y²)/2σ²)`.
struct GaborField: WeightField {
    let grating: GratingField
    let rect: PixelRect
    let columnEnvelope: [Float]
    let sigmaPx: Double

    init(_ g: Gabor, rect: PixelRect, pixelsPerDegree ppd: Double, time: Double) {
        grating = GratingField(g.grating, rect: rect, pixelsPerDegree: ppd, time: time)
        self.rect = rect
        sigmaPx = g.sigmaDeg * ppd
        let s = sigmaPx
        columnEnvelope = (rect.x0..<rect.x1).map { Float(exp(-pow(rect.dx($0), 2) / (2 * s * s))) }
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        grating.weights(y: y, x0: x0, count: count, into: w)
        let ey = Float(exp(-pow(rect.dy(y), 2) / (2 * sigmaPx * sigmaPx)))
        let start = x0 - rect.x0
        for i in 0..<count { w[i] = 0.5 + (w[i] - 0.5) * columnEnvelope[start + i] * ey }
    }
}
