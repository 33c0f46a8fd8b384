import Dispatch
import Foundation

/// A raw pointer handed to worker threads that write disjoint rows of one buffer.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>?
    init(_ p: UnsafeMutablePointer<T>?) { pointer = p }
    init(_ p: UnsafePointer<T>?) { pointer = UnsafeMutablePointer(mutating: p) }
}

/// Worker threads for row-parallel loops: all cores unless `STIMGEN_THREADS` sets a number (≥ 1).
enum RenderThreads {
    static let count: Int = {
        if let s = ProcessInfo.processInfo.environment["STIMGEN_THREADS"], let n = Int(s), n >= 1 { return n }
        return ProcessInfo.processInfo.activeProcessorCount
    }()
}

/// Runs `body(y)` for every row `0..<rows`, spread over `RenderThreads.count` threads in contiguous bands.
func parallelRows(_ rows: Int, threads: Int = RenderThreads.count, _ body: @Sendable (Int) -> Void) {
    let bands = max(1, min(threads, rows))
    if bands == 1 {
        for y in 0..<rows { body(y) }
        return
    }
    DispatchQueue.concurrentPerform(iterations: bands) { b in
        let lo = rows * b / bands, hi = rows * (b + 1) / bands
        for y in lo..<hi { body(y) }
    }
}
