import Foundation

/// Quadrature pairs of Gabor filters for one spatial-frequency band, one pair per orientation.
///
/// Even filter `G(x, y) cos(2π f u)`, odd filter `G(x, y) sin(2π f u)`, with `u = n · (x, y)`,
/// `n = (−sin θ, cos θ)` the bars' normal (x rightwards, y upwards, as StimulusKit draws gratings)
/// and `G` a Gaussian envelope, σ across and along the bars from `V1Configuration.filters(band:)`
/// (circular, of σ from `V1Configuration.envelopeSigmaDeg`, on the regular grid). The even filter's DC
/// is removed, so uniform fields give no response. Each filter is scaled so that a sinusoidal
/// grating of contrast 1 at its orientation and frequency, in its own phase, gives a response of 1:
/// a quadrature pair's energy `√(even² + odd²)` reads the grating's contrast amplitude.
public struct GaborBank: Sendable {
    /// Preferred spatial frequency (cycles/deg).
    public let cpd: Double
    /// The band's nominal envelope standard deviation, `envelopeSigmaDeg(cpd:)` (px); sets the stride.
    public let sigmaPx: Double
    /// Kernel side (px, odd).
    public let size: Int
    /// Distance between neighbouring receptive-field centres (px).
    public let stride: Int
    /// `[orientations × 2, 1, size, size]`: for each orientation its even then its odd filter.
    public let weights: Tensor

    /// Odd kernel side covering ±`extent` σ.
    static func kernelSize(sigmaPx: Double, extent: Double) -> Int { 2 * Int((extent * sigmaPx).rounded(.up)) + 1 }

    public init(cpd: Double, configuration c: V1Configuration) {
        self.cpd = cpd
        let ppd = c.pixelsPerDegree
        sigmaPx = c.envelopeSigmaDeg(cpd: cpd) * ppd
        let filters = c.spatialFrequenciesCpd.firstIndex(of: cpd).map { c.filters(band: $0) }
            ?? c.regularGridFilters(cpd: cpd)
        // One kernel side for the band: the widest envelope's, cut at the input's size.
        let widest = filters.map { max($0.sigmaAcrossDeg, $0.sigmaAlongDeg) * ppd }.max() ?? sigmaPx
        let inputSide = c.inputSizePx.isMultiple(of: 2) ? c.inputSizePx - 1 : c.inputSizePx
        size = min(Self.kernelSize(sigmaPx: widest, extent: c.kernelExtentSigmas), inputSide)
        stride = max(1, Int((c.strideSigmas * sigmaPx).rounded()))
        let half = Double(size / 2)
        var data: [Float] = []
        data.reserveCapacity(filters.count * 2 * size * size)
        for filter in filters {
            let theta = filter.orientationDeg * Double.pi / 180, f = filter.cpd / ppd
            let (nx, ny) = (-sin(theta), cos(theta))
            let (across, along) = (filter.sigmaAcrossDeg * ppd, filter.sigmaAlongDeg * ppd)
            var envelope: [Double] = [], u: [Double] = []
            for row in 0..<size {
                for col in 0..<size {
                    let x = Double(col) - half, y = half - Double(row)
                    let (a, b) = (nx * x + ny * y, ny * x - nx * y)  // across and along the bars (px)
                    envelope.append(exp(-(a * a) / (2 * across * across) - (b * b) / (2 * along * along)))
                    u.append(2 * Double.pi * f * a)
                }
            }
            var even = zip(envelope, u).map { $0 * cos($1) }
            let odd = zip(envelope, u).map { $0 * sin($1) }
            let dc = even.reduce(0, +) / envelope.reduce(0, +)
            even = zip(even, envelope).map { $0 - dc * $1 }
            // Gain: response to cos(2π f u) (even) and sin(2π f u) (odd) made 1.
            let evenGain = zip(even, u).map { $0 * cos($1) }.reduce(0, +)
            let oddGain = zip(odd, u).map { $0 * sin($1) }.reduce(0, +)
            data += even.map { Float($0 / evenGain) }
            data += odd.map { Float($0 / oddGain) }
        }
        weights = Tensor(shape: [filters.count * 2, 1, size, size], data: data)
    }
}
