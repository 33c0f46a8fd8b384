import Foundation
import ProtocolKit
import Testing
@testable import Analysis
@testable import NeuralKit

/// Intrinsic suppression on a network with no colour readout of its own, read by the tint decoder:
/// a hand-built network whose units are, by construction, colour–orientation conjunctions (a
/// horizontal and a vertical grating detector on the red gun and on the green gun, each squared to
/// an energy) must give the McCollough signs after red-horizontal / green-vertical adaptation.
@Suite struct NetworkSuppressionPredictionTests {
    /// 64 px over 8°: 8 px/deg, so the 1.5 cpd gratings are 12 whole cycles across the input.
    static let size = 64, pixelsPerDegree = 8.0, cpd = 1.5

    /// Units: red-horizontal, green-horizontal, red-vertical, green-vertical. Each is a full-field
    /// kernel sin(2π f · offset) on one gun (phase-matched to the protocol's sine gratings, which are
    /// sin(2π f Y) for horizontal bars and sin(−2π f X) for vertical ones), squared.
    static func network() throws -> Network {
        let n = size, f = cpd / pixelsPerDegree
        var weight = Tensor(shape: [4, 3, n, n])
        for (unit, (gun, horizontal)) in [(0, true), (1, true), (0, false), (1, false)].enumerated() {
            for y in 0..<n {
                for x in 0..<n {
                    let offset = horizontal ? Double(n) / 2 - (Double(y) + 0.5) : -(Double(x) + 0.5 - Double(n) / 2)
                    weight.data[((unit * 3 + gun) * n + y) * n + x] = Float(sin(2 * Double.pi * f * offset)) / Float(n * n)
                }
            }
        }
        var graph = GraphBuilder()
        let response = try graph.conv("response", "image", weight: weight)
        graph.add("energy", "Mul", [response, response], try Elementwise(.mul, Attributes([:])))
        return graph.network(inputs: [Network.Input(name: "image", shape: [1, 3, n, n])], outputs: ["energy"])
    }

    func predict() throws -> PredictionTable {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-netpredict-\(UUID().uuidString)")
        let stimuli = dir.appendingPathComponent("Stimuli")
        try FileManager.default.createDirectory(at: stimuli, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("p.yaml")
        try McColloughPredictionTests.protocolYAML(adaptationBlocksS: [120], wave: "sine_grating").write(to: file, atomically: true, encoding: .utf8)
        let prediction = NetworkSuppressionPrediction(
            network: try Self.network(), modelName: "conjunctions", layer: "energy",
            preprocessing: Preprocessing(inputSize: Self.size, fieldOfViewDeg: Double(Self.size) / Self.pixelsPerDegree,
                                         mean: [0, 0, 0], std: [1, 1, 1]))
        return try prediction.run(protocolFile: file, options: ProtocolCheck.Options(stimulusDirectory: stimuli, analysisWidthPx: 48))
    }

    @Test func redHorizontalGreenVerticalGivesTheMcColloughSigns() throws {
        let t = try predict()
        #expect(t.model == "conjunctions" && t.layer == "energy" && t.adaptation == "suppression")
        // Unadapted, the adapted response is the unadapted one: no tint at all.
        for c in ["h", "v"] { #expect(McColloughPredictionTests.tint(t, "baseline", c) == 0, "\(c)") }
        // The red-horizontal unit is suppressed, so a horizontal test drives it less than the green one,
        // as a greenish test would: negative on DKL L−M. The vertical test reads reddish.
        let h = McColloughPredictionTests.tint(t, "after0", "h"), v = McColloughPredictionTests.tint(t, "after0", "v")
        #expect(h < -1e-3, "horizontal \(h)")
        #expect(v > 1e-3, "vertical \(v)")
        #expect(t.rows.first { $0.phase == "after0" && $0.condition == "h" }?.predictedNullDKLLM == -h)
    }

    @Test func anUnknownLayerIsAnErrorListingTheLayers() throws {
        let prediction = NetworkSuppressionPrediction(network: try Self.network(), modelName: "conjunctions", layer: "nope")
        #expect { try prediction.run(protocolFile: URL(fileURLWithPath: "/nonexistent.yaml")) } throws: { "\($0)".contains("response, energy") }
    }
}
