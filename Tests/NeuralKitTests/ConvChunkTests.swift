import Testing
@testable import NeuralKit

/// A first layer's convolution in chunks of output rows (`Conv.chunks`): when it is chosen, and
/// the output against a direct sum in Double.
@Suite struct ConvChunkTests {
    func plan(input: [Int], weight: [Int], _ attributes: [String: Attributes.Value]) throws -> Conv.Plan {
        try Conv(Attributes(attributes)).plan(Tensor(shape: input), Tensor(shape: weight), nil)
    }

    /// ResNet's first layer (3 → 64 channels, 7 × 7, stride 2, 224 px): its column matrix has
    /// 3·7·7 = 147 rows of 112 pixels per output row, 16 464 floats; 196 608 / 16 464 = 11.9, so
    /// 11 rows fit a chunk and 112 rows take ⌈112 / 11⌉ = 11 chunks, 12 to share among 2 threads
    /// (at most ⌈112 / 12⌉ = 10 rows, 164 640 floats, each).
    @Test func resnetsFirstLayerRunsInChunksThatFitTheBudget() throws {
        let p = try plan(input: [1, 3, 224, 224], weight: [64, 3, 7, 7], ["strides": .ints([2, 2]), "pads": .ints([3, 3, 3, 3])])
        #expect(p.outH == 112 && p.k == 147)
        #expect(Conv.chunks(p, threads: 1) == 11)
        #expect(Conv.chunks(p, threads: 2) == 12)
        #expect(10 * 147 * 112 <= Conv.chunkBudget)
    }

    /// Products whose weight is large against the column matrix run whole: AlexNet's 5 × 5 layer
    /// (729 pixels, fewer than 16 per each of its 192 filters), a pointwise layer (no column
    /// matrix), and a small map.
    @Test func otherLayersRunWhole() throws {
        #expect(try Conv.chunks(plan(input: [1, 64, 27, 27], weight: [192, 64, 5, 5], ["pads": .ints([2, 2, 2, 2])]), threads: 1) == nil)
        #expect(try Conv.chunks(plan(input: [1, 64, 224, 224], weight: [8, 64, 1, 1], [:]), threads: 1) == nil)
        #expect(try Conv.chunks(plan(input: [1, 3, 32, 32], weight: [8, 3, 7, 7], ["strides": .ints([2, 2])]), threads: 1) == nil)
    }

    /// Shapes: channels in, filters, group, side (px); each 7 × 7, stride 2, padding 3, so that
    /// the chunk boundaries fall between output rows of a map with padding on every edge.
    static let shapes: [(Int, Int, Int, Int)] = [(3, 8, 1, 118), (4, 8, 2, 150)]

    /// With the weight packed (as a loaded model's is), the output matches a direct sum within
    /// 1e-5 of each output's Σ|w·x| (im2col's products err by a few 2⁻²⁴ of it), with the bias,
    /// and with a fused Relu clamping exactly that output at zero; under each kernel set this CPU
    /// runs: in chunks without AVX-512, straight from the input (`ImplicitConvolution`) with it.
    @Test(arguments: 0..<shapes.count)
    func chunkedConvolutionMatchesADirectSum(_ index: Int) throws {
        let (c, m, group, side) = ConvChunkTests.shapes[index]
        var op = try Conv(Attributes(["strides": .ints([2, 2]), "pads": .ints([3, 3, 3, 3]), "group": .int(group)]))
        let x = seededTensor([1, c, side, side], seed: 40 + UInt64(index))
        let weight = seededTensor([m, c / group, 7, 7], seed: 50 + UInt64(index)), bias = seededTensor([m], seed: 60)
        op.pack(weight)
        let p = try op.plan(x, weight, bias)
        #expect(Conv.chunks(p, threads: Parallel.threads) != nil)
        let reference = directConvolution(x, weight, bias, group: group, strides: (2, 2), pads: [3, 3, 3, 3])
        try KernelSets.each { kernels in
            op.clampsAtZero = false
            let y = try op.forward([x, weight, bias])[0]
            let worst = worstRelativeError(y, reference)
            #expect(worst <= 1e-5, "kernels \(kernels.rawValue), implicit \(ImplicitConvolution.runs(p)): largest error relative to Σ|w·x|: \(worst)")
            op.clampsAtZero = true
            let clamped = try op.forward([x, weight, bias])[0]
            #expect(clamped.data == y.data.map { max($0, 0) })
            #expect(y.data.contains { $0 < 0 } && y.data.contains { $0 > 0 })
        }
    }
}
