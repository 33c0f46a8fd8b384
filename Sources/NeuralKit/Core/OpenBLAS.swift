import CBLAS
import Foundation

/// OpenBLAS, loaded at run time so that its CPU kernel can be chosen first.
///
/// OpenBLAS 0.3.21 misdetects the CPUs of common cloud VMs as an old core and then runs sgemm
/// several times slower than the hardware allows. The library reads `OPENBLAS_CORETYPE` once, when
/// it loads, so linking it normally would be too late to fix that from inside the program. Here the
/// library is opened with `dlopen` only after `OPENBLAS_CORETYPE` has been set from the CPU's own
/// feature flags (unless the user already set it).
public final class OpenBLAS: @unchecked Sendable {
    typealias Sgemm = @convention(c) (
        CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, Int32, Int32, Int32,
        Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
        Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    typealias Sgemv = @convention(c) (
        CBLAS_ORDER, CBLAS_TRANSPOSE, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
        UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void
    typealias GetInt = @convention(c) () -> Int32
    typealias GetString = @convention(c) () -> UnsafePointer<CChar>?

    /// The process-wide library, loaded on first use.
    public static let shared: OpenBLAS = {
        do { return try OpenBLAS() } catch { fatalError("\(error)") }
    }()

    /// Library names tried in order.
    static let libraryNames = ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib"]

    let sgemmFunction: Sgemm
    let sgemvFunction: Sgemv
    let setThreadsFunction: SetThreads?
    let getThreadsFunction: GetInt?
    /// The kernel OpenBLAS reports it runs (e.g. "SkylakeX", "Haswell", "Prescott").
    public let coreName: String
    /// `OPENBLAS_CORETYPE` as it was when the library loaded, and whether stimgen chose it.
    public let coreType: String?
    public let coreTypeChosenByStimgen: Bool

    private init() throws {
        let userCoreType = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
        var chosen = false
        let cpu = OpenBLAS.cpuInfo()
        if userCoreType == nil, let detected = OpenBLAS.coreType(forCPUFlags: cpu.flags, vendor: cpu.vendor) {
            setenv("OPENBLAS_CORETYPE", detected, 1)
            chosen = true
        }
        coreType = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
        coreTypeChosenByStimgen = chosen

        var handle: UnsafeMutableRawPointer?
        for name in OpenBLAS.libraryNames {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle else {
            throw NeuralError("cannot load OpenBLAS (tried \(OpenBLAS.libraryNames.joined(separator: ", "))); install libopenblas-dev")
        }
        guard let sgemm = dlsym(handle, "cblas_sgemm") else {
            throw NeuralError("the loaded OpenBLAS has no cblas_sgemm")
        }
        sgemmFunction = unsafeBitCast(sgemm, to: Sgemm.self)
        guard let sgemv = dlsym(handle, "cblas_sgemv") else {
            throw NeuralError("the loaded OpenBLAS has no cblas_sgemv")
        }
        sgemvFunction = unsafeBitCast(sgemv, to: Sgemv.self)
        setThreadsFunction = dlsym(handle, "openblas_set_num_threads").map { unsafeBitCast($0, to: SetThreads.self) }
        getThreadsFunction = dlsym(handle, "openblas_get_num_threads").map { unsafeBitCast($0, to: GetInt.self) }
        if let symbol = dlsym(handle, "openblas_get_corename"),
           let name = unsafeBitCast(symbol, to: GetString.self)() {
            coreName = String(cString: name)
        } else {
            coreName = "unknown"
        }
        // NeuralKit splits products over its own threads (`Parallel`); each call runs on one.
        setThreadsFunction?(1)
    }

    /// The OpenBLAS core type for a CPU with these /proc/cpuinfo flags and vendor, or nil to let
    /// OpenBLAS decide.
    ///
    /// The rule is the kernel measured fastest, not the newest the CPU supports. On AMD CPUs
    /// (Zen 4 has AVX-512 but executes each 512-bit operation as two 256-bit halves) the AVX2
    /// Haswell kernel is at least as fast as OpenBLAS 0.3.21's AVX-512 kernels: on an AMD EPYC
    /// with avx512_bf16, sgemm on ResNet-18's convolution shapes (M 64–512, N 49–12544,
    /// K 147–4608, one thread, GFLOP/s per CPU second) ran fastest or within noise of the fastest
    /// with Haswell, 12–16 % ahead of Cooperlake and SkylakeX on the early layers' shapes
    /// (bench/RESULTS.md). On Intel CPUs the AVX-512 kernels are the fast ones.
    static func coreType(forCPUFlags flags: Set<String>, vendor: String) -> String? {
        let avx2 = ["avx2", "fma"].allSatisfy(flags.contains)
        if vendor == "AuthenticAMD" && avx2 { return "Haswell" }
        let avx512 = ["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"].allSatisfy(flags.contains)
        if avx512 && flags.contains("avx512_bf16") { return "Cooperlake" }
        if avx512 { return "SkylakeX" }
        if avx2 { return "Haswell" }
        if flags.contains("avx") { return "SandyBridge" }
        return nil
    }

    /// The vendor (e.g. "AuthenticAMD", "GenuineIntel") and feature flags of the first CPU in
    /// /proc/cpuinfo (empty where there is no such file).
    static func cpuInfo() -> (vendor: String, flags: Set<String>) {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return ("", []) }
        let lines = text.split(separator: "\n")
        func value(_ key: String) -> Substring? {
            guard let line = lines.first(where: { $0.hasPrefix(key) }), let colon = line.firstIndex(of: ":") else { return nil }
            return line[line.index(after: colon)...]
        }
        let vendor = value("vendor_id").map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let flags = Set((value("flags") ?? "").split(separator: " ").map(String.init))
        return (vendor, flags)
    }

    /// Threads OpenBLAS uses for each call: 1, since NeuralKit splits products itself.
    public var threads: Int {
        Int(getThreadsFunction?() ?? 1)
    }

    /// C = alpha · op(A) · op(B) + beta · C, row-major; op(A) is M×K, op(B) is K×N, C is M×N.
    func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
               a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
               beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        sgemmFunction(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                      Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

extension OpenBLAS {
    /// The product `sgemm` computes, split over `Parallel.threads` into blocks of C: blocks of
    /// columns where C has at least as many columns as rows (early convolution layers: few
    /// filters, many pixels), else blocks of rows (late layers and fully connected ones). Each
    /// thread multiplies its block with one single-threaded sgemm, so each packs all of the other
    /// operand: the split runs along the larger side to keep that repeated packing small.
    func parallelSgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                       a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                       beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let byColumns = n >= m
        let (side, block) = byColumns ? (n, OpenBLAS.columnsPerBlock) : (m, OpenBLAS.rowsPerBlock)
        let blocks = (side + block - 1) / block
        let blockWork = block * (byColumns ? m : n) * k
        Parallel.split(blocks, minimumPerThread: max(1, OpenBLAS.multiplyAddsPerThread / max(1, blockWork))) { range in
            let first = range.lowerBound * block, count = min(side, range.upperBound * block) - first
            if byColumns {
                sgemm(transA: transA, transB: transB, m: m, n: count, k: k, alpha: alpha, a: a, lda: lda,
                      b: b + (transB ? first * ldb : first), ldb: ldb, beta: beta, c: c + first, ldc: ldc)
            } else {
                sgemm(transA: transA, transB: transB, m: count, n: n, k: k, alpha: alpha,
                      a: a + (transA ? first : first * lda), lda: lda, b: b, ldb: ldb,
                      beta: beta, c: c + first * ldc, ldc: ldc)
            }
        }
    }

    /// Columns and rows of C that `parallelSgemm`'s blocks come in: multiples of the width and
    /// height of OpenBLAS's AVX2 and AVX-512 micro-kernels, so no thread gets a ragged edge in
    /// the middle of C.
    static let columnsPerBlock = 16, rowsPerBlock = 8
    /// Multiply-adds below which a product stays on one thread (about 10 µs of sgemm).
    static let multiplyAddsPerThread = 1 << 19

    /// y = alpha · op(A) · x + beta · y, A row-major rows×columns (op(A) = Aᵀ when `trans`).
    /// A fully connected layer on one image is this, not a matrix product: sgemm would repack the
    /// whole weight matrix for a single row. Split over `Parallel.threads` into blocks of y, each
    /// reading its own part of A: the product is bound by the memory's speed, and two cores
    /// draw more from it than one.
    func sgemv(trans: Bool, rows: Int, columns: Int, alpha: Float = 1, a: [Float], x: [Float], beta: Float, y: inout [Float]) {
        let outputs = trans ? columns : rows
        a.withUnsafeBufferPointer { ab in
            x.withUnsafeBufferPointer { xb in
                y.withUnsafeMutableBufferPointer { yb in
                    let (a, x, y) = (ab.baseAddress!, xb.baseAddress!, yb.baseAddress!)
                    Parallel.split(outputs, minimumPerThread: max(1, OpenBLAS.multiplyAddsPerThread / max(1, trans ? rows : columns))) { block in
                        // Block of y from rows of A (no transpose) or from columns of A (transpose).
                        let part = a + (trans ? block.lowerBound : block.lowerBound * columns)
                        sgemvFunction(CblasRowMajor, trans ? CblasTrans : CblasNoTrans,
                                      Int32(trans ? rows : block.count), Int32(trans ? block.count : columns), alpha,
                                      part, Int32(columns), x, 1, beta, y + block.lowerBound, 1)
                    }
                }
            }
        }
    }

    /// C = alpha · op(A) · op(B) + beta · C on row-major arrays, op(A) M×K, op(B) K×N; offsets in
    /// elements; split over `Parallel.threads` (`parallelSgemm`).
    func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
               a: [Float], aOffset: Int = 0, b: [Float], bOffset: Int = 0,
               beta: Float, c: inout [Float], cOffset: Int = 0) {
        a.withUnsafeBufferPointer { ab in
            b.withUnsafeBufferPointer { bb in
                c.withUnsafeMutableBufferPointer { cb in
                    parallelSgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
                          a: ab.baseAddress! + aOffset, lda: transA ? m : k,
                          b: bb.baseAddress! + bOffset, ldb: transB ? k : n,
                          beta: beta, c: cb.baseAddress! + cOffset, ldc: n)
                }
            }
        }
    }
}
