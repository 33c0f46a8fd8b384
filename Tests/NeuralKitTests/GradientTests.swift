import Foundation
import Testing
@testable import NeuralKit

/// Every op's backward against central finite differences of its forward, for the loss
/// L = Σ wᵢ·yᵢ with fixed pseudo-random weights w (so ∂L/∂y = w).
@Suite struct GradientTests {
    /// Largest |analytic − numeric| / max(1, |analytic|) over sampled elements of the inputs at `check`.
    func gradientError(_ op: any Operator, _ inputs: [Tensor?], check: [Int], h: Float = 1e-2, samples: Int = 16) throws -> Float {
        let outputs = try op.forward(inputs)
        let weights = outputs.enumerated().map { seededTensor($1.shape, seed: 99 + UInt64($0)) }
        func loss(_ xs: [Tensor?]) throws -> Double {
            let ys = try op.forward(xs)
            return zip(ys.prefix(1), weights).reduce(0) { sum, pair in
                sum + zip(pair.0.data, pair.1.data).reduce(0) { $0 + Double($1.0) * Double($1.1) }
            }
        }
        let analytic = try op.backward(inputs, outputs: Array(outputs.prefix(1)), outputGradients: Array(weights.prefix(1)))
        var worst: Float = 0
        for index in check {
            let x = inputs[index]!
            guard let gradient = analytic[index] else { return .infinity }
            guard gradient.shape == x.shape else { return .infinity }
            let stride = max(1, x.count / samples)
            for element in Swift.stride(from: stride / 2, to: x.count, by: stride) {
                var plus = inputs, minus = inputs
                plus[index]!.data[element] += h
                minus[index]!.data[element] -= h
                let numeric = Float((try loss(plus) - loss(minus)) / Double(2 * h))
                worst = max(worst, abs(numeric - gradient.data[element]) / max(1, abs(gradient.data[element])))
            }
        }
        return worst
    }

    /// Values spaced 0.05 apart in a shuffled order, so that no max is within a step of a tie.
    func distinct(_ shape: [Int], seed: UInt64) -> Tensor {
        let count = shape.reduce(1, *)
        let order = seededTensor([count], seed: seed).data.enumerated().sorted { $0.element < $1.element }.map(\.offset)
        var t = Tensor(shape: shape)
        for (rank, position) in order.enumerated() { t.data[position] = Float(rank) * 0.05 - Float(count) * 0.025 }
        return t
    }

    /// Pseudo-random values kept at least 0.1 away from zero (the kink of ReLU-like ops).
    func awayFromZero(_ shape: [Int], seed: UInt64) -> Tensor {
        var t = seededTensor(shape, seed: seed)
        for i in 0..<t.count { t.data[i] += t.data[i] < 0 ? -0.1 : 0.1 }
        return t
    }

    let x = seededTensor([2, 4, 7, 6], seed: 1)
    let tolerance: Float = 2e-2

    @Test(arguments: [
        ("pads 1 with bias", ["pads": .ints([1, 1, 1, 1])], 1),
        ("stride 2, asymmetric pads", ["strides": .ints([2, 2]), "pads": .ints([0, 1, 2, 1])], 1),
        ("dilation 2, group 2", ["dilations": .ints([2, 2]), "pads": .ints([2, 2, 2, 2]), "group": .int(2)], 2),
        ("depthwise", ["group": .int(4), "pads": .ints([1, 1, 1, 1])], 4),
    ] as [(String, [String: Attributes.Value], Int)])
    func conv(_ label: String, _ attributes: [String: Attributes.Value], _ group: Int) throws {
        let op = try Conv(Attributes(attributes))
        let weight = seededTensor([4, 4 / group, 3, 3], seed: 2), bias = seededTensor([4], seed: 3)
        #expect(try gradientError(op, [x, weight, bias], check: [0, 1, 2]) <= tolerance, "\(label)")
    }

    /// A Conv with a Relu fused in gives exactly the plain Conv's output clamped at zero, and the
    /// gradients of Relu's backward followed by the plain Conv's backward.
    @Test func convWithFusedReluMatchesConvThenRelu() throws {
        let plain = try Conv(Attributes(["pads": .ints([1, 1, 1, 1])]))
        var fused = plain
        fused.clampsAtZero = true
        let inputs: [Tensor?] = [x, seededTensor([4, 4, 3, 3], seed: 2), seededTensor([4], seed: 3)]
        let relu = Activation(.relu)
        let convOutput = try plain.forward(inputs)[0]
        let reluOutput = try relu.forward([convOutput])[0]
        let fusedOutput = try fused.forward(inputs)[0]
        #expect(fusedOutput == reluOutput)
        #expect(reluOutput.data.contains(0) && reluOutput.data.contains { $0 > 0 })
        let dy = seededTensor(reluOutput.shape, seed: 5)
        let dConv = try relu.backward([convOutput], outputs: [reluOutput], outputGradients: [dy])[0]!
        let expected = try plain.backward(inputs, outputs: [convOutput], outputGradients: [dConv])
        let got = try fused.backward(inputs, outputs: [fusedOutput], outputGradients: [dy])
        #expect(got.count == 3 && expected.count == 3)
        for (g, e) in zip(got, expected) { #expect(g == e) }
    }

    @Test func pointwiseConv() throws {
        let op = try Conv(Attributes())
        #expect(try gradientError(op, [x, seededTensor([3, 4, 1, 1], seed: 4), nil], check: [0, 1]) <= tolerance)
    }

    @Test func maxPool() throws {
        let op = try Pool(.max, Attributes(["kernel_shape": .ints([3, 3]), "strides": .ints([2, 2]), "pads": .ints([1, 1, 1, 1]), "ceil_mode": .int(1)]))
        #expect(try gradientError(op, [distinct([2, 3, 7, 6], seed: 5)], check: [0]) <= tolerance)
    }

    @Test(arguments: [0, 1])
    func averagePool(_ countIncludePad: Int) throws {
        let op = try Pool(.average, Attributes(["kernel_shape": .ints([3, 3]), "strides": .ints([2, 2]), "pads": .ints([1, 1, 1, 1]),
                                                "ceil_mode": .int(1), "count_include_pad": .int(countIncludePad)]))
        #expect(try gradientError(op, [x], check: [0]) <= tolerance)
    }

    @Test func globalAveragePool() throws {
        #expect(try gradientError(try GlobalAveragePool(Attributes()), [x], check: [0]) <= tolerance)
    }

    @Test func reduceMean() throws {
        let spatial = try ReduceMean(Attributes(["axes": .ints([-1, 2]), "keepdims": .int(0)]), opset: 13)
        #expect(try gradientError(spatial, [x], check: [0]) <= tolerance)
        let channelsFromInput = try ReduceMean(Attributes(), opset: 18)
        #expect(try gradientError(channelsFromInput, [x, Tensor(shape: [1], data: [1])], check: [0]) <= tolerance)
    }

    @Test(arguments: [5, 4])
    func lrn(_ size: Int) throws {
        let op = try LRN(Attributes(["size": .int(size), "alpha": .float(0.5), "beta": .float(0.75), "bias": .float(1)]))
        #expect(try gradientError(op, [x], check: [0], h: 1e-3) <= tolerance)
    }

    @Test func batchNormalization() throws {
        let op = try BatchNormalization(Attributes())
        let p = (0..<4).map { seededTensor([4], seed: 10 + UInt64($0)) }
        let variance = Tensor(shape: [4], data: p[3].data.map { abs($0) + 0.5 })
        #expect(try gradientError(op, [x, p[0], p[1], p[2], variance], check: [0]) <= tolerance)
    }

    @Test(arguments: ["relu", "leaky", "sigmoid", "clip"])
    func activation(_ kind: String) throws {
        let input = awayFromZero(x.shape, seed: 6)
        switch kind {
        case "relu": #expect(try gradientError(Activation(.relu), [input], check: [0]) <= tolerance)
        case "leaky": #expect(try gradientError(Activation(.leakyRelu(alpha: 0.2)), [input], check: [0]) <= tolerance)
        case "sigmoid": #expect(try gradientError(Activation(.sigmoid), [input], check: [0], h: 1e-3) <= tolerance)
        default:
            // 24 values −0.6…0.55 in steps of 0.05; the bounds sit halfway between two of them.
            let low = Tensor(shape: [], data: [-0.525]), high = Tensor(shape: [], data: [0.475])
            #expect(try gradientError(Activation(.clip(low: 0, high: 0)), [distinct([1, 1, 4, 6], seed: 7), low, high], check: [0], samples: 24) <= tolerance)
        }
    }

    @Test func addMulSumWithBroadcasting() throws {
        let channel = seededTensor([1, 4, 1, 1], seed: 8), row = seededTensor([6], seed: 9)
        #expect(try gradientError(Elementwise(.add, Attributes()), [x, channel], check: [0, 1]) <= tolerance)
        #expect(try gradientError(Elementwise(.mul, Attributes()), [row, x], check: [0, 1]) <= tolerance)
        #expect(try gradientError(Elementwise(.sum, Attributes()), [x, channel, row], check: [0, 1, 2]) <= tolerance)
    }

    @Test func concat() throws {
        let op = try Concat(Attributes(["axis": .int(1)]))
        #expect(try gradientError(op, [x, seededTensor([2, 2, 7, 6], seed: 10)], check: [0, 1]) <= tolerance)
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func gemm(_ transA: Bool, _ transB: Bool) throws {
        let op = try Gemm(Attributes(["transA": .int(transA ? 1 : 0), "transB": .int(transB ? 1 : 0), "alpha": .float(0.7), "beta": .float(1.5)]))
        let a = seededTensor(transA ? [5, 3] : [3, 5], seed: 11), b = seededTensor(transB ? [4, 5] : [5, 4], seed: 12)
        #expect(try gradientError(op, [a, b, seededTensor([4], seed: 13)], check: [0, 1, 2]) <= tolerance)
    }

    @Test func matMul() throws {
        let op = try MatMul(Attributes())
        #expect(try gradientError(op, [seededTensor([2, 3, 5], seed: 14), seededTensor([5, 4], seed: 15)], check: [0, 1]) <= tolerance)
        #expect(try gradientError(op, [seededTensor([2, 3, 5], seed: 16), seededTensor([2, 5, 4], seed: 17)], check: [0, 1]) <= tolerance)
    }

    @Test func reshapingOps() throws {
        #expect(try gradientError(Reshaping(.flatten(axis: 1)), [x], check: [0]) <= tolerance)
        #expect(try gradientError(Reshaping(.unsqueeze(axes: [0])), [x], check: [0]) <= tolerance)
        #expect(try gradientError(Reshaping(.reshape(allowZero: false)), [x, Tensor(shape: [2], data: [8, -1])], check: [0]) <= tolerance)
    }

    @Test(arguments: [9, 13])
    func softmax(_ opset: Int) throws {
        let op = try Softmax(Attributes(["axis": .int(1)]), opset: opset)
        #expect(try gradientError(op, [x], check: [0], h: 1e-3) <= tolerance)
    }

    @Test func gatherWithARepeatedIndex() throws {
        let op = try Gather(Attributes(["axis": .int(1)]))
        #expect(try gradientError(op, [x, Tensor(shape: [3], data: [2, 0, 2])], check: [0]) <= tolerance)
    }

    /// The whole small CNN (folded conv+BN, ReLU, ceil-mode max pool, global pool, Gemm, softmax):
    /// Network.backward's input gradient against finite differences of Network.run.
    @Test func throughANetwork() throws {
        let network = try Network.load(onnx: Fixtures.url("net_small_cnn.onnx"))
        let input = try NPY.read(Fixtures.url("net_small_cnn.x.npy"))
        let values = try network.run(["x": input])
        let w = seededTensor(values["y"]!.shape, seed: 21)
        let gradient = try network.backward(values: values, seeds: ["y": w])["x"]!
        func loss(_ x: Tensor) throws -> Double {
            let y = try network.run(["x": x], keep: ["y"])["y"]!
            return zip(y.data, w.data).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        let h: Float = 1e-2
        var worst: Float = 0, largest: Float = 0
        for element in stride(from: 7, to: input.count, by: 331) {
            var plus = input, minus = input
            plus.data[element] += h
            minus.data[element] -= h
            let numeric = Float((try loss(plus) - loss(minus)) / Double(2 * h))
            worst = max(worst, abs(numeric - gradient.data[element]))
            largest = max(largest, abs(gradient.data[element]))
        }
        #expect(largest > 0)
        #expect(worst <= 2e-2 * max(largest, 1e-3), "worst \(worst), largest gradient \(largest)")
    }
}
