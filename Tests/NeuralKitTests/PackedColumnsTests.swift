import CNeuralKernels
import Testing
@testable import NeuralKit

/// A convolution's column matrix unfolded straight into the matrix kernel's packed order
/// (`Im2Col.unfoldPacked`), and the product that reads it (`PackedMatrix.multiply(packedColumns:...)`).
/// Each value is checked at the place packed_gemm.h documents, against the input pixel worked out
/// from the geometry; the product against a sum in Double.
@Suite(.serialized) struct PackedColumnsTests {
    /// Rows of one depth block and columns of one panel of the packed layout.
    let depthBlock = Int(NK_DEPTH_BLOCK), panelColumns = Int(NK_PANEL_COLUMNS)

    /// Where element (d, j) of a K × N matrix lies in its packed copy (packed_gemm.h): depth block
    /// d / 256 of kc rows, panel j / 16 of kc × 16 values, row d % 256 of it, lane j % 16.
    func place(d: Int, j: Int, k: Int, n: Int) -> Int {
        let padded = (n + panelColumns - 1) / panelColumns * panelColumns
        let block = d / depthBlock * depthBlock, kc = min(depthBlock, k - block)
        return block * padded + j / panelColumns * kc * panelColumns + (d - block) * panelColumns + j % panelColumns
    }

    /// A geometry: channels, input height and width (px), kernel, strides, dilations, pads
    /// (top, left, bottom, right), and the output rows to unfold.
    struct Case {
        var channels, height, width: Int
        var kernel: (Int, Int), strides: (Int, Int), dilations: (Int, Int)
        var pads: [Int]
        var rows: Range<Int>?
    }

    static let cases: [Case] = [
        // ResNet's first layer, smaller: 7 × 7, stride 2, padding 3, a chunk of rows in the middle.
        Case(channels: 3, height: 40, width: 38, kernel: (7, 7), strides: (2, 2), dilations: (1, 1), pads: [3, 3, 3, 3], rows: 4..<9),
        // AlexNet's: 11 × 11, stride 4, no padding; output rows of 9 px, so panels span rows.
        Case(channels: 3, height: 43, width: 43, kernel: (11, 11), strides: (4, 4), dilations: (1, 1), pads: [0, 0, 0, 0], rows: nil),
        // 30 channels of 3 × 3 (270 rows: two depth blocks), stride 1, uneven padding.
        Case(channels: 30, height: 9, width: 11, kernel: (3, 3), strides: (1, 1), dilations: (1, 1), pads: [1, 0, 2, 1], rows: nil),
        // Dilation 2 and unequal strides (3 down, 1 across).
        Case(channels: 2, height: 14, width: 10, kernel: (3, 2), strides: (3, 1), dilations: (2, 2), pads: [2, 1, 0, 1], rows: 1..<4),
    ]

    @Test(arguments: 0..<cases.count)
    func unfoldedValuesLieWhereThePackedLayoutPutsThem(_ index: Int) {
        let c = Self.cases[index]
        var window = Window2D(kernel: c.kernel)
        window.strides = c.strides
        window.dilations = c.dilations
        let outH = (c.height + c.pads[0] + c.pads[2] - window.span.h) / c.strides.0 + 1
        let outW = (c.width + c.pads[1] + c.pads[3] - window.span.w) / c.strides.1 + 1
        let rows = c.rows ?? 0..<outH
        let (k, n) = (c.channels * c.kernel.0 * c.kernel.1, rows.count * outW)
        let image = seededTensor([c.channels, c.height, c.width], seed: 21)
        /// The input pixel row d, column j of the column matrix reads (0 outside the image).
        func expected(d: Int, j: Int) -> Float {
            let (channel, ki, kj) = (d / (c.kernel.0 * c.kernel.1), d / c.kernel.1 % c.kernel.0, d % c.kernel.1)
            let (oh, ow) = (rows.lowerBound + j / outW, j % outW)
            let ih = oh * c.strides.0 - c.pads[0] + ki * c.dilations.0, iw = ow * c.strides.1 - c.pads[1] + kj * c.dilations.1
            guard (0..<c.height).contains(ih), (0..<c.width).contains(iw) else { return 0 }
            return image.data[(channel * c.height + ih) * c.width + iw]
        }
        let count = Im2Col.packedCount(channels: c.channels, window: window, outputPixels: n)
        #expect(count == k * ((n + 15) / 16 * 16))
        var packed = [Float](repeating: .nan, count: count)
        image.data.withUnsafeBufferPointer { x in
            packed.withUnsafeMutableBufferPointer { out in
                Im2Col.unfoldPacked(image: x.baseAddress!, channels: c.channels, height: c.height, width: c.width, window: window,
                                    pads: c.pads, outW: outW, outputRows: rows, into: out.baseAddress!)
            }
        }
        var wrong = 0
        for d in 0..<k {
            for j in 0..<(n + 15) / 16 * 16 where packed[place(d: d, j: j, k: k, n: n)] != (j < n ? expected(d: d, j: j) : 0) {
                wrong += 1
            }
        }
        #expect(wrong == 0, "case \(index): \(wrong) of \(count) values wrong")
    }

    /// C = W · B + bias (+ addend), clamped, for B packed by unfolding a [K, 1, N] image with a
    /// 1 × 1 kernel (its column matrix is the image's K rows); against a sum in Double, on 1 and 3
    /// threads (split by columns where N ≥ M, by rows otherwise), with every kernel set this CPU runs.
    /// C's spare elements stay as they were.
    @Test(arguments: [(13, 37, 600, false), (200, 7, 70, true), (20, 300, 40, true)])
    func productOfPackedColumnsMatchesADirectSum(_ m: Int, _ n: Int, _ k: Int, _ adds: Bool) {
        let w = seededTensor([m, k], seed: 31), b = seededTensor([k, n], seed: 32), bias = seededTensor([m], seed: 33)
        let ldc = n + 3
        let addend = adds ? seededTensor([m * ldc], seed: 34) : nil
        let before = seededTensor([m * ldc], seed: 35)
        let packedWeight = w.data.withUnsafeBufferPointer { PackedMatrix($0.baseAddress!, rows: m, depth: k, lda: k) }
        var packedColumns = [Float](repeating: 0, count: Im2Col.packedCount(channels: k, window: Window2D(kernel: (1, 1)), outputPixels: n))
        b.data.withUnsafeBufferPointer { x in
            packedColumns.withUnsafeMutableBufferPointer { out in
                Im2Col.unfoldPacked(image: x.baseAddress!, channels: k, height: 1, width: n, window: Window2D(kernel: (1, 1)),
                                    pads: [0, 0, 0, 0], outW: n, outputRows: 0..<1, into: out.baseAddress!)
            }
        }
        KernelSets.each { kernels in
            for threads in [1, 3] {
                let saved = Parallel.threads
                defer { Parallel.threads = saved }
                Parallel.threads = threads
                var c = before.data
                packedColumns.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cb in
                        bias.data.withUnsafeBufferPointer { biasValues in
                            (addend?.data ?? []).withUnsafeBufferPointer { addendValues in
                                packedWeight.multiply(packedColumns: bp.baseAddress!, columns: n, into: cb.baseAddress!, ldc: ldc,
                                                      rowBias: biasValues.baseAddress, addend: adds ? addendValues.baseAddress : nil,
                                                      clampsAtZero: true)
                            }
                        }
                    }
                }
                var worst = 0.0
                for i in 0..<m {
                    for j in 0..<n {
                        var sum = Double(bias.data[i]) + Double(addend?.data[i * ldc + j] ?? 0), scale = 1.0
                        for d in 0..<k {
                            let term = Double(w.data[i * k + d]) * Double(b.data[d * n + j])
                            sum += term
                            scale += abs(term)
                        }
                        worst = max(worst, abs(Double(c[i * ldc + j]) - max(sum, 0)) / scale)
                    }
                }
                #expect(worst < 1e-6, "kernels \(kernels.rawValue) M \(m) N \(n) K \(k), \(threads) threads: \(worst)")
                #expect((0..<m).allSatisfy { i in (n..<ldc).allSatisfy { c[i * ldc + $0] == before.data[i * ldc + $0] } })
            }
        }
    }
}
