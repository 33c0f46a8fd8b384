import CNeuralKernels

/// General matrix multiply (ONNX Gemm, the fully connected layer): Y = alpha·A′·B′ + beta·C with
/// A′ = Aᵀ if transA else A (M×K), B′ = Bᵀ if transB else B (K×N), and C broadcast to M×N.
struct Gemm: Operator {
    var alpha: Float
    var beta: Float
    var transA: Bool
    var transB: Bool
    /// B′ᵀ (N×K) packed when the model was loaded, where B is a fixed weight (`Network.packWeights`).
    var packedWeight: PackedWeights?

    init(_ attributes: Attributes) throws {
        try attributes.allow(["alpha", "beta", "transA", "transB", "broadcast"])
        alpha = try attributes.float("alpha", default: 1)
        beta = try attributes.float("beta", default: 1)
        transA = try attributes.int("transA", default: 0) != 0
        transB = try attributes.int("transB", default: 0) != 0
    }

    private func dimensions(_ a: Tensor, _ b: Tensor) throws -> (m: Int, n: Int, k: Int) {
        try expectRank(a, 2, "input A")
        try expectRank(b, 2, "input B")
        let (m, k) = transA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (kb, n) = transB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        guard k == kb else {
            throw NeuralError("A \(a.shape) (transA \(transA ? 1 : 0)) and B \(b.shape) (transB \(transB ? 1 : 0)) disagree on the inner size (\(k) vs \(kb))")
        }
        return (m, n, k)
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let a = try inputs.required(0), b = try inputs.required(1)
        let (m, n, k) = try dimensions(a, b)
        var y = Tensor(shape: [m, n])
        if let c = inputs.optional(2), beta != 0 {
            guard (try? Broadcast.shape([c.shape, [m, n]])) == [m, n] else {
                throw NeuralError("C \(c.shape) cannot be broadcast to the output [\(m), \(n)]")
            }
            for (i, offset) in Broadcast.offsets(of: c.shape, onto: [m, n]).enumerated() { y.data[i] = beta * c.data[offset] }
        }
        if m > 1, alpha == 1, let packed = packedWeight?.matrices(for: b)?.first, packed.isFaster(columns: m, threads: Parallel.threadsHere) {
            // Yᵀ = B′ᵀ · A′ᵀ with B′ᵀ packed at load, then added to Y (holding beta · C). A′ᵀ
            // element (d, j) is A[j][d] (A stored [M, K]) or A[d][j] (transA, stored [K, M]). Yᵀ
            // goes to a matrix of its own, which the kernel stores from its registers after each
            // depth block; written into Y transposed, element by element, fc6 of AlexNet at
            // batch 8 took 3-7 % longer (bench/RESULTS.md).
            var product = [Float](unsafeUninitializedCapacity: n * m) { _, initialized in initialized = n * m }
            a.data.withUnsafeBufferPointer { ab in
                product.withUnsafeMutableBufferPointer { pb in
                    packed.multiply(ab.baseAddress!, ldb: a.shape[1], bTransposed: !transA, columns: m, into: pb.baseAddress!, ldc: m)
                }
            }
            for i in 0..<m {
                for j in 0..<n { y.data[i * n + j] += product[j * m + i] }
            }
        } else if m == 1, alpha == 1, transB, nk_matrix_vector_fast() != 0 {
            // One row of A and B stored [N, K] (a fully connected layer on one image): y = B · a + y,
            // NeuralKit's own kernel, rows split over the threads. AlexNet's fc6 (151 MB of
            // weights) read 10-20 % faster than through OpenBLAS's sgemv (bench/RESULTS.md).
            let rowsTogether = Int(NK_MATRIX_VECTOR_ROWS)
            b.data.withUnsafeBufferPointer { w in
                a.data.withUnsafeBufferPointer { x in
                    y.data.withUnsafeMutableBufferPointer { out in
                        Parallel.split((n + rowsTogether - 1) / rowsTogether,
                                       minimumPerThread: max(1, Parallel.elementsPerThread / (rowsTogether * k))) { blocks in
                            nk_matrix_vector(w.baseAddress!, k, k, blocks.lowerBound * rowsTogether, min(n, blocks.upperBound * rowsTogether),
                                             x.baseAddress!, out.baseAddress!)
                        }
                    }
                }
            }
        } else if m == 1 {
            // One row of A (contiguous whether or not transposed): y = alpha · B′ᵀ · a + y.
            // B stored [N, K] (transB) gives B·a; stored [K, N] gives Bᵀ·a.
            OpenBLAS.shared.sgemv(trans: !transB, rows: b.shape[0], columns: b.shape[1], alpha: alpha,
                                  a: b.data, x: a.data, beta: 1, y: &y.data)
        } else {
            OpenBLAS.shared.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                                  a: a.data, b: b.data, beta: 1, c: &y.data)
        }
        return [y]
    }

    /// Packs B′ᵀ from the fixed weight `b`: its element (i, d) is B[i][d] when transB (B stored
    /// [N, K]), else B[d][i] (stored [K, N]).
    mutating func pack(_ b: Tensor) {
        let (n, k) = transB ? (b.shape[0], b.shape[1]) : (b.shape[1], b.shape[0])
        let matrix = b.data.withUnsafeBufferPointer { PackedMatrix($0.baseAddress!, rows: n, depth: k, lda: b.shape[1], transposed: !transB) }
        packedWeight = PackedWeights(source: WeightSource(b), matrices: [matrix])
    }

    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let a = try inputs.required(0), b = try inputs.required(1), g = outputGradients[0]
        let (m, n, k) = try dimensions(a, b)
        let blas = OpenBLAS.shared
        var da = Tensor(shape: a.shape), db = Tensor(shape: b.shape)
        if transA {  // dA = alpha · B′ · Gᵀ  (K×M)
            blas.sgemm(transA: transB, transB: true, m: k, n: m, k: n, alpha: alpha, a: b.data, b: g.data, beta: 0, c: &da.data)
        } else {     // dA = alpha · G · B′ᵀ  (M×K)
            blas.sgemm(transA: false, transB: !transB, m: m, n: k, k: n, alpha: alpha, a: g.data, b: b.data, beta: 0, c: &da.data)
        }
        if transB {  // dB = alpha · Gᵀ · A′  (N×K)
            blas.sgemm(transA: true, transB: transA, m: n, n: k, k: m, alpha: alpha, a: g.data, b: a.data, beta: 0, c: &db.data)
        } else {     // dB = alpha · A′ᵀ · G  (K×N)
            blas.sgemm(transA: !transA, transB: false, m: k, n: n, k: m, alpha: alpha, a: a.data, b: g.data, beta: 0, c: &db.data)
        }
        var dc: Tensor?
        if let c = inputs.optional(2) {
            var scaled = Broadcast.reduce(g, to: c.shape)
            for i in 0..<scaled.count { scaled.data[i] *= beta }
            dc = scaled
        }
        return [da, db, dc]
    }
}
