import Testing
@testable import NeuralKit

/// A residual connection's Add fused into the Conv before it (`Network.fuseResidualAdds`): the
/// importer's rewrite, and the Conv's output on each of its paths against a direct sum.
@Suite struct ConvResidualTests {
    /// One path's case: input and weight shapes, attributes, whether the weight is packed (as a
    /// loaded model's is), and the residual's shape (the output's, or one that broadcasts).
    struct Case: Sendable {
        var what: String
        var input: [Int], weight: [Int]
        var strides = 1, pads = 0, group = 1
        var packed = true
        var broadcastResidual = false

        func conv() throws -> Conv {
            try Conv(Attributes(["strides": .ints([strides, strides]), "pads": .ints(Array(repeating: pads, count: 4)), "group": .int(group)]))
        }
    }

    static let cases: [Case] = [
        Case(what: "Winograd", input: [1, 8, 17, 21], weight: [8, 8, 3, 3], pads: 1),
        Case(what: "im2col, packed product", input: [1, 8, 12, 12], weight: [16, 8, 3, 3], strides: 2, pads: 1),
        Case(what: "im2col, OpenBLAS", input: [1, 8, 12, 12], weight: [16, 8, 3, 3], strides: 2, pads: 1, packed: false),
        Case(what: "images side by side", input: [4, 8, 6, 6], weight: [16, 8, 3, 3], strides: 2, pads: 1),
        Case(what: "chunks of rows", input: [1, 3, 118, 118], weight: [8, 3, 7, 7], strides: 2, pads: 3),
        Case(what: "depthwise", input: [2, 8, 10, 10], weight: [8, 1, 3, 3], pads: 1, group: 8),
        Case(what: "addend that broadcasts", input: [1, 8, 12, 12], weight: [16, 8, 3, 3], strides: 2, pads: 1, broadcastResidual: true),
    ]

    /// y = max(conv(x) + bias + residual, 0) (or without the clamp) within 1e-5 of each output's
    /// Σ|terms| (the direct sum's), on every path the forward can take.
    @Test(arguments: 0..<cases.count)
    func residualIsAddedBeforeTheClamp(_ index: Int) throws {
        let c = ConvResidualTests.cases[index]
        var op = try c.conv()
        let x = seededTensor(c.input, seed: 70 + UInt64(index)), weight = seededTensor(c.weight, seed: 80 + UInt64(index))
        let bias = seededTensor([c.weight[0]], seed: 90)
        if c.packed { op.pack(weight) }
        let p = try op.plan(x, weight, bias)
        let outShape = [p.n, p.m, p.outH, p.outW], outPixels = p.outH * p.outW
        let residual = seededTensor(c.broadcastResidual ? [1, p.m, 1, 1] : outShape, seed: 100)
        let reference = directConvolution(x, weight, bias, group: c.group, strides: (c.strides, c.strides), pads: Array(repeating: c.pads, count: 4))
        let added = reference.y.indices.map { i in
            Double(residual.data[c.broadcastResidual ? i / outPixels % p.m : i])
        }
        for clamps in [false, true] {
            op.clampsAtZero = clamps
            let y = try op.forward([x, weight, bias, residual])[0]
            #expect(y.shape == outShape)
            let expected = zip(reference.y, added).map { clamps ? max($0 + $1, 0) : $0 + $1 }
            let scale = zip(reference.scale, added).map { $0 + abs($1) }
            let worst = worstRelativeError(y, (expected, scale))
            #expect(worst <= 1e-5, "\(c.what), clamps \(clamps): largest error relative to Σ|terms| \(worst)")
        }
    }

    /// The paths are the ones named: Winograd and chunks are chosen by shape.
    @Test func casesTakeTheirPaths() throws {
        for c in ConvResidualTests.cases {
            let op = try c.conv()
            let p = try op.plan(Tensor(shape: c.input), Tensor(shape: c.weight), nil)
            let winograd = op.runsWinograd(weightShape: c.weight) && WinogradConvolution(p).pays
            #expect(winograd == (c.what == "Winograd"), "\(c.what)")
            #expect((Conv.chunks(p, threads: Parallel.threads) != nil) == (c.what == "chunks of rows"), "\(c.what)")
        }
    }

    /// The residual's gradient is the output's (zeroed where the clamp held), checked with the
    /// other inputs' against finite differences.
    @Test func backwardMatchesFiniteDifferences() throws {
        var op = try Conv(Attributes(["pads": .ints([1, 1, 1, 1]), "strides": .ints([2, 2])]))
        op.clampsAtZero = true
        let inputs: [Tensor?] = [seededTensor([2, 4, 7, 7], seed: 1), seededTensor([6, 4, 3, 3], seed: 2),
                                 seededTensor([6], seed: 3), seededTensor([2, 6, 4, 4], seed: 4)]
        #expect(try GradientTests().gradientError(op, inputs, check: [0, 1, 2, 3]) <= GradientTests().tolerance)
    }

    /// In the fixture's residual block (conv, relu, conv, add of the block's input, relu) the Add
    /// and the last Relu are fused into the second Conv, which reads the block's input as its
    /// residual; with that Conv's output kept as a layer, the Add stays.
    @Test func importerFusesTheAddIntoTheConvBeforeIt() throws {
        let network = try Network.load(onnx: Fixtures.url("net_residual_block.onnx"))
        #expect(!network.nodes.contains { $0.opType == "Add" || $0.opType == "Relu" })
        let fused = network.nodes.filter { $0.inputs.count == 4 }
        #expect(fused.count == 1)
        #expect(fused.first?.inputs.last == "x" && fused.first?.outputs == network.outputs)
        #expect((fused.first?.op as? Conv)?.clampsAtZero == true)
        let kept = try Network.load(onnx: Fixtures.url("net_residual_block.onnx"), unfolded: ["b"])
        #expect(kept.nodes.contains { $0.opType == "Add" } && !kept.nodes.contains { $0.inputs.count == 4 })
    }
}
