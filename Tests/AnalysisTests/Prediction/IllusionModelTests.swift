import Foundation
import NeuralKit
import StimulusKit
import Testing
@testable import Analysis

/// The built-in V1 model on every shipped illusion: each renders into the model's view and every layer is finite.
@Suite struct IllusionModelTests {
    @Test func theV1ModelGivesFiniteLayersForEveryShippedIllusion() throws {
        let stimuli = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Stimuli")
        // 6 deg at 16 px/deg: 96 px, small enough for a debug build, wide enough for the 0.75-cpd kernel, Nyquist
        // 8 cpd above the model's 6-cpd band.
        let configuration = V1Configuration(fieldDeg: 6, pixelsPerDegree: 16)
        let model = try V1Model(configuration: configuration, profile: .standardSRGB, background: SIMD3(0.5, 0.5, 0.5))
        let view = ModelView(configuration: configuration, profile: .standardSRGB, distanceCm: 57)
        for kind in IllusionKind.allCases {
            let spec = try StimulusLibrary.load(file: stimuli.appendingPathComponent("illusion_\(kind.rawValue).yaml"))
            let response = try model.run(try view.image(spec))
            for layer in model.layers() {
                let tensor = try response.layer(layer.name)
                let finite = !tensor.data.isEmpty && tensor.data.allSatisfy { $0.isFinite }
                #expect(finite, "\(kind.rawValue): layer \(layer.name)")
            }
        }
    }
}
