import CNeuralKernels
import Foundation

/// The kernel sets the tests run NeuralKit's products under (`nk_limit_kernels`, a setting of the
/// whole process): one test at a time holds it, so that a test checking one set's path is not
/// handed another by a test running beside it.
enum KernelSets {
    private static let lock = NSLock()

    /// Runs `body` with the kernels limited to each set this CPU runs in turn, narrowest first
    /// (the widest is what the products use; the narrower ones are what other CPUs use), then
    /// lifts the limit.
    static func each(_ body: (nk_kernel_set) throws -> Void) rethrows {
        lock.lock()
        defer {
            nk_limit_kernels(NK_KERNELS_AVX512)
            lock.unlock()
        }
        for raw in 0...nk_widest_kernels().rawValue {
            let kernels = nk_kernel_set(rawValue: raw)
            nk_limit_kernels(kernels)
            try body(kernels)
        }
    }

    /// Runs `body` with the widest kernel set this CPU runs, which no other test lowers meanwhile.
    static func widest<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
