/// Matrix product (ONNX MatMul) of A [..., M, K] and B [K, N] (shared by every leading index) or
/// B [..., K, N] with the same leading axes as A; output [..., M, N].
struct MatMul: Operator {
    init(_ attributes: Attributes) throws { try attributes.allow([]) }

    private struct Plan { var batches, m, k, n: Int; var sharedB: Bool; var shape: [Int] }

    private func plan(_ a: Tensor, _ b: Tensor) throws -> Plan {
        guard a.rank >= 2, b.rank >= 2 else {
            throw NeuralError("inputs must have rank 2 or more (supported: A [..., M, K] with B [K, N] or B [..., K, N]), got \(a.shape) and \(b.shape)")
        }
        let m = a.shape[a.rank - 2], k = a.shape[a.rank - 1]
        let n = b.shape[b.rank - 1]
        let leading = Array(a.shape.dropLast(2))
        guard b.shape[b.rank - 2] == k, b.rank == 2 || Array(b.shape.dropLast(2)) == leading else {
            throw NeuralError("A \(a.shape) and B \(b.shape) do not multiply (supported: A [..., M, K] with B [K, N] or B [..., K, N])")
        }
        return Plan(batches: leading.reduce(1, *), m: m, k: k, n: n, sharedB: b.rank == 2, shape: leading + [m, n])
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let a = try inputs.required(0), b = try inputs.required(1)
        let p = try plan(a, b)
        var y = Tensor(shape: p.shape)
        let blas = OpenBLAS.shared
        if p.sharedB {
            blas.sgemm(transA: false, transB: false, m: p.batches * p.m, n: p.n, k: p.k, a: a.data, b: b.data, beta: 0, c: &y.data)
        } else {
            for i in 0..<p.batches {
                blas.sgemm(transA: false, transB: false, m: p.m, n: p.n, k: p.k, a: a.data, aOffset: i * p.m * p.k,
                           b: b.data, bOffset: i * p.k * p.n, beta: 0, c: &y.data, cOffset: i * p.m * p.n)
            }
        }
        return [y]
    }

    /// dA = G·Bᵀ, dB = Aᵀ·G (summed over the leading axes when B is shared).
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let a = try inputs.required(0), b = try inputs.required(1), g = outputGradients[0]
        let p = try plan(a, b)
        var da = Tensor(shape: a.shape), db = Tensor(shape: b.shape)
        let blas = OpenBLAS.shared
        if p.sharedB {
            blas.sgemm(transA: false, transB: true, m: p.batches * p.m, n: p.k, k: p.n, a: g.data, b: b.data, beta: 0, c: &da.data)
            blas.sgemm(transA: true, transB: false, m: p.k, n: p.n, k: p.batches * p.m, a: a.data, b: g.data, beta: 0, c: &db.data)
        } else {
            for i in 0..<p.batches {
                blas.sgemm(transA: false, transB: true, m: p.m, n: p.k, k: p.n, a: g.data, aOffset: i * p.m * p.n,
                           b: b.data, bOffset: i * p.k * p.n, beta: 0, c: &da.data, cOffset: i * p.m * p.k)
                blas.sgemm(transA: true, transB: false, m: p.k, n: p.n, k: p.m, a: a.data, aOffset: i * p.m * p.k,
                           b: g.data, bOffset: i * p.m * p.n, beta: 0, c: &db.data, cOffset: i * p.k * p.n)
            }
        }
        return [da, db]
    }
}
