import CNeuralKernels
import Testing
@testable import NeuralKit

/// A fully connected layer's matrix times one image's vector (`nk_matrix_vector`), against a sum in
/// Double; and Gemm at a batch of 1, which runs it (or OpenBLAS's sgemv without AVX-512), against
/// its own definition; both under each kernel set this CPU runs.
@Suite struct MatrixVectorTests {
    /// Rows that are not a multiple of the 8 read together, depths with a remainder after the
    /// 32-float vectors (and one shorter than a vector), a leading dimension wider than the depth,
    /// a range of rows that starts inside the matrix, and y that already holds values.
    @Test(arguments: [(37, 100, 0, 37), (8, 32, 0, 8), (21, 7, 3, 19), (64, 1000, 16, 64)])
    func rowsTimesTheVectorAreAddedToY(_ rows: Int, _ depth: Int, _ begin: Int, _ end: Int) {
        let ldw = depth + 5
        let w = seededTensor([rows * ldw], seed: 130).data, x = seededTensor([depth], seed: 131).data
        let before = seededTensor([rows], seed: 132).data
        KernelSets.each { kernels in
            var y = before
            nk_matrix_vector(w, ldw, depth, begin, end, x, &y)
            for i in 0..<rows {
                guard (begin..<end).contains(i) else {
                    #expect(y[i] == before[i], "row \(i) lies outside the range and changed")
                    continue
                }
                var sum = Double(before[i]), scale = abs(Double(before[i]))
                for d in 0..<depth {
                    let term = Double(w[i * ldw + d]) * Double(x[d])
                    sum += term
                    scale += abs(term)
                }
                #expect(abs(Double(y[i]) - sum) <= 1e-6 * max(scale, 1), "kernels \(kernels.rawValue), row \(i): \(y[i]) against \(sum)")
            }
        }
    }

    /// Y = A · Bᵀ + C for A of one row (torchvision's fully connected layers: transB = 1), on 1
    /// and 3 threads, within float rounding of a sum in Double.
    @Test(arguments: [1, 3])
    func gemmOnOneImageMatchesItsDefinition(_ threads: Int) throws {
        let saved = Parallel.threads
        defer { Parallel.threads = saved }
        Parallel.threads = threads
        let (n, k) = (203, 515)
        let a = seededTensor([1, k], seed: 133), b = seededTensor([n, k], seed: 134), c = seededTensor([n], seed: 135)
        try KernelSets.each { kernels in
            let y = try Gemm(Attributes(["transB": .int(1)])).forward([a, b, c])[0]
            #expect(y.shape == [1, n])
            for j in 0..<n {
                var sum = Double(c.data[j]), scale = abs(Double(c.data[j]))
                for d in 0..<k {
                    let term = Double(a.data[d]) * Double(b.data[j * k + d])
                    sum += term
                    scale += abs(term)
                }
                #expect(abs(Double(y.data[j]) - sum) <= 1e-6 * scale, "kernels \(kernels.rawValue), output \(j)")
            }
        }
    }
}
