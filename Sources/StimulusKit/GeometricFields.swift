import CPixelKernels
import Foundation

/// Checks of side `check` px, a corner at the centre: the product of two box-filtered square waves.
struct CheckerboardField: WeightField {
    let rect: PixelRect
    let columnCoverage: [Float]
    let periodPx: Double

    init(_ p: Checkerboard, rect: PixelRect, pixelsPerDegree ppd: Double) {
        self.rect = rect
        periodPx = 2 * p.checkSizeDeg * ppd
        let period = periodPx
        columnCoverage = (rect.x0..<rect.x1).map { Coverage.square(Float(rect.dx($0) / period), halfWidth: Float(0.5 / period), duty: 0.5) }
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        let cy = Coverage.square(Float(rect.dy(y) / periodPx), halfWidth: Float(0.5 / periodPx), duty: 0.5)
        let start = x0 - rect.x0
        for i in 0..<count {
            let cx = columnCoverage[start + i]
            w[i] = cx * cy + (1 - cx) * (1 - cy)
        }
    }
}

/// Offsets (px) of each column or row of a rect from the nearest multiple of `spacing` px.
private func gridOffsets(_ range: Range<Int>, spacing: Double, offset: (Int) -> Double) -> [Float] {
    range.map { let d = offset($0); return Float(d - spacing * (d / spacing).rounded()) }
}

/// Discs of radius `r` px on a square lattice of pitch `s` px, one at the centre; edge coverage from
/// the distance to the nearest disc centre.
struct CircleGridField: WeightField {
    let rect: PixelRect
    let spacingPx: Double
    let radiusPx: Float
    let columnOffset: [Float]

    init(_ p: CircleGrid, rect: PixelRect, pixelsPerDegree ppd: Double) {
        self.rect = rect
        spacingPx = p.spacingDeg * ppd
        radiusPx = Float(p.diameterDeg * ppd / 2)
        columnOffset = gridOffsets(rect.x0..<rect.x1, spacing: p.spacingDeg * ppd, offset: rect.dx)
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        let d = rect.dy(y)
        let dy = Float(d - spacingPx * (d / spacingPx).rounded())
        let start = x0 - rect.x0
        // A row at least half a pixel beyond every disc's rim (|dy| ≥ r + 0.5) is background throughout.
        guard abs(dy) < radiusPx + 0.5 else {
            w.initialize(repeating: 0, count: count)
            return
        }
        columnOffset.withUnsafeBufferPointer { offsets in
            stimgen_disc_weights(offsets.baseAddress! + start, count, dy, radiusPx, w)
        }
    }
}

/// Upright plus signs on a square lattice: the union of a horizontal and a vertical bar, each covered
/// exactly per axis by a 1-px box.
struct CrossGridField: WeightField {
    let rect: PixelRect
    let spacingPx: Double
    let halfLength: Float, halfWidth: Float
    let columnLong: [Float], columnThin: [Float]

    init(_ p: CrossGrid, rect: PixelRect, pixelsPerDegree ppd: Double) {
        self.rect = rect
        spacingPx = p.spacingDeg * ppd
        let hl = Float(p.armLengthDeg * ppd / 2), hw = Float(p.lineWidthDeg * ppd / 2)
        halfLength = hl
        halfWidth = hw
        let offsets = gridOffsets(rect.x0..<rect.x1, spacing: p.spacingDeg * ppd, offset: rect.dx)
        columnLong = offsets.map { Coverage.interval($0, halfLength: hl) }
        columnThin = offsets.map { Coverage.interval($0, halfLength: hw) }
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        let d = rect.dy(y)
        let dy = Float(d - spacingPx * (d / spacingPx).rounded())
        let rowLong = Coverage.interval(dy, halfLength: halfLength), rowThin = Coverage.interval(dy, halfLength: halfWidth)
        let start = x0 - rect.x0
        for i in 0..<count {
            let h = columnLong[start + i] * rowThin, v = columnThin[start + i] * rowLong
            w[i] = h + v - h * v
        }
    }
}

/// Rings around the centre: the waveform of `radius × f + phase`, box-filtered over one pixel radially.
struct ConcentricField: WeightField {
    let rect: PixelRect
    let cyclesPerPx: Float
    let phase: Float
    let wave: WaveEvaluator

    init(_ p: ConcentricRings, rect: PixelRect, pixelsPerDegree ppd: Double) {
        self.rect = rect
        cyclesPerPx = Float(p.cyclesPerDegree / ppd)
        phase = Float(p.modulation.phaseDeg / 360)
        wave = WaveEvaluator(p.modulation)
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        let dy = Float(rect.dy(y))
        for i in 0..<count {
            let dx = Float(rect.dx(x0 + i))
            w[i] = wave.weight((dx * dx + dy * dy).squareRoot() * cyclesPerPx + phase, halfWidth: 0.5 * cyclesPerPx)
        }
    }
}

/// Sectors around the centre: the waveform of `angle/2π × n + phase`; a pixel at radius r px spans
/// 1/r rad, so the box filter widens towards the centre.
struct RadialField: WeightField {
    let rect: PixelRect
    let cycles: Float
    let phase: Float
    let wave: WaveEvaluator

    init(_ p: Radial, rect: PixelRect) {
        self.rect = rect
        cycles = Float(p.cyclesPerRevolution)
        phase = Float(p.modulation.phaseDeg / 360)
        wave = WaveEvaluator(p.modulation)
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        let dy = Float(rect.dy(y))
        for i in 0..<count {
            let dx = Float(rect.dx(x0 + i))
            let r = max((dx * dx + dy * dy).squareRoot(), 0.5)
            let u = atan2(dy, dx) / (2 * Float.pi) * cycles + phase
            w[i] = wave.weight(u, halfWidth: min(0.5 * cycles / (2 * Float.pi * r), 1))
        }
    }
}

/// Square noise elements of `e` px, values from a counter-based hash of (seed, column, row), so any
/// pixel's value is independent of image size and rendering order.
struct NoiseField: WeightField {
    let rect: PixelRect
    let elementPx: Double
    let seed: UInt64
    let distribution: Noise.Distribution
    let contrast: Float

    init(_ p: Noise, rect: PixelRect, pixelsPerDegree ppd: Double) {
        self.rect = rect
        elementPx = p.elementSizeDeg * ppd
        seed = p.seed
        distribution = p.distribution
        contrast = Float(p.contrast)
    }

    /// SplitMix64 finaliser: a stateless hash of one element's counter (the first output of a
    /// generator seeded with it).
    static func mix(_ z0: UInt64) -> UInt64 {
        var generator = SeededGenerator(seed: z0)
        return generator.next()
    }

    /// Uniform value in [0, 1) for element (i, j).
    func value(_ i: Int64, _ j: Int64) -> Float {
        let h = Self.mix(Self.mix(seed ^ UInt64(bitPattern: i)) ^ UInt64(bitPattern: j &* 0x632B_E59B_D9B4_E019))
        return Float(h >> 40) / Float(1 << 24)
    }

    func weights(y: Int, x0: Int, count: Int, into w: UnsafeMutablePointer<Float>) {
        let j = Int64((rect.dy(y) / elementPx).rounded(.down))
        for k in 0..<count {
            let i = Int64((rect.dx(x0 + k) / elementPx).rounded(.down))
            let v = value(i, j)
            switch distribution {
            case .uniform: w[k] = 0.5 + contrast * (v - 0.5)
            case .binary: w[k] = 0.5 + contrast * (v < 0.5 ? -0.5 : 0.5)
            }
        }
    }
}
