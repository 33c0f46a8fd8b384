import Foundation
import StimulusKit

/// Lucid's image parametrisation (`param.image(w, fft=True, decorrelate=True)`, Olah et al. 2017):
/// each colour channel is the inverse real DFT of a half spectrum scaled by 1/f, divided by 4; the
/// three channels are mixed by the square root of ImageNet's colour correlation (so the parameters
/// are decorrelated colours) and squashed by a sigmoid into display drive levels (0…1, byte / 255).
///
/// The parameters are, per colour channel, the real then the imaginary half spectrum:
/// [3 × 2 × H × (W/2 + 1)]. Where Lucid keeps one extra frequency for an odd width and crops a
/// pixel afterwards, this transform gives exactly W columns (numpy's `irfft2` with s = (H, W)).
struct FourierImage: Sendable {
    let dft: InverseRealDFT2D
    /// [H × frequencies]: Lucid's 1/f scale 1 / max(|f|, 1 / max(H, W)) · √(H·W), |f| in cycles/px.
    let spectrumScale: [Float]

    /// Lucid's `color_correlation_svd_sqrt` divided by its largest column norm; row c gives the
    /// display channel c (R, G, B) per unit of each decorrelated colour.
    static let colourMixing: [[Float]] = {
        let root: [[Float]] = [[0.26, 0.09, 0.02], [0.27, 0.00, -0.05], [0.27, -0.09, 0.03]]
        let largestNorm = (0..<3).map { d in (0..<3).map { root[$0][d] * root[$0][d] }.reduce(0, +).squareRoot() }.max()!
        return root.map { $0.map { $0 / largestNorm } }
    }()

    /// Lucid's constant dividing the inverse transform ("magic" 4).
    static let divisor: Float = 4
    /// Standard deviation of the initial spectrum (Lucid's sd 0.01).
    static let initialDeviation = 0.01

    init(height: Int, width: Int) {
        dft = InverseRealDFT2D(height: height, width: width)
        let f = dft.frequencies, floor = 1 / Double(max(height, width)), root = Double(height * width).squareRoot()
        spectrumScale = (0..<height * f).map { index in
            let ky = index / f, kx = index % f
            // numpy's fftfreq: ky/H up to the middle, then (ky − H)/H.
            let fy = Double(ky < (height + 1) / 2 ? ky : ky - height) / Double(height), fx = Double(kx) / Double(width)
            return Float(root / max((fx * fx + fy * fy).squareRoot(), floor))
        }
    }

    var height: Int { dft.height }
    var width: Int { dft.width }
    /// Elements of one channel's real (or imaginary) half spectrum.
    private var half: Int { dft.height * dft.frequencies }
    /// Number of parameters.
    var parameterCount: Int { 3 * 2 * half }

    /// Lucid's initial parameters: independent normal deviates of sd 0.01.
    func initialParameters(random: inout SeededGenerator) -> [Float] {
        (0..<parameterCount).map { _ in Float(random.normal() * Self.initialDeviation) }
    }

    /// The image [3 × H × W] in display drive levels (0…1), R, G, B planes.
    func pixels(_ parameters: [Float]) -> [Float] {
        let plane = height * width
        var decorrelated = [Float]()
        decorrelated.reserveCapacity(3 * plane)
        for channel in 0..<3 {
            let real = (0..<half).map { parameters[(2 * channel) * half + $0] * spectrumScale[$0] }
            let imaginary = (0..<half).map { parameters[(2 * channel + 1) * half + $0] * spectrumScale[$0] }
            decorrelated += dft.image(real: real, imaginary: imaginary).map { $0 / Self.divisor }
        }
        var out = [Float](repeating: 0, count: 3 * plane)
        for c in 0..<3 {
            let m = Self.colourMixing[c]
            for p in 0..<plane {
                let u = m[0] * decorrelated[p] + m[1] * decorrelated[plane + p] + m[2] * decorrelated[2 * plane + p]
                out[c * plane + p] = 1 / (1 + exp(-u))
            }
        }
        return out
    }

    /// The gradient with respect to the parameters, given the image `pixels` they gave and the
    /// gradient `pixelGradient` [3 × H × W] with respect to it.
    func gradient(pixels: [Float], pixelGradient: [Float]) -> [Float] {
        let plane = height * width
        let beforeSigmoid = (0..<3 * plane).map { pixelGradient[$0] * pixels[$0] * (1 - pixels[$0]) }
        var gradient = [Float](repeating: 0, count: parameterCount)
        for d in 0..<3 {
            let (m0, m1, m2) = (Self.colourMixing[0][d], Self.colourMixing[1][d], Self.colourMixing[2][d])
            let channelImage = (0..<plane).map { p in
                (m0 * beforeSigmoid[p] + m1 * beforeSigmoid[plane + p] + m2 * beforeSigmoid[2 * plane + p]) / Self.divisor
            }
            let (real, imaginary) = dft.adjoint(channelImage)
            for i in 0..<half {
                gradient[(2 * d) * half + i] = real[i] * spectrumScale[i]
                gradient[(2 * d + 1) * half + i] = imaginary[i] * spectrumScale[i]
            }
        }
        return gradient
    }
}
