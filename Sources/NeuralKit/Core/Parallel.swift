import CNeuralKernels
import Foundation
import Synchronization

/// The threads NeuralKit splits its work over: one pool, NeuralKit's own.
///
/// OpenBLAS is kept at one thread per call, and every op that splits its work (the products of
/// a convolution or a fully connected layer, im2col, the Winograd transforms, pooling, the
/// element-wise passes) splits it into one contiguous range per thread here. Left to OpenBLAS,
/// a second thread only helped inside each product: on the many small products of a CNN it
/// waited for the next one while NeuralKit's own passes ran on one thread (bench/RESULTS.md).
public enum Parallel {
    private static let requestedThreads = Atomic<Int>(ProcessInfo.processInfo.activeProcessorCount)
    /// A thread-local mark, set while a thread runs its share of a split: a split inside it (an
    /// op's pass within one thread's share of images) stays on that thread.
    private static let insideSplit: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "cannot create a thread-local key")
        return key
    }()

    /// Threads each op may use (1 or more; `--threads` of the model commands). The default is
    /// every core the process may run on.
    public static var threads: Int {
        get { requestedThreads.load(ordering: .relaxed) }
        set { requestedThreads.store(max(1, newValue), ordering: .relaxed) }
    }

    /// Runs `body` over `0..<count` split into contiguous ranges, one per thread and all at once,
    /// each at least `minimumPerThread` long (so small work stays on the calling thread), and
    /// returns when all are done. `body` must only write memory its own range owns. The ranges
    /// run on the calling thread and NeuralKit's worker threads (`nk_pool_run`); when the workers
    /// are running another caller's split, the same ranges run one after another on the calling
    /// thread (so the results never depend on which threads were free).
    public static func split(_ count: Int, minimumPerThread: Int = 1, _ body: (Range<Int>) -> Void) {
        let workers = min(threads, count / max(1, minimumPerThread))
        guard workers > 1, !isInsideSplit else { return body(0..<count) }
        withoutActuallyEscaping(body) { body in
            var share = Share(count: count, parts: workers, body: body)
            let ran = withUnsafeMutablePointer(to: &share) { share in
                nk_pool_run(Int32(workers), { context, part in
                    context!.assumingMemoryBound(to: Share.self).pointee.run(Int(part))
                }, share) == 0
            }
            if !ran { for part in 0..<workers { share.run(part) } }
        }
    }

    /// One split's work as the pool's threads see it: part `p` of `parts` runs its range of `count`.
    private struct Share {
        let count: Int
        let parts: Int
        let body: (Range<Int>) -> Void

        func run(_ part: Int) {
            pthread_setspecific(Parallel.insideSplit, UnsafeRawPointer(bitPattern: 1))
            defer { pthread_setspecific(Parallel.insideSplit, nil) }
            body(count * part / parts..<count * (part + 1) / parts)
        }
    }

    /// Whether this thread is running its share of a split (where a further split stays on it).
    static var isInsideSplit: Bool { pthread_getspecific(insideSplit) != nil }

    /// Threads a split started on this thread would use: 1 within a thread's share of a split.
    static var threadsHere: Int { isInsideSplit ? 1 : threads }

    /// Elements below which an element-wise pass runs on one thread: waking a second thread costs
    /// about as much as a pass over this many floats.
    public static let elementsPerThread = 1 << 15
}
