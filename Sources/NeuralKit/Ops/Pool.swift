/// Max and average pooling over 2-D windows of NCHW tensors (ONNX MaxPool, AveragePool), with
/// strides, pads, ceil_mode and, for the average, count_include_pad. Padding never wins a max.
struct Pool: Operator {
    enum Kind: Sendable { case max, average }
    var kind: Kind
    var window: Window2D
    /// Average only: whether padded positions count in the divisor.
    var countIncludePad = false

    init(_ kind: Kind, _ attributes: Attributes) throws {
        self.kind = kind
        switch kind {
        case .max:
            try attributes.allow(["auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "storage_order", "strides"])
        case .average:
            try attributes.allow(["auto_pad", "ceil_mode", "count_include_pad", "kernel_shape", "pads", "strides"])
            countIncludePad = try attributes.int("count_include_pad", default: 0) != 0
        }
        window = try Window2D(attributes)
    }

    /// The input positions (row-major offsets within one plane) a window covers, and the average's divisor.
    private func visit(height: Int, width: Int, pads: [Int], oh: Int, ow: Int,
                       _ body: (Int) -> Void) -> Int {
        let (kH, kW) = window.kernel, (sH, sW) = window.strides, (dH, dW) = window.dilations
        let h0 = oh * sH - pads[0], w0 = ow * sW - pads[1]
        var valid = 0
        for ki in 0..<kH {
            let ih = h0 + ki * dH
            guard ih >= 0, ih < height else { continue }
            for kj in 0..<kW {
                let iw = w0 + kj * dW
                guard iw >= 0, iw < width else { continue }
                body(ih * width + iw)
                valid += 1
            }
        }
        guard countIncludePad else { return valid }
        // The window clipped to the padded input (a ceil-mode window can overhang it).
        let hEnd = min(h0 + kH, height + pads[2]), wEnd = min(w0 + kW, width + pads[3])
        return (hEnd - h0) * (wEnd - w0)
    }

    private func shapes(_ x: Tensor) throws -> (planes: Int, h: Int, w: Int, outH: Int, outW: Int, pads: [Int]) {
        try expectRank(x, 4, "input X (N, C, H, W)")
        let out = try window.outputSize(height: x.shape[2], width: x.shape[3])
        return (x.shape[0] * x.shape[1], x.shape[2], x.shape[3], out.h, out.w,
                window.resolvedPads(height: x.shape[2], width: x.shape[3]))
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let x = try inputs.required(0)
        let s = try shapes(x)
        var y = Tensor(shape: [x.shape[0], x.shape[1], s.outH, s.outW])
        x.data.withUnsafeBufferPointer { xb in
            y.data.withUnsafeMutableBufferPointer { yb in
                for plane in 0..<s.planes {
                    let src = xb.baseAddress! + plane * s.h * s.w
                    for oh in 0..<s.outH {
                        for ow in 0..<s.outW {
                            var value: Float
                            switch kind {
                            case .max:
                                value = -.infinity
                                _ = visit(height: s.h, width: s.w, pads: s.pads, oh: oh, ow: ow) { value = max(value, src[$0]) }
                            case .average:
                                value = 0
                                let divisor = visit(height: s.h, width: s.w, pads: s.pads, oh: oh, ow: ow) { value += src[$0] }
                                value /= Float(max(divisor, 1))
                            }
                            yb[(plane * s.outH + oh) * s.outW + ow] = value
                        }
                    }
                }
            }
        }
        return [y]
    }

    /// Max: the gradient goes to the first position holding the window's maximum.
    /// Average: spread evenly over the window's positions, with the forward's divisor.
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let x = try inputs.required(0)
        let s = try shapes(x)
        let dy = outputGradients[0]
        var dx = Tensor(shape: x.shape)
        for plane in 0..<s.planes {
            let base = plane * s.h * s.w
            for oh in 0..<s.outH {
                for ow in 0..<s.outW {
                    let g = dy.data[(plane * s.outH + oh) * s.outW + ow]
                    switch kind {
                    case .max:
                        var best = -Float.infinity, at = -1
                        _ = visit(height: s.h, width: s.w, pads: s.pads, oh: oh, ow: ow) { offset in
                            if x.data[base + offset] > best { best = x.data[base + offset]; at = offset }
                        }
                        if at >= 0 { dx.data[base + at] += g }
                    case .average:
                        var covered: [Int] = []
                        let divisor = visit(height: s.h, width: s.w, pads: s.pads, oh: oh, ow: ow) { covered.append($0) }
                        for offset in covered { dx.data[base + offset] += g / Float(max(divisor, 1)) }
                    }
                }
            }
        }
        return [dx]
    }
}

/// Mean over each channel's pixels (ONNX GlobalAveragePool): [N, C, H, W] → [N, C, 1, 1].
struct GlobalAveragePool: Operator {
    init(_ attributes: Attributes) throws { try attributes.allow([]) }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let x = try inputs.required(0)
        guard x.rank >= 3 else { throw NeuralError("input X must have rank 3 or more (N, C, spatial…), got shape \(x.shape)") }
        let pixels = x.shape[2...].reduce(1, *), planes = x.shape[0] * x.shape[1]
        var y = Tensor(shape: [x.shape[0], x.shape[1]] + Array(repeating: 1, count: x.rank - 2))
        for plane in 0..<planes {
            var sum: Float = 0
            for i in plane * pixels..<(plane + 1) * pixels { sum += x.data[i] }
            y.data[plane] = sum / Float(pixels)
        }
        return [y]
    }

    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let x = try inputs.required(0)
        let pixels = x.shape[2...].reduce(1, *)
        var dx = Tensor(shape: x.shape)
        for i in 0..<x.count { dx.data[i] = outputGradients[0].data[i / pixels] / Float(pixels) }
        return [dx]
    }
}
