import Testing
@testable import NeuralKit

/// The gradient of a layer objective with respect to the input image, against central finite
/// differences of the forward pass, and the objectives themselves against hand-computed values.
@Suite struct DreamGradientTests {
    /// Largest |analytic − numeric| / max(1, |analytic|) over sampled input elements.
    func gradientError(_ objective: DreamObjective, layer: String) throws -> Float {
        let network = try dreamTestGraph(.sigmoid).truncated(at: layer)
        let x = seededTensor([1, 3, 9, 10], seed: 21)
        let (_, analytic) = try network.objectiveGradient(x, layer: layer, objective: objective)
        #expect(analytic.shape == x.shape)
        func value(_ x: Tensor) throws -> Double {
            try objective.value(network.run(["image": x], keep: [layer])[layer]!)
        }
        let h: Float = 1e-2
        var worst: Float = 0
        for element in stride(from: 3, to: x.count, by: 13) {
            var plus = x, minus = x
            plus.data[element] += h
            minus.data[element] -= h
            let numeric = Float((try value(plus) - value(minus)) / Double(2 * h))
            worst = max(worst, abs(numeric - analytic.data[element]) / max(1, abs(analytic.data[element])))
        }
        return worst
    }

    @Test(arguments: ["act1", "act2", "conv2"])
    func l2GradientMatchesFiniteDifferences(_ layer: String) throws {
        #expect(try gradientError(.l2, layer: layer) <= 1e-2)
    }

    @Test(arguments: [0, 5])
    func channelGradientMatchesFiniteDifferences(_ channel: Int) throws {
        #expect(try gradientError(.channelMean(channel), layer: "act2") <= 1e-2)
    }

    @Test func objectiveValuesByHand() throws {
        // Two channels of 2 positions: channel 0 = (1, −2), channel 1 = (3, 4).
        let a = Tensor(shape: [1, 2, 1, 2], data: [1, -2, 3, 4])
        #expect(try DreamObjective.l2.value(a) == 0.5 * (1 + 4 + 9 + 16))
        #expect(try DreamObjective.l2.gradient(a) == a)
        #expect(try DreamObjective.channelMean(1).value(a) == 3.5)
        #expect(try DreamObjective.channelMean(0).gradient(a).data == [0.5, 0.5, 0, 0])
        #expect(throws: NeuralError.self) { try DreamObjective.channelMean(2).value(a) }
    }

    @Test func truncationKeepsOnlyWhatTheLayerNeeds() throws {
        let cut = try dreamTestGraph(.relu).truncated(at: "act1")
        #expect(cut.nodes.map(\.name) == ["conv1", "act1"])
        #expect(cut.initializers.keys.sorted() == ["b1", "w1"])
        #expect(cut.inputs[0].shape == [1, 3, nil, nil])
        #expect(throws: NeuralError.self) { try dreamTestGraph(.relu).truncated(at: "nonexistent") }
    }
}
