import Foundation

/// Softmax (ONNX Softmax): y = e^(x − max) / Σ e^(x − max). From opset 13 over one axis
/// (default −1); before that over all axes from `axis` on (default 1), the input seen as 2-D.
struct Softmax: Operator {
    var axis: Int
    var coerceTo2D: Bool

    init(_ attributes: Attributes, opset: Int) throws {
        try attributes.allow(["axis"])
        coerceTo2D = opset < 13
        axis = try attributes.int("axis", default: coerceTo2D ? 1 : -1)
    }

    /// (outer, length along the softmax, inner stride).
    private func layout(_ x: Tensor) throws -> (outer: Int, length: Int, inner: Int) {
        if x.rank == 0 { return (1, 1, 1) }
        let at = try normaliseAxis(axis, rank: x.rank)
        if coerceTo2D { return (x.shape[..<at].reduce(1, *), x.shape[at...].reduce(1, *), 1) }
        return (x.shape[..<at].reduce(1, *), x.shape[at], x.shape[(at + 1)...].reduce(1, *))
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        var y = try inputs.required(0)
        let l = try layout(y)
        for o in 0..<l.outer {
            for i in 0..<l.inner {
                let base = o * l.length * l.inner + i
                var peak = -Float.infinity
                for j in 0..<l.length { peak = max(peak, y.data[base + j * l.inner]) }
                var sum: Float = 0
                for j in 0..<l.length {
                    let e = exp(y.data[base + j * l.inner] - peak)
                    y.data[base + j * l.inner] = e
                    sum += e
                }
                for j in 0..<l.length { y.data[base + j * l.inner] /= sum }
            }
        }
        return [y]
    }

    /// dx = y · (g − Σ g·y) along the softmax.
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let y = outputs[0], g = outputGradients[0]
        let l = try layout(y)
        var dx = Tensor(shape: y.shape)
        for o in 0..<l.outer {
            for i in 0..<l.inner {
                let base = o * l.length * l.inner + i
                var dot: Float = 0
                for j in 0..<l.length { dot += g.data[base + j * l.inner] * y.data[base + j * l.inner] }
                for j in 0..<l.length {
                    let at = base + j * l.inner
                    dx.data[at] = y.data[at] * (g.data[at] - dot)
                }
            }
        }
        return [dx]
    }
}
