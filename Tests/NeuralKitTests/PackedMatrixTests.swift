import CNeuralKernels
import Testing
@testable import NeuralKit

/// NeuralKit's own matrix kernel with a weight packed once (`PackedMatrix`, `nk_gemm_packed`),
/// checked against the product summed directly in double precision. The shapes cover a partial
/// panel of rows (not a multiple of 6) and of columns (not a multiple of 16), several depth blocks
/// (K > 256), leading dimensions wider than the matrices, and both layouts of each operand, with
/// every set of micro-kernels this CPU runs.
@Suite(.serialized) struct PackedMatrixTests {

    /// A stored matrix: element (i, j) at `values[i · ld + j]`, or at `values[j · ld + i]` when transposed.
    struct Stored {
        var values: [Float]
        var ld: Int
        var transposed: Bool
        subscript(i: Int, j: Int) -> Float { transposed ? values[j * ld + i] : values[i * ld + j] }

        /// A rows × columns matrix of seeded values, stored with 3 spare elements per line.
        static func seeded(rows: Int, columns: Int, transposed: Bool, seed: UInt64) -> Stored {
            let ld = (transposed ? rows : columns) + 3
            return Stored(values: seededTensor([(transposed ? columns : rows) * ld], seed: seed).data, ld: ld, transposed: transposed)
        }
    }

    /// W · B + bias (+ an addend), clamped when asked, summed in double precision.
    func reference(_ w: Stored, _ b: Stored, m: Int, n: Int, k: Int, bias: [Float]?, addend: Stored?, clamp: Bool) -> [[Double]] {
        (0..<m).map { i in
            (0..<n).map { j in
                var sum = (0..<k).reduce(0.0) { $0 + Double(w[i, $1]) * Double(b[$1, j]) }
                sum += Double(bias?[i] ?? 0) + Double(addend?[i, j] ?? 0)
                return clamp ? max(sum, 0) : sum
            }
        }
    }

    /// The kernel's product for one case, at `threads` threads, written over `c0`.
    func packedProduct(_ w: Stored, _ b: Stored, m: Int, n: Int, k: Int, bias: [Float]?, c0: Stored, addend: Stored?,
                       clamp: Bool, threads: Int) -> Stored {
        let saved = Parallel.threads
        defer { Parallel.threads = saved }
        Parallel.threads = threads
        let packed = w.values.withUnsafeBufferPointer { PackedMatrix($0.baseAddress!, rows: m, depth: k, lda: w.ld, transposed: w.transposed) }
        var c = c0
        b.values.withUnsafeBufferPointer { bb in
            c.values.withUnsafeMutableBufferPointer { cb in
                (bias ?? []).withUnsafeBufferPointer { biasValues in
                    (addend?.values ?? []).withUnsafeBufferPointer { addendValues in
                        packed.multiply(bb.baseAddress!, ldb: b.ld, bTransposed: b.transposed, columns: n,
                                        into: cb.baseAddress!, ldc: c.ld, rowBias: bias == nil ? nil : biasValues.baseAddress,
                                        addend: addend == nil ? nil : addendValues.baseAddress, clampsAtZero: clamp)
                    }
                }
            }
        }
        return c
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func productMatchesADirectSumInDoublePrecision(_ wTransposed: Bool, _ bTransposed: Bool) {
        // (M, N, K): partial panels both ways and three depth blocks; a tall C (split by rows on
        // several threads); one column; a wide C split by columns; last panels of 1 and 2 columns
        // (the narrow micro-kernel; a 7 × 7 map has 49 pixels), with depths not a multiple of 4;
        // two panels side by side whose right one is partial (20 and 50 columns: the AVX-512
        // kernel takes two panels at once), with an odd depth; a B too large to pack whole
        // (530 columns at 256 depth: 544 KiB with its last panel padded, over the 512 KiB
        // budget), packed in strips of two panels, the last one partial, over two depth blocks.
        KernelSets.each { kernels in
            for (m, n, k) in [(13, 37, 600), (200, 7, 70), (5, 1, 9), (20, 300, 40), (13, 49, 600), (14, 34, 301), (9, 20, 33), (25, 50, 7),
                              (2, 530, 257)] {
                for (withBias, clamp, adds) in [(true, true, false), (false, false, false), (true, false, true), (true, true, true)] {
                    let w = Stored.seeded(rows: m, columns: k, transposed: wTransposed, seed: 1)
                    let b = Stored.seeded(rows: k, columns: n, transposed: bTransposed, seed: 2)
                    let c0 = Stored.seeded(rows: m, columns: n, transposed: false, seed: 3)
                    let bias = withBias ? seededTensor([m], seed: 4).data : nil
                    // An addend laid out as C (the same leading dimension).
                    let addend = adds ? Stored.seeded(rows: m, columns: n, transposed: false, seed: 5) : nil
                    let expected = reference(w, b, m: m, n: n, k: k, bias: bias, addend: addend, clamp: clamp)
                    // The sum of |terms| of each element, the scale of float rounding in a sum of k products.
                    let scales = (0..<m).map { i in (0..<n).map { j in (0..<k).reduce(1.0) { $0 + abs(Double(w[i, $1]) * Double(b[$1, j])) } } }
                    for threads in [1, 3] {
                        let c = packedProduct(w, b, m: m, n: n, k: k, bias: bias, c0: c0, addend: addend, clamp: clamp, threads: threads)
                        var worst = 0.0
                        for i in 0..<m {
                            for j in 0..<n {
                                worst = max(worst, abs(Double(c[i, j]) - expected[i][j]) / scales[i][j])
                            }
                        }
                        #expect(worst < 1e-6, "kernels \(kernels.rawValue) M \(m) N \(n) K \(k) threads \(threads) bias \(withBias) clamp \(clamp) adds \(adds): \(worst)")
                        // Outside the matrix, C's spare elements are untouched.
                        let outside = c.values.indices.filter { ($0 % c.ld) >= n }
                        #expect(outside.allSatisfy { c.values[$0] == c0.values[$0] })
                    }
                }
            }
        }
    }

    /// Within float rounding of a sum of `terms` products of values below 1 (each |value| ≤ 1).
    func close(_ a: Tensor, _ b: Tensor, terms: Int) -> Bool {
        a.shape == b.shape && zip(a.data, b.data).allSatisfy { abs($0 - $1) <= 1e-6 * Float(terms) }
    }

    @Test func convAndGemmMultiplyByTheirPackedWeightOnlyWhileItIsTheirWeight() throws {
        // A 1×1 Conv on a 7×7 map (49 columns, 32 filters) and a Gemm on a batch of 4 (4
        // columns, 30 outputs): both narrow enough for the packed kernel.
        var conv = try Conv(Attributes())
        conv.clampsAtZero = true
        let x = seededTensor([1, 16, 7, 7], seed: 9), weight = seededTensor([32, 16, 1, 1], seed: 10), bias = seededTensor([32], seed: 11)
        #expect(conv.packedWeight == nil)
        let plain = try conv.forward([x, weight, bias])[0]
        conv.pack(weight)
        #expect(try #require(conv.packedWeight).matrices(for: weight)?.first?.isFaster(columns: 49, threads: 1) == true)
        #expect(close(try conv.forward([x, weight, bias])[0], plain, terms: 16))
        var changed = weight
        changed.data[0] += 1
        #expect(conv.packedWeight?.matrices(for: changed) == nil)
        var fresh = try Conv(Attributes())
        fresh.clampsAtZero = true
        #expect(try conv.forward([x, changed, bias])[0] == fresh.forward([x, changed, bias])[0])

        var gemm = try Gemm(Attributes(["transB": .int(1)]))
        let a = seededTensor([4, 50], seed: 12), b = seededTensor([30, 50], seed: 13), c = seededTensor([30], seed: 14)
        let unpacked = try gemm.forward([a, b, c])[0]
        gemm.pack(b)
        #expect(close(try gemm.forward([a, b, c])[0], unpacked, terms: 50))
        var otherB = b
        otherB.data[5] -= 1
        #expect(try gemm.forward([a, otherB, c])[0] == Gemm(Attributes(["transB": .int(1)])).forward([a, otherB, c])[0])
    }
}
