import Foundation
import Synchronization
import Testing
@testable import NeuralKit

/// NeuralKit's own threads: a split covers its range once, a split inside a split stays on its
/// thread, and every op that splits its work gives on several threads what it gives on one (the
/// one-thread path is checked against onnxruntime by ONNXReferenceTests): the same floats where
/// each thread computes whole elements in the one-thread order, and within float rounding where
/// OpenBLAS multiplies a block of C (its kernel's blocking depends on the block's size). The shapes
/// are large enough to be split (`Parallel.elementsPerThread`, `OpenBLAS.multiplyAddsPerThread`).
@Suite(.serialized) struct ParallelTests {
    /// `body` run at 1 and at 3 threads (more than this machine may have: the split must not
    /// depend on the core count), the thread count restored afterwards.
    func onOneAndThreeThreads<T>(_ body: () throws -> T) rethrows -> (one: T, three: T) {
        let saved = Parallel.threads
        defer { Parallel.threads = saved }
        Parallel.threads = 1
        let one = try body()
        Parallel.threads = 3
        return (one, try body())
    }

    /// The largest |a − b| / max(1, |b|) over two equally long arrays (infinity when their lengths differ).
    func largestRelativeDifference(_ a: [Float], _ b: [Float]) -> Float {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1) / max(1, abs($1.1))) }
    }

    @Test func splitCoversEveryIndexOnceInContiguousRanges() {
        let saved = Parallel.threads
        defer { Parallel.threads = saved }
        Parallel.threads = 3
        let visits = Mutex([Int](repeating: 0, count: 10))
        let ranges = Mutex<[Range<Int>]>([])
        Parallel.split(10) { range in
            ranges.withLock { $0.append(range) }
            visits.withLock { for i in range { $0[i] += 1 } }
        }
        #expect(visits.withLock { $0 } == Array(repeating: 1, count: 10))
        #expect(ranges.withLock { $0.sorted { $0.lowerBound < $1.lowerBound } } == [0..<3, 3..<6, 6..<10])
    }

    @Test func smallWorkAndSplitsInsideASplitStayOnOneThread() {
        let saved = Parallel.threads
        defer { Parallel.threads = saved }
        Parallel.threads = 3
        let calls = Atomic<Int>(0)
        Parallel.split(5, minimumPerThread: 3) { range in
            #expect(range == 0..<5)
            calls.add(1, ordering: .relaxed)
        }
        let inner = Mutex<[Range<Int>]>([])
        Parallel.split(3) { _ in
            Parallel.split(8) { range in inner.withLock { $0.append(range) } }
        }
        #expect(calls.load(ordering: .relaxed) == 1)
        #expect(inner.withLock { $0 } == Array(repeating: 0..<8, count: 3))
    }

    @Test func splitsInQuickSuccessionOnChangingThreadCountsRunEveryIndexOnce() {
        let saved = Parallel.threads
        defer { Parallel.threads = saved }
        // The pool's workers stay awake between splits; a worker not needed by one split (3 threads
        // after 4) must not run a part of the next.
        for threads in [2, 4, 3, 2, 4, 2] {
            Parallel.threads = threads
            for count in 1...200 {
                let visits = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
                defer { visits.deallocate() }
                visits.initialize(repeating: 0)
                nonisolated(unsafe) let shared = visits
                Parallel.split(count) { range in for i in range { shared[i] += 1 } }
                #expect(visits.allSatisfy { $0 == 1 }, "\(threads) threads, \(count) indices")
            }
        }
    }

    @Test func splitsFromSeveralCallersAtOnceRunEveryIndexOnce() {
        let saved = Parallel.threads
        defer { Parallel.threads = saved }
        Parallel.threads = 2
        // While one caller's split holds the pool, another's runs on its own thread.
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { caller in
            for count in 1...300 {
                let visits = Mutex([Int](repeating: 0, count: count))
                Parallel.split(count) { range in visits.withLock { for i in range { $0[i] += 1 } } }
                if visits.withLock({ $0 }) != Array(repeating: 1, count: count) { failures.add(1, ordering: .relaxed) }
            }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
    }

    @Test func thePartsOfASplitRunAtTheSameTime() {
        let saved = Parallel.threads
        defer { Parallel.threads = saved }
        Parallel.threads = 2
        // Each part waits (up to 1 s) for the other to start: only parts that run at once both see
        // the other. A split that finds the pool busy (another suite's split) runs its parts one
        // after the other on its caller's thread, so a few tries are allowed.
        var metConcurrently = false
        for _ in 0..<20 where !metConcurrently {
            let started = Atomic<Int>(0), met = Atomic<Int>(0)
            Parallel.split(2) { _ in
                started.add(1, ordering: .acquiringAndReleasing)
                let deadline = Date().addingTimeInterval(1)
                while started.load(ordering: .acquiring) < 2, Date() < deadline {}
                if started.load(ordering: .acquiring) == 2 { met.add(1, ordering: .relaxed) }
            }
            metConcurrently = met.load(ordering: .relaxed) == 2
        }
        #expect(metConcurrently)
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func splitProductsAgreeWithOneProduct(_ transA: Bool, _ transB: Bool) {
        // Wide C (split by columns) and tall C (split by rows), with leading dimensions wider than the matrices.
        for (m, n, k) in [(24, 1000, 90), (1000, 24, 90)] {
            let (lda, ldb, ldc) = ((transA ? m : k) + 3, (transB ? k : n) + 5, n + 7)
            let a = seededTensor([(transA ? k : m) * lda], seed: 11).data, b = seededTensor([(transB ? n : k) * ldb], seed: 12).data
            let results = onOneAndThreeThreads { () -> [Float] in
                var c = seededTensor([m * ldc], seed: 13).data
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        c.withUnsafeMutableBufferPointer { c in
                            OpenBLAS.shared.parallelSgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5,
                                                          a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb,
                                                          beta: 2, c: c.baseAddress!, ldc: ldc)
                        }
                    }
                }
                return c
            }
            // Sums of 90 products of values below 1 in magnitude: float rounding stays below 1e-5.
            #expect(largestRelativeDifference(results.three, results.one) < 1e-5, "m \(m) n \(n) k \(k)")
        }
    }

    @Test(arguments: [false, true])
    func splitMatrixVectorProductMatchesADirectSum(_ trans: Bool) {
        // 300 × 5000: enough multiply-adds for each of the three threads' blocks of y.
        let (rows, columns) = (300, 5000)
        let a = seededTensor([rows * columns], seed: 21).data
        let x = seededTensor([trans ? rows : columns], seed: 22).data, y0 = seededTensor([trans ? columns : rows], seed: 23).data
        let results = onOneAndThreeThreads { () -> [Float] in
            var y = y0
            OpenBLAS.shared.sgemv(trans: trans, rows: rows, columns: columns, alpha: 0.5, a: a, x: x, beta: 2, y: &y)
            return y
        }
        for (index, y) in [results.one, results.three].enumerated() {
            var worst = 0.0
            for i in y.indices {
                let terms = (0..<(trans ? rows : columns)).map { d in Double(trans ? a[d * columns + i] : a[i * columns + d]) * Double(x[d]) }
                let expected = 0.5 * terms.reduce(0, +) + 2 * Double(y0[i])
                worst = max(worst, abs(Double(y[i]) - expected) / (1 + terms.reduce(0) { $0 + abs($1) }))
            }
            #expect(worst < 1e-6, "trans \(trans), \(index == 0 ? 1 : 3) threads: \(worst)")
        }
    }

    /// A case: an op, its inputs, and what it exercises.
    struct Case: CustomStringConvertible {
        var description: String
        var op: any Operator
        var inputs: [Tensor?]
        /// Whether OpenBLAS multiplies blocks of C (so the threads' sums may round differently).
        var multipliesInBlocks = false
    }

    static func cases() throws -> [Case] {
        func conv(_ attributes: [String: Attributes.Value], clamps: Bool = false) throws -> Conv {
            var op = try Conv(Attributes(attributes))
            op.clampsAtZero = clamps
            return op
        }
        var add = try Elementwise(.add, Attributes())
        add.clampsAtZero = true
        let pool: [String: Attributes.Value] = ["kernel_shape": .ints([3, 3]), "strides": .ints([2, 2]), "pads": .ints([1, 1, 1, 1])]
        var maxPoolWithIndices = try Pool(.max, Attributes(pool))
        maxPoolWithIndices.producesIndices = true
        return [
            Case(description: "Winograd 3×3, one image", op: try conv(["pads": .ints([1, 1, 1, 1])], clamps: true),
                 inputs: [seededTensor([1, 16, 40, 40], seed: 1), seededTensor([32, 16, 3, 3], seed: 2), seededTensor([32], seed: 3)]),
            Case(description: "im2col 5×5 stride 2, one image", op: try conv(["strides": .ints([2, 2]), "pads": .ints([2, 2, 2, 2])]),
                 inputs: [seededTensor([1, 8, 70, 70], seed: 4), seededTensor([24, 8, 5, 5], seed: 5), seededTensor([24], seed: 6)],
                 multipliesInBlocks: true),
            Case(description: "im2col 5×5 stride 2, images shared out", op: try conv(["strides": .ints([2, 2]), "pads": .ints([2, 2, 2, 2])]),
                 inputs: [seededTensor([4, 8, 70, 70], seed: 4), seededTensor([24, 8, 5, 5], seed: 5), nil]),
            Case(description: "1×1, images in one product", op: try conv([:], clamps: true),
                 inputs: [seededTensor([4, 128, 7, 7], seed: 7), seededTensor([256, 128, 1, 1], seed: 8), seededTensor([256], seed: 9)],
                 multipliesInBlocks: true),
            Case(description: "depthwise 3×3", op: try conv(["group": .int(32), "pads": .ints([1, 1, 1, 1])]),
                 inputs: [seededTensor([2, 32, 40, 40], seed: 10), seededTensor([32, 1, 3, 3], seed: 11), seededTensor([32], seed: 12)]),
            Case(description: "max pool with indices", op: maxPoolWithIndices,
                 inputs: [seededTensor([2, 16, 64, 64], seed: 13)]),
            Case(description: "average pool", op: try Pool(.average, Attributes(pool)), inputs: [seededTensor([2, 16, 64, 64], seed: 14)]),
            Case(description: "concat", op: try Concat(Attributes(["axis": .int(1)])),
                 inputs: [seededTensor([2, 16, 32, 32], seed: 15), seededTensor([2, 8, 32, 32], seed: 16)]),
            Case(description: "add with a fused Relu", op: add, inputs: [seededTensor([2, 16, 64, 64], seed: 17), seededTensor([2, 16, 64, 64], seed: 18)]),
            Case(description: "relu", op: Activation(.relu), inputs: [seededTensor([2, 16, 64, 64], seed: 19)]),
            Case(description: "LRN", op: try LRN(Attributes(["size": .int(5)])), inputs: [seededTensor([2, 16, 64, 64], seed: 20)]),
        ]
    }

    @Test func everyOpGivesOnThreeThreadsWhatItGivesOnOne() throws {
        for test in try ParallelTests.cases() {
            let outputs = try onOneAndThreeThreads { try test.op.forward(test.inputs) }
            #expect(outputs.one.map(\.shape) == outputs.three.map(\.shape), "\(test)")
            for (one, three) in zip(outputs.one, outputs.three) {
                if test.multipliesInBlocks {
                    #expect(largestRelativeDifference(three.data, one.data) < 1e-5, "\(test)")
                } else {
                    #expect(three == one, "\(test)")
                }
            }
        }
    }
}
