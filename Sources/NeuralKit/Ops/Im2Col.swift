import CNeuralKernels

/// Unfolds one image's channels into the column matrix a convolution multiplies by its weights,
/// and folds such a matrix back (adding overlaps), which is the convolution's input gradient.
///
/// The column matrix has one row per (channel, kernel row, kernel column) and one column per
/// output pixel: [channels·kH·kW, outH·outW].
enum Im2Col {
    /// Writes the column matrix of `image` ([channels, height, width]) into `columns`, whose rows
    /// lie `rowStride` elements apart (outH·outW unless several images share one matrix side by
    /// side), one row at a time (`nk_unfold_row`, which `unfoldPacked` uses too).
    static func unfold(image: UnsafePointer<Float>, channels: Int, height: Int, width: Int,
                       window: Window2D, pads: [Int], outH: Int, outW: Int,
                       columns: UnsafeMutablePointer<Float>, rowStride: Int? = nil) {
        let rowStride = rowStride ?? outH * outW
        var geometry = Im2Col.geometry(channels: channels, height: height, width: width, window: window, pads: pads, outW: outW)
        for row in 0..<channels * window.kernel.h * window.kernel.w {
            nk_unfold_row(image, &geometry, row, 0, outH, columns + row * rowStride)
        }
    }

    /// One image's convolution geometry as the C kernels take it.
    private static func geometry(channels: Int, height: Int, width: Int, window: Window2D, pads: [Int], outW: Int) -> nk_unfold_geometry {
        nk_unfold_geometry(channels: channels, height: height, width: width,
                           kernel_h: window.kernel.h, kernel_w: window.kernel.w,
                           stride_h: window.strides.h, stride_w: window.strides.w,
                           dilation_h: window.dilations.h, dilation_w: window.dilations.w,
                           pad_top: pads[0], pad_left: pads[1], out_width: outW)
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
        var geometry = Im2Col.geometry(channels: channels, height: height, width: width, window: window, pads: pads, outW: outW)
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
