import CNeuralKernels

/// A layer's weight matrix (M rows × K depth: filters × inputs) packed once, when the model loads,
/// in the order NeuralKit's own matrix kernel reads it (`nk_gemm_packed`,
/// Sources/CNeuralKernels/include/packed_gemm.h).
///
/// OpenBLAS packs both operands of every product again on every call. On the products where the
/// weight is large against the rest (few columns: a fully connected layer on a batch, the Winograd
/// products of small maps, the late layers' few pixels) that repacking is a large share of the
/// time; with the weight packed once, a call packs only the small operand (bench/RESULTS.md).
struct PackedMatrix: Sendable {
    /// M and K.
    let rows, depth: Int
    /// The packed values (`nk_packed_count(rows, depth)` floats).
    let storage: [Float]

    /// Packs `a` (element (i, d) at `a[i · lda + d]`, or at `a[d · lda + i]` when `transposed`).
    init(_ a: UnsafePointer<Float>, rows: Int, depth: Int, lda: Int, transposed: Bool = false) {
        self.rows = rows
        self.depth = depth
        let count = nk_packed_count(rows, depth)
        storage = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            nk_pack(a, lda, transposed ? 1 : 0, rows, depth, buffer.baseAddress!)
            initialized = count
        }
    }

    /// Products with at most this many columns per row of the weight and per thread run here
    /// rather than in OpenBLAS. On wide products (an early layer's many pixels) the weight's
    /// repacking is a small share of OpenBLAS's time and its kernel is the faster one (this one
    /// reached 0.7–0.95 of its speed on such shapes, bench/neural/packed_gemm.c); one-thread
    /// whole-graph runs at 2 and 4 columns per row were within noise of each other and faster
    /// than at 0, 1 or 8 (bench/RESULTS.md).
    static let maximumColumnsPerRow = 2

    /// Whether a product of this weight with `columns` columns, split over `threads` threads,
    /// runs faster here than in OpenBLAS. OpenBLAS's split by columns (`parallelSgemm`) has every
    /// thread pack the whole weight again, so the repacking saved here grows with the threads.
    func isFaster(columns: Int, threads: Int) -> Bool {
        columns <= PackedMatrix.maximumColumnsPerRow * rows * max(1, threads)
    }

    /// C = W · B (+ `rowBias` per row) (+ `addend`, laid out as C) (clamped at zero when
    /// `clampsAtZero`) for B of `depth` × `columns` (element (d, j) at `b[d · ldb + j]`, or at
    /// `b[j · ldb + d]` when `bTransposed`); C element (i, j) at `c[i · ldc + j]`. Split over
    /// `Parallel.threads` into blocks of columns, or of rows where C has fewer columns than rows.
    func multiply(_ b: UnsafePointer<Float>, ldb: Int, bTransposed: Bool = false, columns: Int,
                  into c: UnsafeMutablePointer<Float>, ldc: Int,
                  rowBias: UnsafePointer<Float>? = nil, addend: UnsafePointer<Float>? = nil, clampsAtZero: Bool = false) {
        split(columns: columns) { rowRange, columnRange in
            let (row, column) = (rowRange.lowerBound, columnRange.lowerBound)
            storage.withUnsafeBufferPointer { packed in
                nk_gemm_packed(packed.baseAddress!, rows, depth, row, rowRange.upperBound,
                               b + (bTransposed ? column * ldb : column), ldb, bTransposed ? 1 : 0, columnRange.count,
                               c + row * ldc + column, ldc, rowBias, addend.map { $0 + row * ldc + column }, clampsAtZero ? 1 : 0)
            }
        }
    }

    /// C = W · B (+ `rowBias` per row) (+ `addend`, laid out as C) (clamped at zero when
    /// `clampsAtZero`) for B of `depth` × `columns` already packed in the kernel's order
    /// (`Im2Col.unfoldPacked`, `nk_packed_b_count`); C element (i, j) at `c[i · ldc + j]`. Split
    /// over the threads as `multiply(_:ldb:...)` is.
    func multiply(packedColumns b: UnsafePointer<Float>, columns: Int, into c: UnsafeMutablePointer<Float>, ldc: Int,
                  rowBias: UnsafePointer<Float>?, addend: UnsafePointer<Float>?, clampsAtZero: Bool) {
        split(columns: columns) { rowRange, columnRange in
            let row = rowRange.lowerBound
            storage.withUnsafeBufferPointer { packed in
                nk_gemm_prepacked(packed.baseAddress!, rows, depth, row, rowRange.upperBound, b, columns,
                                  columnRange.lowerBound, columnRange.upperBound, c + row * ldc, ldc,
                                  rowBias, addend.map { $0 + row * ldc }, clampsAtZero ? 1 : 0)
            }
        }
    }

    /// Splits a product with `columns` columns over `Parallel.threads`: into blocks of whole
    /// column panels (`columnStep` columns each: the packed product's panels, or the implicit
    /// convolution's tiles), or of whole row panels where C has fewer columns than rows. `body`
    /// gets each block's rows and columns of C.
    func split(columns: Int, columnStep: Int = Int(NK_PANEL_COLUMNS), _ body: (Range<Int>, Range<Int>) -> Void) {
        let byColumns = columns >= rows
        let step = byColumns ? columnStep : Int(NK_PANEL_ROWS)
        let side = byColumns ? columns : rows
        let panelWork = step * (byColumns ? rows : columns) * depth
        Parallel.split((side + step - 1) / step, minimumPerThread: max(1, OpenBLAS.multiplyAddsPerThread / max(1, panelWork))) { range in
            let block = range.lowerBound * step..<min(side, range.upperBound * step)
            if byColumns { body(0..<rows, block) } else { body(block, 0..<columns) }
        }
    }
}
