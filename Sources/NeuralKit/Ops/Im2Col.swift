import CNeuralKernels

/// Unfolds one image's channels into the column matrix a convolution multiplies by its weights,
/// and folds such a matrix back (adding overlaps), which is the convolution's input gradient.
///
/// The column matrix has one row per (channel, kernel row, kernel column) and one column per
/// output pixel: [channels·kH·kW, outH·outW].
enum Im2Col {
    /// Writes the column matrix of `image` ([channels, height, width]) into `columns`, whose rows
    /// lie `rowStride` elements apart (outH·outW unless several images share one matrix side by
    /// side). With `outputRows`, only the columns of those output rows are written (a chunk of the
    /// matrix, its first column that of the first such row).
    static func unfold(image: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                       window: Window2D, pads: [Int], outH: Int, outW: Int,
                       columns: UnsafeMutablePointer<Float>, rowStride: Int? = nil, outputRows: Range<Int>? = nil) {
        let outputRows = outputRows ?? 0..<outH
        let rowStride = rowStride ?? outH * outW
        let (kH, kW) = window.kernel, (sH, sW) = window.strides, (dH, dW) = window.dilations
        var row = 0
        for c in 0..<channels {
            let plane = image + c * height * width
            for ki in 0..<kH {
                for kj in 0..<kW {
                    let out = columns + row * rowStride
                    let colOffset = kj * dW - pads[1]
                    let inside = window.outputColumnsInside(kernelColumn: kj, width: width, padLeft: pads[1], outW: outW)
                    let (firstOW, lastOW) = (inside.lowerBound, inside.upperBound)
                    for oh in outputRows {
                        let ih = oh * sH - pads[0] + ki * dH
                        let dst = out + (oh - outputRows.lowerBound) * outW
                        guard ih >= 0, ih < height, firstOW < lastOW else {
                            dst.update(repeating: 0, count: outW)
                            continue
                        }
                        if firstOW > 0 { dst.update(repeating: 0, count: firstOW) }
                        let src = plane + ih * width + colOffset
                        if sW == 1 {
                            (dst + firstOW).update(from: src + firstOW, count: lastOW - firstOW)
                        } else {
                            nk_copy_strided_row(dst + firstOW, src + firstOW * sW, lastOW - firstOW, sW)
                        }
                        if lastOW < outW { (dst + lastOW).update(repeating: 0, count: outW - lastOW) }
                    }
                    row += 1
                }
            }
        }
    }

    /// Floats the packed column matrix of `unfoldPacked` takes for `channels` input channels and
    /// `outputPixels` output pixels.
    static func packedCount(channels: Int, window: Window2D, outputPixels: Int) -> Int {
        nk_packed_b_count(channels * window.kernel.h * window.kernel.w, outputPixels)
    }

    /// Writes the column matrix of `image` for the output rows `outputRows` into `packed` in the
    /// order NeuralKit's matrix kernel reads it (`PackedMatrix.multiply(packedColumns:...)`), so
    /// that the product does not copy it again.
    static func unfoldPacked(image: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                             window: Window2D, pads: [Int], outW: Int, outputRows: Range<Int>,
                             into packed: UnsafeMutablePointer<Float>) {
        var geometry = nk_unfold_geometry(channels: channels, height: height, width: width,
                                          kernel_h: window.kernel.h, kernel_w: window.kernel.w,
                                          stride_h: window.strides.h, stride_w: window.strides.w,
                                          dilation_h: window.dilations.h, dilation_w: window.dilations.w,
                                          pad_top: pads[0], pad_left: pads[1], out_width: outW)
        nk_unfold_packed(image, &geometry, outputRows.lowerBound, outputRows.upperBound, packed)
    }

    /// Adds the column matrix `columns` back onto `image` ([channels, height, width]).
    static func fold(columns: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                     window: Window2D, pads: [Int], outH: Int, outW: Int,
                     image: UnsafeMutablePointer<Float>) {
        let (kH, kW) = window.kernel, (sH, sW) = window.strides, (dH, dW) = window.dilations
        var row = 0
        for c in 0..<channels {
            let plane = image + c * height * width
            for ki in 0..<kH {
                for kj in 0..<kW {
                    let src = columns + row * outH * outW
                    for oh in 0..<outH {
                        let ih = oh * sH - pads[0] + ki * dH
                        guard ih >= 0, ih < height else { continue }
                        for ow in 0..<outW {
                            let iw = ow * sW - pads[1] + kj * dW
                            if iw >= 0, iw < width { plane[ih * width + iw] += src[oh * outW + ow] }
                        }
                    }
                    row += 1
                }
            }
        }
    }
}
