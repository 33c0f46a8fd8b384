import CNeuralKernels
import Testing
@testable import NeuralKit

/// A convolution multiplied straight from its input (`ImplicitConvolution`, implicit_conv.h): the
/// phase planes and tap offsets checked value by value against the input pixel each tap reads,
/// worked out from the geometry; whole convolutions against a direct sum in Double.
@Suite(.serialized) struct ImplicitConvolutionTests {
    /// (input [N, C, H, W], weight [M, C/group, kH, kW], strides, pads (top, left, bottom, right),
    /// dilations, group, residual, threads): AlexNet's first two layers' geometry (11 × 11 stride 4;
    /// 5 × 5 padding 2, 27 px), stride 2 with uneven padding and a width not a multiple of 16, a
    /// dilated kernel, two groups, 4 × 32 · 9 = 1152-deep filters (several depth blocks) with a
    /// residual on a batch of 3 (images split over the threads), a 1 × 3 kernel with stride 2 down
    /// (one row phase of two read), and few output pixels (the product split by filters).
    struct Case: Sendable {
        var input: [Int], weight: [Int]
        var strides = (1, 1), pads = [0, 0, 0, 0], dilations = (1, 1), group = 1
        var residual = false
        var threads = 1
    }

    static let cases: [Case] = [
        Case(input: [1, 3, 67, 67], weight: [16, 3, 11, 11], strides: (4, 4), pads: [2, 2, 2, 2]),
        Case(input: [1, 8, 27, 27], weight: [19, 8, 5, 5], pads: [2, 2, 2, 2], threads: 3),
        Case(input: [1, 5, 23, 37], weight: [13, 5, 3, 3], strides: (2, 2), pads: [1, 0, 2, 1]),
        Case(input: [1, 4, 17, 15], weight: [7, 4, 3, 3], pads: [2, 2, 2, 2], dilations: (2, 2)),
        Case(input: [1, 6, 12, 12], weight: [10, 3, 3, 3], pads: [1, 1, 1, 1], group: 2, threads: 2),
        Case(input: [3, 128, 9, 9], weight: [32, 128, 3, 3], pads: [1, 1, 1, 1], residual: true, threads: 3),
        Case(input: [1, 16, 14, 14], weight: [24, 16, 1, 3], strides: (2, 1)),
        Case(input: [1, 20, 5, 5], weight: [40, 20, 3, 3], strides: (2, 1), pads: [1, 1, 1, 1], threads: 2),
    ]

    func convolution(_ c: Case) throws -> Conv {
        try Conv(Attributes(["strides": .ints([c.strides.0, c.strides.1]), "pads": .ints(c.pads),
                             "dilations": .ints([c.dilations.0, c.dilations.1]), "group": .int(c.group)]))
    }

    /// Every tap's value at every output pixel, read where the offsets say, is the input pixel the
    /// tap reads there (zero outside the image); plus the zeros past the planes' end.
    @Test(arguments: 0..<cases.count)
    func tapsReadTheInputPixelsTheirGeometrySays(_ index: Int) throws {
        let c = ImplicitConvolutionTests.cases[index]
        let x = seededTensor(c.input, seed: 70 + UInt64(index)), weight = seededTensor(c.weight, seed: 80)
        let p = try convolution(c).plan(x, weight, nil)
        let implicit = ImplicitConvolution(p)
        var g = implicit.geometry
        let rowPitch = nk_implicit_phase_columns(&g)
        var phases = [Float](repeating: .nan, count: nk_implicit_input_count(&g))
        var offsets = [Int](repeating: -1, count: p.k)
        // In two calls, as two threads would write them.
        let half = p.cg / 2
        nk_implicit_input(&g, x.data, 0, half, &phases)
        nk_implicit_input(&g, x.data, half, p.cg, &phases)
        nk_implicit_offsets(&g, &offsets)
        var wrong = 0
        for channel in 0..<p.cg {
            for ki in 0..<p.window.kernel.h {
                for kj in 0..<p.window.kernel.w {
                    let d = (channel * p.window.kernel.h + ki) * p.window.kernel.w + kj
                    for oh in 0..<p.outH {
                        for ow in 0..<p.outW {
                            let ih = oh * c.strides.0 - c.pads[0] + ki * c.dilations.0
                            let iw = ow * c.strides.1 - c.pads[1] + kj * c.dilations.1
                            let inside = ih >= 0 && ih < p.h && iw >= 0 && iw < p.w
                            let expected: Float = inside ? x.data[(channel * p.h + ih) * p.w + iw] : 0
                            if phases[offsets[d] + oh * rowPitch + ow] != expected { wrong += 1 }
                        }
                    }
                }
            }
        }
        #expect(wrong == 0, "case \(index): \(wrong) taps read the wrong value")
        // The last tile's reads past the last row stay inside the buffer.
        let lastRead = offsets.max()! + nk_implicit_positions(&g) - 1
        #expect(lastRead < phases.count)
    }

    /// The convolution (weight packed, as a loaded model's is) within 1e-5 of each output's Σ|w·x|
    /// of a direct sum, with the bias, a residual where the case has one, and a fused Relu
    /// clamping exactly that output at zero.
    @Test(.enabled(if: nk_widest_kernels() == NK_KERNELS_AVX512, "the implicit product needs AVX-512"), arguments: 0..<cases.count)
    func convolutionMatchesADirectSum(_ index: Int) throws {
        try KernelSets.widest { try checkConvolution(index) }
    }

    func checkConvolution(_ index: Int) throws {
        let c = ImplicitConvolutionTests.cases[index]
        let saved = Parallel.threads
        defer { Parallel.threads = saved }
        Parallel.threads = c.threads
        var op = try convolution(c)
        let x = seededTensor(c.input, seed: 90 + UInt64(index))
        let weight = seededTensor(c.weight, seed: 100 + UInt64(index)), bias = seededTensor([c.weight[0]], seed: 110)
        op.pack(weight)
        let p = try op.plan(x, weight, bias)
        #expect(ImplicitConvolution.runs(p))
        let residual = c.residual ? seededTensor([p.n, p.m, p.outH, p.outW], seed: 120) : nil
        let y = try op.forward([x, weight, bias, residual])[0]
        var reference = directConvolution(x, weight, bias, group: c.group, strides: c.strides, pads: c.pads, dilations: c.dilations)
        if let residual {
            reference.y = zip(reference.y, residual.data).map { $0 + Double($1) }
            reference.scale = zip(reference.scale, residual.data).map { $0 + abs(Double($1)) }
        }
        #expect(y.shape == [p.n, p.m, p.outH, p.outW])
        let worst = worstRelativeError(y, reference)
        #expect(worst <= 1e-5, "case \(index): largest error relative to Σ|w·x|: \(worst)")
        op.clampsAtZero = true
        let clamped = try op.forward([x, weight, bias, residual])[0]
        #expect(clamped.data == y.data.map { max($0, 0) })
    }
}
