import CNeuralKernels

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
            storageOrder = try attributes.int("storage_order", default: 0)
            guard [0, 1].contains(storageOrder) else {
                throw NeuralError("attribute 'storage_order' is \(storageOrder) (supported: 0 row-major, 1 column-major)")
            }
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

    private func shapes(_ x: Tensor) throws -> Shapes {
        try expectRank(x, 4, "input X (N, C, H, W)")
        let out = try window.outputSize(height: x.shape[2], width: x.shape[3])
        return (x.shape[0] * x.shape[1], x.shape[2], x.shape[3], out.h, out.w,
                window.resolvedPads(height: x.shape[2], width: x.shape[3]))
    }

    /// Max only: whether the node asks for ONNX's second output, Indices (set by the importer).
    var producesIndices = false
    /// Max only: Indices count positions row-major within each plane (0) or column-major (1).
    var storageOrder = 0

    /// The output [N, C, outH, outW] and, when `producesIndices`, the Indices of the same shape:
    /// each maximum's flattened position in the input, (n·C + c)·H·W + h·W + w (storage_order 0)
    /// or (n·C + c)·H·W + w·H + h (storage_order 1), held as float32 like every integer tensor.
    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let x = try inputs.required(0)
        let s = try shapes(x)
        let shape = [x.shape[0], x.shape[1], s.outH, s.outW]
        let columns = (0..<window.kernel.w).map {
            window.outputColumnsInside(kernelColumn: $0, width: s.w, padLeft: s.pads[1], outW: s.outW)
        }
        if producesIndices, x.count >= 1 << 24 {
            throw NeuralError("input has \(x.count) elements; Indices above 2^24 cannot be held exactly in float32 tensors")
        }
        var indexData = [Float](repeating: 0, count: producesIndices ? shape.reduce(1, *) : 0)
        let y = Tensor(shape: shape) { out in
            x.data.withUnsafeBufferPointer { xb in
                indexData.withUnsafeMutableBufferPointer { ib in
                    let indices = producesIndices ? ib.baseAddress : nil
                    Parallel.split(s.planes, minimumPerThread: max(1, Parallel.elementsPerThread / max(1, s.h * s.w))) { planes in
                        for plane in planes {
                            let src = xb.baseAddress! + plane * s.h * s.w
                            if kind == .max, indices == nil {
                                let output = out.baseAddress! + plane * s.outH * s.outW
                                nk_max_pool_plane(src, s.h, s.w, output, s.outH, s.outW, window.kernel.h, window.kernel.w,
                                                  window.strides.h, window.strides.w, window.dilations.h, window.dilations.w,
                                                  s.pads[0], s.pads[1])
                                continue
                            }
                            for oh in 0..<s.outH {
                                let row = out.baseAddress! + (plane * s.outH + oh) * s.outW
                                if let indices {
                                    maxRowWithIndices(src, oh, s, columns, row, indices: indices + (plane * s.outH + oh) * s.outW,
                                                      planeStart: plane * s.h * s.w)
                                } else {
                                    averageRow(src, oh, s, columns, row)
                                }
                            }
                        }
                    }
                }
            }
        }
        let indices = producesIndices ? Tensor(shape: shape, data: indexData) : nil
        return [y] + (indices.map { [$0] } ?? [])
    }

    private typealias Shapes = (planes: Int, h: Int, w: Int, outH: Int, outW: Int, pads: [Int])

    /// The input rows (px) the windows of output row `oh` read, those inside the input: top + i·dH
    /// for the kernel rows i with 0 ≤ top + i·dH < h (arithmetic, not a filter, so that nothing is
    /// allocated or captured per row).
    private func inputRows(_ oh: Int, _ s: Shapes) -> StrideTo<Int> {
        let (kH, dH) = (window.kernel.h, window.dilations.h)
        let top = oh * window.strides.h - s.pads[0]
        let first = top >= 0 ? 0 : (dH - 1 - top) / dH
        let end = s.h > top ? min(kH, (s.h - top + dH - 1) / dH) : 0
        return stride(from: top + first * dH, to: top + max(first, end) * dH, by: dH)
    }

    /// One output row of maxima and where each is (its first position, row-major), for the Indices
    /// output; kernel position by kernel position over whole rows (padding never wins). Without
    /// Indices a whole plane is one C call (`nk_max_pool_plane`).
    private func maxRowWithIndices(_ src: UnsafePointer<Float>, _ oh: Int, _ s: Shapes, _ columns: [Range<Int>],
                                   _ row: UnsafeMutablePointer<Float>, indices: UnsafeMutablePointer<Float>, planeStart: Int) {
        row.update(repeating: -.infinity, count: s.outW)
        let sW = window.strides.w
        for ih in inputRows(oh, s) {
            let line = src + ih * s.w
            for (kj, inside) in columns.enumerated() {
                let offset = kj * window.dilations.w - s.pads[1]
                for ow in inside where line[ow * sW + offset] > row[ow] {
                    let iw = ow * sW + offset
                    row[ow] = line[iw]
                    indices[ow] = Float(planeStart + (storageOrder == 0 ? ih * s.w + iw : iw * s.h + ih))
                }
            }
        }
    }

    /// One output row of averages: sums over whole rows, then each window's divisor (its
    /// positions inside the input, or inside the padded input with count_include_pad).
    private func averageRow(_ src: UnsafePointer<Float>, _ oh: Int, _ s: Shapes, _ columns: [Range<Int>],
                            _ row: UnsafeMutablePointer<Float>) {
        row.update(repeating: 0, count: s.outW)
        let sW = window.strides.w
        var rowCount = 0
        for ih in inputRows(oh, s) {
            rowCount += 1
            let line = src + ih * s.w
            for (kj, inside) in columns.enumerated() {
                let offset = kj * window.dilations.w - s.pads[1]
                if !inside.isEmpty { nk_add_into_row(row + inside.lowerBound, line + inside.lowerBound * sW + offset, inside.count, sW) }
            }
        }
        let h0 = oh * window.strides.h - s.pads[0]
        for ow in 0..<s.outW {
            let divisor: Int
            if countIncludePad {
                // The window clipped to the padded input (a ceil-mode window can overhang it).
                let w0 = ow * sW - s.pads[1]
                divisor = (min(h0 + window.kernel.h, s.h + s.pads[2]) - h0) * (min(w0 + window.kernel.w, s.w + s.pads[3]) - w0)
            } else {
                divisor = rowCount * columns.count(where: { $0.contains(ow) })
            }
            row[ow] /= Float(max(divisor, 1))
        }
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
