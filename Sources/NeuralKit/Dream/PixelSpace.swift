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
}
