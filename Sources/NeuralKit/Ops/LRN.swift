import Foundation

/// Local response normalisation across channels (ONNX LRN, as in AlexNet and GoogLeNet):
/// y_c = x_c / (bias + alpha/size · Σ x_j²)^beta, the sum over channels
/// j in [c − ⌊(size−1)/2⌋, c + ⌈(size−1)/2⌉].
struct LRN: Operator {
    var size: Int
    var alpha: Float
    var beta: Float
    var bias: Float

    init(_ attributes: Attributes) throws {
        try attributes.allow(["alpha", "beta", "bias", "size"])
        size = try attributes.int("size", default: 0)
        guard size >= 1 else { throw NeuralError("attribute 'size' (channels) must be a positive integer, got \(size)") }
        alpha = try attributes.float("alpha", default: 0.0001)
        beta = try attributes.float("beta", default: 0.75)
        bias = try attributes.float("bias", default: 1)
    }

    /// s_c = bias + alpha/size · Σ_window x_j², for every element.
    private func scales(_ x: Tensor) -> [Float] {
        let channels = x.shape[1], pixels = x.shape[2...].reduce(1, *)
        let below = (size - 1) / 2, above = size - 1 - below
        let scale = alpha / Float(size)
        var s = [Float](repeating: 0, count: x.count)
        s.withUnsafeMutableBufferPointer { sb in
            x.data.withUnsafeBufferPointer { xb in
                // Each (image, channel) plane of s is written by one thread.
                Parallel.split(x.shape[0] * channels, minimumPerThread: max(1, Parallel.elementsPerThread / max(1, size * pixels))) { planes in
                    for plane in planes {
                        let (image, c) = (plane / channels, plane % channels)
                        let out = sb.baseAddress! + plane * pixels
                        for j in max(0, c - below)...min(channels - 1, c + above) {
                            let src = xb.baseAddress! + (image * channels + j) * pixels
                            for p in 0..<pixels { out[p] += src[p] * src[p] }
                        }
                        for p in 0..<pixels { out[p] = bias + scale * out[p] }
                    }
                }
            }
        }
        return s
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let x = try inputs.required(0)
        guard x.rank >= 3 else { throw NeuralError("input X must have rank 3 or more (N, C, spatial…), got shape \(x.shape)") }
        let s = scales(x)
        let y = Tensor(shape: x.shape) { out in
            x.data.withUnsafeBufferPointer { xb in
                s.withUnsafeBufferPointer { sb in
                    Parallel.split(out.count, minimumPerThread: Parallel.elementsPerThread) { range in
                        if beta == 0.75 {
                            // s^−¾ = 1/(√s·√√s): two square roots instead of a pow (AlexNet's and GoogLeNet's β).
                            for i in range {
                                let root = sb[i].squareRoot()
                                out[i] = xb[i] / (root * root.squareRoot())
                            }
                        } else {
                            for i in range { out[i] = xb[i] * pow(sb[i], -beta) }
                        }
                    }
                }
            }
        }
        return [y]
    }

    /// dx_j = g_j·s_j^−β − (2αβ/size)·x_j·Σ_{c: j in window(c)} g_c·x_c·s_c^(−β−1).
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let x = try inputs.required(0), g = outputGradients[0]
        let channels = x.shape[1], pixels = x.shape[2...].reduce(1, *)
        let below = (size - 1) / 2, above = size - 1 - below
        let s = scales(x)
        var weighted = [Float](repeating: 0, count: x.count)
        for i in 0..<x.count { weighted[i] = g.data[i] * x.data[i] * pow(s[i], -beta - 1) }
        var dx = Tensor(shape: x.shape)
        let factor = 2 * alpha * beta / Float(size)
        for image in 0..<x.shape[0] {
            for j in 0..<channels {
                let at = (image * channels + j) * pixels
                // Channel j lies in the window of channels c in [j − above, j + below].
                for c in max(0, j - above)...min(channels - 1, j + below) {
                    let from = (image * channels + c) * pixels
                    for p in 0..<pixels { dx.data[at + p] -= factor * x.data[at + p] * weighted[from + p] }
                }
                for p in 0..<pixels { dx.data[at + p] += g.data[at + p] * pow(s[at + p], -beta) }
            }
        }
        return [dx]
    }
}
