import Foundation
import StimulusKit
import Testing
@testable import NeuralKit

/// The V1 model built as a NeuralKit graph against the hand-written forward pass (`V1Model.run`),
/// layer by layer, and its input gradient against finite differences.
@Suite struct V1GraphTests {
    static let profile = MonitorProfile.standardSRGB

    static func model(_ c: V1Configuration = V1ModelTests.small) throws -> V1Model {
        try V1Model(configuration: c, profile: profile, background: V1ModelTests.grey)
    }

    /// A reddish-light / greenish-dark oblique grating plus a blue blob, as display drive levels
    /// [1, 3, size, size] (R, G, B planes): it drives every opponent channel and every layer.
    static func stimulus(size: Int) -> Tensor {
        var t = Tensor(shape: [1, 3, size, size])
        let plane = size * size
        for row in 0..<size {
            for col in 0..<size {
                let (x, y) = (Double(col) - Double(size) / 2, Double(size) / 2 - Double(row))
                let bars = cos(2 * Double.pi * 1.5 / 24 * (-x * sin(0.6) + y * cos(0.6)))
                let blob = exp(-(x * x + y * y) / 200)
                let p = row * size + col
                t.data[p] = Float(0.7 + 0.25 * bars)
                t.data[plane + p] = Float(0.7 + 0.15 * bars)
                t.data[2 * plane + p] = Float(0.5 + 0.4 * blob)
            }
        }
        return t
    }

    /// The same image as linear RGB through the sRGB curve, for the hand-written model.
    static func linearImage(_ t: Tensor) -> LinearImage {
        let (size, plane) = (t.shape[3], t.shape[2] * t.shape[3])
        var px = [Float]()
        for p in 0..<plane {
            for c in 0..<3 { px.append(Float(TransferFunction.sRGB.decode(Double(t.data[c * plane + p])))) }
        }
        return LinearImage(width: size, height: size, pixels: px)
    }

    @Test func everyLayerEqualsTheHandWrittenModel() throws {
        let model = try Self.model()
        let network = try model.network(transfer: Self.profile.transfer)
        let x = Self.stimulus(size: model.configuration.inputSizePx)
        let values = try network.run([V1Model.graphInput: x])
        let response = try model.run(Self.linearImage(x))
        for layer in model.layers() {
            let expected = try response.layer(layer.name)
            let got = try #require(values[layer.name], "\(layer.name) missing from the graph")
            #expect(got.shape == expected.shape, "\(layer.name)")
            let worst = zip(got.data, expected.data).map { abs($0 - $1) }.max() ?? 0
            let largest = expected.data.map(abs).max() ?? 0
            #expect(worst <= 1e-4, "\(layer.name): max |Δ| \(worst)")
            #expect(largest > 0.01, "\(layer.name) is not driven by the stimulus")
        }
    }

    @Test func theGraphListsTheModelsLayersWithTheirShapes() throws {
        let model = try Self.model()
        let listed = try model.network(transfer: Self.profile.transfer).layers(inputSize: nil)
        for layer in model.layers() {
            #expect(listed.first { $0.name == layer.name }?.shape == layer.shape, "\(layer.name)")
        }
    }

    @Test func theInputGradientMatchesFiniteDifferences() throws {
        // One 3 cpd band: the objective is the mean complex energy of the 22.5° luminance unit.
        var c = V1ModelTests.small
        c.spatialFrequenciesCpd = [3]
        let model = try Self.model(c)
        let network = try model.network(transfer: Self.profile.transfer)
        let x = Self.stimulus(size: c.inputSizePx)
        for (layer, channel) in [("complex@3cpd", 1), ("normalized@3cpd", 1), ("conjunctive@3cpd", 9), ("simple@3cpd", 5)] {
            let objective = DreamObjective.channelMean(channel)
            let gradient = try network.objectiveGradient(x, layer: layer, objective: objective).gradient
            let (worst, largest) = try finiteDifferenceError(x.data, gradient: gradient.data, elements: stride(from: 13, to: x.count, by: 1999),
                                                             h: 1e-2) { data in
                try network.objectiveGradient(Tensor(shape: x.shape, data: data), layer: layer, objective: objective).value
            }
            #expect(largest > 0, "\(layer)")
            #expect(worst <= 2e-2 * largest, "\(layer): worst \(worst), largest gradient \(largest)")
        }
    }
}
