import Foundation

/// How the process's allocator treats tensor-sized blocks.
///
/// A forward pass allocates and frees each layer's output (megabytes) once per image. glibc's
/// defaults give such blocks back to the kernel when freed (mmap'd blocks, and a trimmed heap
/// top), so every run faults the same memory in again, page by zeroed page: for a ResNet-50-shaped
/// graph at batch 8, about 230 MB of page faults per run. Keeping freed memory in the heap lets
/// the next run reuse it; the process's peak memory is unchanged.
enum TensorMemory {
    /// Blocks up to this size (bytes) come from the heap: glibc's largest allowed mmap threshold.
    static let heapBlockLimit: Int32 = 32 << 20
    /// Free memory at the heap's top (bytes) kept rather than given back to the kernel.
    static let retainedHeapTop: Int32 = 1 << 30

    /// glibc's `mallopt` parameters (malloc.h, which Swift's Glibc module does not import).
    static let trimThresholdParameter: Int32 = -1, mmapThresholdParameter: Int32 = -3
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32

    /// Applies the settings once, before the first network runs (a no-op without glibc).
    static let retainFreedBlocks: Void = {
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThresholdParameter, heapBlockLimit)
        _ = mallopt(trimThresholdParameter, retainedHeapTop)
    }()
}
