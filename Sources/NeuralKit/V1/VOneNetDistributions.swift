import Foundation
import StimulusKit

/// The neuronal distributions VOneNet (Dapello et al. 2020, `vonenet/params.py`) samples its Gabor
/// bank from, as binned histograms sampled uniformly within a bin (in log scale for frequency and size):
///
/// - orientation: De Valois, Yund & Hepler (1982), counts 66, 49, 77, 54 in 45°-wide bins centred on
///   0°, 45°, 90° and 135° (more cells prefer the cardinal orientations);
/// - spatial frequency: De Valois, Albrecht & Thorell (1982), counts 4, 4, 8, 25, 32, 26, 28, 12, 8 in
///   half-octave bins from 0.5 to 11.2 cycles/deg (peak near 2 cycles/deg);
/// - envelope size in cycles, n_x = σ_x·f across and n_y = σ_y·f along the bars: Ringach (2002), a joint
///   histogram over log-spaced bins from 0.1 to 10^0.2 (n_x's marginal, then n_y given n_x's bin).
public enum VOneNetDistributions {
    /// Orientation bin edges (deg) and counts; negative angles wrap to +180.
    public static let orientationEdgesDeg = [-22.5, 22.5, 67.5, 112.5, 157.5]
    public static let orientationCounts = [66.0, 49, 77, 54]
    /// Spatial-frequency bin edges (cycles/deg) and counts.
    public static let frequencyEdgesCpd = [0.5, 0.7, 1.0, 1.4, 2.0, 2.8, 4.0, 5.6, 8, 11.2]
    public static let frequencyCounts = [4.0, 4, 8, 25, 32, 26, 28, 12, 8]
    /// Size bin edges (cycles), 10^(−1 + 0.24 i) for i = 0…5, and the joint counts [n_x bin][n_y bin].
    public static let sizeEdgesCycles = (0...5).map { pow(10, -1 + 0.24 * Double($0)) }
    public static let sizeJointCounts: [[Double]] = [
        [2, 0, 1, 0, 0],
        [8, 9, 4, 1, 0],
        [1, 2, 19, 17, 3],
        [0, 0, 1, 7, 4],
        [0, 0, 0, 0, 0],
    ]

    /// One filter: orientation and size from their histograms, frequency from its histogram
    /// restricted to `cpdWithin` (the part of each bin inside the range keeps its share of the bin's count).
    public static func draw(_ random: inout SeededGenerator, cpdWithin range: ClosedRange<Double>) -> GaborFilterSpec {
        var orientation = sample(&random, edges: orientationEdgesDeg, counts: orientationCounts, logScale: false)
        if orientation < 0 { orientation += 180 }
        let cpd = sample(&random, edges: frequencyEdgesCpd, counts: frequencyCounts, logScale: true, within: range)
        let nx = sample(&random, edges: sizeEdgesCycles, counts: sizeJointCounts.map { $0.reduce(0, +) }, logScale: true)
        let row = sizeEdgesCycles.lastIndex { $0 <= nx }.map { min($0, sizeJointCounts.count - 1) } ?? 0
        let ny = sample(&random, edges: sizeEdgesCycles, counts: sizeJointCounts[row], logScale: true)
        return GaborFilterSpec(orientationDeg: orientation, cpd: cpd, sigmaAcrossDeg: nx / cpd, sigmaAlongDeg: ny / cpd)
    }

    /// A value from a histogram with `edges` (count + 1, ascending) and `counts`, uniform within a
    /// bin (in log scale when `logScale`), restricted to `range` when given.
    static func sample(_ random: inout SeededGenerator, edges: [Double], counts: [Double], logScale: Bool,
                       within range: ClosedRange<Double>? = nil) -> Double {
        let scale: (Double) -> Double = logScale ? { log($0) } : { $0 }
        let unscale: (Double) -> Double = logScale ? { exp($0) } : { $0 }
        var pieces: [(low: Double, high: Double, mass: Double)] = []
        for i in counts.indices {
            let low = scale(max(edges[i], range?.lowerBound ?? edges[i])), high = scale(min(edges[i + 1], range?.upperBound ?? edges[i + 1]))
            guard high > low, counts[i] > 0 else { continue }
            pieces.append((low, high, counts[i] * (high - low) / (scale(edges[i + 1]) - scale(edges[i]))))
        }
        precondition(!pieces.isEmpty, "the histogram has no mass in the range")
        var u = random.unit() * pieces.reduce(0) { $0 + $1.mass }
        for piece in pieces {
            if u < piece.mass { return unscale(piece.low + (piece.high - piece.low) * u / piece.mass) }
            u -= piece.mass
        }
        return unscale(pieces[pieces.count - 1].high)
    }
}
