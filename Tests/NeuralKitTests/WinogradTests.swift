import CNeuralKernels
import Testing
@testable import NeuralKit

/// Winograd F(4×4, 3×3): the written-out transforms against the paper's matrices, the matrices
/// against the definition of a correlation, and the convolution against a direct sum in Double.
@Suite struct WinogradTests {
    /// M · v for a matrix given as rows.
    func times(_ matrix: [[Float]], _ v: [Double]) -> [Double] {
        matrix.map { row in zip(row, v).reduce(0) { $0 + Double($1.0) * $1.1 } }
    }

    /// M · D · Mᵀ for a square D given row-major (side = M's columns).
    func sandwich(_ matrix: [[Float]], _ d: [Double]) -> [Double] {
        let side = matrix[0].count
        let columns = (0..<side).map { j in times(matrix, (0..<side).map { d[$0 * side + j] }) }  // (M · D) by column
        return (0..<matrix.count).flatMap { i in times(matrix, (0..<side).map { columns[$0][i] }) }
    }

    /// The C tile transforms on 11 tiles (a group of 8 and one of 3) of 3 images whose 7 × 9
    /// output ends inside the last tiles, against Bᵀ · d · B and Aᵀ · m · A from the matrices:
    /// input pixels beyond the edges (padding 1) read as zero, output pixels beyond them are not
    /// written, and nothing outside the tiles is.
    @Test func tileTransformsAreTheMatricesSandwiches() {
        let (images, channels, height, width, pad) = (3, 2, 7, 9, 1)
        let places = (0..<11).map { t in nk_tile_place(image: t / 6, row: t % 6 / 3 * 4, column: t % 3 * 4) }
        let tiles = places.count, channel = 1
        let x = seededTensor([images, channels, height, width], seed: 1).data
        var v = [Float](repeating: .nan, count: Winograd.positions * tiles)
        nk_winograd_input_tiles(x, channels, channel, height, width, pad, pad, places, tiles, &v, tiles)
        for (t, place) in places.enumerated() {
            let d = (0..<36).map { position -> Double in
                let (ih, iw) = (place.row - pad + position / 6, place.column - pad + position % 6)
                guard ih >= 0, ih < height, iw >= 0, iw < width else { return 0 }
                return Double(x[((place.image * channels + channel) * height + ih) * width + iw])
            }
            let expected = sandwich(Winograd.inputMatrix, d)
            for position in 0..<36 { #expect(abs(Double(v[position * tiles + t]) - expected[position]) <= 1e-4, "tile \(t) position \(position)") }
        }

        let (filters, filter, bias) = (4, 2, Float(0.25))
        let products = seededTensor([Winograd.positions * tiles], seed: 2).data
        let addend = seededTensor([images * filters * height * width], seed: 3).data
        for (clamps, adds) in [(false, false), (true, false), (false, true), (true, true)] {
            var y = [Float](repeating: .nan, count: images * filters * height * width)
            nk_winograd_output_tiles(products, tiles, places, tiles, filters, filter, height, width, bias, adds ? addend : nil, clamps ? 1 : 0, &y)
            var expected = [Float](repeating: .nan, count: y.count)
            for (t, place) in places.enumerated() {
                let tile = sandwich(Winograd.outputMatrix, (0..<36).map { Double(products[$0 * tiles + t]) })
                for i in 0..<4 where place.row + i < height {
                    for j in 0..<4 where place.column + j < width {
                        let at = ((place.image * filters + filter) * height + place.row + i) * width + place.column + j
                        let value = Float(tile[i * 4 + j]) + bias + (adds ? addend[at] : 0)
                        expected[at] = clamps ? max(value, 0) : value
                    }
                }
            }
            #expect(zip(y, expected).allSatisfy { $0.isNaN ? $1.isNaN : abs($0 - $1) <= 1e-4 }, "clamps \(clamps), adds \(adds)")
            #expect(expected.contains { !$0.isNaN } && (!clamps || expected.contains(0)))
        }
    }

    /// Aᵀ · [(G · g) ⊙ (Bᵀ · d)] is the correlation y_i = Σ_k d_(i+k) · g_k of 6 inputs with a
    /// 3-tap filter (the 1-D F(4, 3) whose nesting gives F(4×4, 3×3)): this checks the matrices.
    @Test func matricesComputeACorrelation() {
        let d = seededTensor([6], seed: 2).data.map(Double.init), g = seededTensor([3], seed: 3).data.map(Double.init)
        let product = zip(times(Winograd.filterMatrix, g), times(Winograd.inputMatrix, d)).map { $0 * $1 }
        let y = times(Winograd.outputMatrix, product)
        for i in 0..<4 {
            let direct = (0..<3).reduce(0.0) { $0 + d[i + $1] * g[$1] }
            #expect(abs(y[i] - direct) <= 1e-6)
        }
    }

    /// Whether `op` takes the Winograd path for this input and weight.
    func runsWinograd(_ op: Conv, _ x: Tensor, _ weight: Tensor) throws -> Bool {
        let plan = try op.plan(x, weight, nil)
        return op.runsWinograd(weightShape: weight.shape) && WinogradConvolution(plan).pays
    }

    /// Shapes: batch, channels in, filters, height, width, pads (top, left, bottom, right). Odd
    /// and even sizes, maps whose last tiles overhang, groups of 8 tiles that span tile rows and
    /// images, asymmetric and absent padding, batch above 1; each with enough tiles to run this way.
    static let shapes: [(Int, Int, Int, Int, Int, [Int])] = [
        (1, 8, 8, 17, 21, [1, 1, 1, 1]),
        (4, 16, 24, 7, 9, [1, 1, 1, 1]),
        (3, 9, 13, 13, 14, [0, 0, 0, 0]),
        (1, 12, 8, 37, 35, [1, 1, 1, 1]),
        (2, 8, 10, 14, 41, [0, 2, 1, 0]),
    ]

    /// Every output within 1e-5 of the sum of |w·x| over its terms. That sum is the scale of
    /// float32 rounding in any order of summation (im2col's error is a few 2⁻²⁴ ≈ 6e-8 of it).
    /// Winograd's transforms scale the terms by Bᵀ's and Aᵀ's coefficients (rows summing to up
    /// to 10 and 19 in absolute value, per dimension) before they cancel, so F(4×4, 3×3) loses
    /// a few more bits: measured up to 1.6e-6 (about 27 · 2⁻²⁴) on these shapes. 1e-5 leaves room
    /// for other CPUs' kernels, while a wrong transform, tile or padding gives errors of order 1.
    static let tolerance = 1e-5

    @Test(arguments: 0..<shapes.count)
    func matchesDirectConvolution(_ index: Int) throws {
        let (n, c, m, h, w, pads) = WinogradTests.shapes[index]
        let op = try Conv(Attributes(["pads": .ints(pads)]))
        let x = seededTensor([n, c, h, w], seed: 10 + UInt64(index)), weight = seededTensor([m, c, 3, 3], seed: 20 + UInt64(index))
        let bias = index % 2 == 0 ? seededTensor([m], seed: 30) : nil
        #expect(try runsWinograd(op, x, weight))
        let y = try op.forward([x, weight, bias])[0]
        let (outH, outW) = (h + pads[0] + pads[2] - 2, w + pads[1] + pads[3] - 2)
        #expect(y.shape == [n, m, outH, outW])
        let worst = worstRelativeError(y, directConvolution(x, weight, bias, pads: pads))
        #expect(worst <= WinogradTests.tolerance, "largest error relative to Σ|w·x|: \(worst)")
    }

    @Test func fusedReluClampsTheWinogradOutput() throws {
        var op = try Conv(Attributes(["pads": .ints([1, 1, 1, 1])]))
        let inputs: [Tensor?] = [seededTensor([2, 8, 14, 14], seed: 4), seededTensor([8, 8, 3, 3], seed: 5), seededTensor([8], seed: 6)]
        #expect(try runsWinograd(op, inputs[0]!, inputs[1]!))
        let plain = try op.forward(inputs)[0]
        op.clampsAtZero = true
        #expect(try op.forward(inputs)[0].data == plain.data.map { max($0, 0) })
        #expect(plain.data.contains { $0 < 0 } && plain.data.contains { $0 > 0 })
    }

    /// Filters kept on the op are used for the weight they came from, and ignored for another
    /// weight (a changed copy), whose own transform gives its own output.
    @Test func keptFiltersBelongToTheirWeightOnly() throws {
        var op = try Conv(Attributes(["pads": .ints([1, 1, 1, 1])]))
        let x = seededTensor([1, 8, 20, 20], seed: 7), weight = seededTensor([8, 8, 3, 3], seed: 8)
        #expect(try runsWinograd(op, x, weight))
        op.keptWinogradFilters = WinogradFilters(weight, packing: true)
        let fresh = try Conv(Attributes(["pads": .ints([1, 1, 1, 1])]))
        #expect(try op.forward([x, weight])[0] == fresh.forward([x, weight])[0])
        var changed = weight
        changed.data[0] += 1
        #expect(op.keptWinogradFilters!.source.isStorage(of: weight) && !op.keptWinogradFilters!.source.isStorage(of: changed))
        #expect(try op.forward([x, changed])[0] == fresh.forward([x, changed])[0])
    }

    /// The im2col backward is the gradient of the Winograd forward (finite differences of it).
    @Test func backwardMatchesFiniteDifferencesOfTheWinogradForward() throws {
        let op = try Conv(Attributes(["pads": .ints([1, 0, 1, 2])]))
        let x = seededTensor([3, 8, 9, 10], seed: 11), weight = seededTensor([8, 8, 3, 3], seed: 9)
        #expect(try runsWinograd(op, x, weight))
        let inputs: [Tensor?] = [x, weight, seededTensor([8], seed: 12)]
        #expect(try GradientTests().gradientError(op, inputs, check: [0, 1, 2]) <= GradientTests().tolerance)
    }

    @Test func loadingKeepsTransformedFiltersOnSuitableConvs() throws {
        let network = try Network.load(onnx: Fixtures.url("net_residual_block.onnx"))
        for node in network.nodes {
            guard let conv = node.op as? Conv, let weight = network.initializers[node.inputs[1]] else { continue }
            #expect((conv.keptWinogradFilters != nil) == conv.runsWinograd(weightShape: weight.shape), "\(node.name)")
        }
    }
}
