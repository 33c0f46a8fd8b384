import StimulusKit

/// How a model-input tensor relates to 8-bit display levels under its preprocessing
/// (t = (byte/255 · scale − mean) / std per channel): the valid range dreaming clips to, the size
/// of one level, and the way back to a displayable image.
public struct PixelSpace: Sendable {
    public var preprocessing: Preprocessing

    public init(_ preprocessing: Preprocessing) { self.preprocessing = preprocessing }

    /// Tensor units per 8-bit level in model channel `c`.
    public func levelStep(_ c: Int) -> Float { preprocessing.scale / (255 * preprocessing.std[c]) }

    /// The tensor values of bytes 0 and 255 in model channel `c`.
    public func range(_ c: Int) -> ClosedRange<Float> {
        let (m, s) = (preprocessing.mean[c], preprocessing.std[c])
        return (0 - m) / s...(preprocessing.scale - m) / s
    }

    /// `x` with every value clipped to its channel's valid range.
    public func clipped(_ x: Tensor) -> Tensor {
        var out = x
        let plane = x.shape[2] * x.shape[3]
        for c in 0..<x.shape[1] {
            let r = range(c)
            for i in c * plane..<(c + 1) * plane { out.data[i] = min(max(out.data[i], r.lowerBound), r.upperBound) }
        }
        return out
    }

    /// The opaque 8-bit image a [1, 3, H, W] tensor encodes (rounded, clipped to 0…255).
    public func displayImage(_ x: Tensor) -> DisplayImage {
        let (h, w) = (x.shape[2], x.shape[3])
        var pixels = [UInt8](repeating: 255, count: h * w * 4)
        for c in 0..<3 {
            let target = preprocessing.channelOrder == .rgb ? c : 2 - c
            let (m, s) = (preprocessing.mean[c], preprocessing.std[c])
            for p in 0..<h * w {
                let level = (x.data[c * h * w + p] * s + m) / preprocessing.scale * 255
                pixels[p * 4 + target] = UInt8(min(max(level.rounded(), 0), 255))
            }
        }
        return DisplayImage(width: w, height: h, pixels: pixels)
    }

    /// The model-input tensor [1, 3, H, W] of an image given as display drive levels `levels`
    /// [3 × H × W] (0…1, byte / 255, R, G, B planes), unquantised: (level · scale − mean) / std per
    /// model channel, in the model's channel order.
    func tensor(levels: [Float], height: Int, width: Int) -> Tensor {
        let plane = height * width
        var t = Tensor(shape: [1, 3, height, width])
        for c in 0..<3 {
            let source = sourcePlane(c), (m, s) = (preprocessing.mean[c], preprocessing.std[c])
            for p in 0..<plane { t.data[c * plane + p] = (levels[source * plane + p] * preprocessing.scale - m) / s }
        }
        return t
    }

    /// The adjoint of `tensor(levels:)`: a gradient with respect to the model input as one with
    /// respect to the drive levels [3 × H × W].
    func levelGradient(_ g: Tensor) -> [Float] {
        let plane = g.shape[2] * g.shape[3]
        var levels = [Float](repeating: 0, count: 3 * plane)
        for c in 0..<3 {
            let source = sourcePlane(c), factor = preprocessing.scale / preprocessing.std[c]
            for p in 0..<plane { levels[source * plane + p] = g.data[c * plane + p] * factor }
        }
        return levels
    }

    /// The R, G, B plane (0, 1, 2) that model channel `c` holds.
    private func sourcePlane(_ c: Int) -> Int { preprocessing.channelOrder == .rgb ? c : 2 - c }
}
