import StimulusKit

/// The model's first stage: linear RGB → cone excitations through the monitor profile → DKL cone
/// contrasts around the background (StimulusKit's `ConeSpace`): three opponent channels,
/// luminance, L−M and S−(L+M), each 0 where the image equals the background.
public struct ConeContrastInput: Sendable {
    /// Rows: the DKL (luminance, L−M, S−(L+M)) contrast per unit of linear R, G and B above the background.
    public let rgbToDKL: [SIMD3<Double>]
    /// The background (linear RGB, 0…1 per gun).
    public let background: SIMD3<Double>

    /// Fails when the background is black (cone contrast is undefined there).
    public init(profile: MonitorProfile, background: SIMD3<Double>) throws {
        let cones = ConeSpace(profile: profile)
        let columns = try (0..<3).map { gun -> SIMD3<Double> in
            var e = SIMD3<Double>(0, 0, 0)
            e[gun] = 1
            guard let c = cones.dkl(rgb: background + e, background: background) else {
                throw NeuralError("V1 model: the background \(background) (linear RGB) is black; cone contrast needs a lit background")
            }
            return c
        }
        rgbToDKL = (0..<3).map { SIMD3(columns[0][$0], columns[1][$0], columns[2][$0]) }
        self.background = background
    }

    /// `[1, 3, height, width]`: luminance, L−M and S−(L+M) contrast planes of `image`.
    public func tensor(_ image: LinearImage) -> Tensor {
        let n = image.width * image.height
        var out = Tensor(shape: [1, 3, image.height, image.width])
        let m = rgbToDKL.map { SIMD3<Float>($0) }
        let bg = SIMD3<Float>(background)
        image.pixels.withUnsafeBufferPointer { px in
            out.data.withUnsafeMutableBufferPointer { o in
                for i in 0..<n {
                    let d = SIMD3(px[3 * i], px[3 * i + 1], px[3 * i + 2]) - bg
                    for channel in 0..<3 { o[channel * n + i] = (m[channel] * d).sum() }
                }
            }
        }
        return out
    }
}
