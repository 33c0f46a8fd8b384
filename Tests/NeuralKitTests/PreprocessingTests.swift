import Foundation
import StimulusKit
import Testing
@testable import NeuralKit

@Suite struct PreprocessingTests {
    /// A 2×2 image: pixel 0 is (10, 20, 30), the rest (200, 100, 0).
    let image = DisplayImage(width: 2, height: 2, pixels: [10, 20, 30, 255] + Array(repeating: [200, 100, 0, 255], count: 3).flatMap { $0 })

    @Test func imageNetNormalisationOfBytes() {
        let p = Preprocessing(inputSize: 2, resizeTo: 2)
        let t = p.tensor(image: image)
        #expect(t.shape == [1, 3, 2, 2])
        #expect(abs(t.data[0] - (10 / 255 - 0.485) / 0.229) < 1e-6)          // R of pixel 0
        #expect(abs(t.data[4] - (20 / 255 - 0.456) / 0.224) < 1e-6)          // G of pixel 0
        #expect(abs(t.data[8 + 3] - (Float(0) / 255 - 0.406) / 0.225) < 1e-6)       // B of pixel 3
    }

    @Test func caffeStyleBGRAt255Scale() {
        let p = Preprocessing(inputSize: 2, resizeTo: 2, scale: 255, mean: [104, 117, 123], std: [1, 1, 1], channelOrder: .bgr)
        let t = p.tensor(image: image)
        #expect(abs(t.data[0] - (30 - 104)) < 1e-4)    // channel 0 is blue
        #expect(abs(t.data[8] - (10 - 123)) < 1e-4)    // channel 2 is red
    }

    @Test func resizeThenCentreCrop() {
        // 4×2 image: columns 0–3 hold grey levels 0, 80, 160, 240. Resize shorter side 2 → 2 (no change),
        // crop the centre 2×2: columns 1 and 2.
        var bytes = [UInt8]()
        for _ in 0..<2 { for level in [0, 80, 160, 240] as [UInt8] { bytes += [level, level, level, 255] } }
        let p = Preprocessing(inputSize: 2, resizeTo: 2, scale: 255, mean: [0, 0, 0], std: [1, 1, 1])
        let t = p.tensor(image: DisplayImage(width: 4, height: 2, pixels: bytes))
        #expect(Array(t.data[0..<4]) == [80, 160, 80, 160])
    }

    @Test func halvingAveragesPixelPairs() {
        // 4×4 of columns 0, 100, 200, 50 → 2×2: each output averages a 2×2 block: 50 and 125.
        var bytes = [UInt8]()
        for _ in 0..<4 { for level in [0, 100, 200, 50] as [UInt8] { bytes += [level, level, level, 255] } }
        let p = Preprocessing(inputSize: 2, resizeTo: 2, scale: 255, mean: [0, 0, 0], std: [1, 1, 1])
        let t = p.tensor(image: DisplayImage(width: 4, height: 4, pixels: bytes))
        #expect(Array(t.data[0..<2]) == [50, 125])
    }

    @Test func modelFieldGeometry() {
        let p = Preprocessing(inputSize: 224, fieldOfViewDeg: 8)
        #expect(abs(p.geometry.pixelsPerDegree(.smallAngle) - 28) < 1e-9)
        #expect(p.resizeTo == 256)
    }

    @Test func renderedStimulusBackgroundIsDisplayEncodedGrey() throws {
        // gabor_45: σ = 1 deg, so the corner (5.7 deg out) is background, linear 0.5, which sRGB
        // encodes as 1.055·0.5^(1/2.4) − 0.055 = 0.7354 → byte 188.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let spec = try StimulusLibrary.load(file: root.appendingPathComponent("Stimuli/gabor_45.yaml"))
        let t = try Preprocessing(inputSize: 32).tensor(rendering: spec, profile: .standardSRGB)
        #expect(t.shape == [1, 3, 32, 32])
        #expect(abs(t.data[0] - (188 / 255 - 0.485) / 0.229) < 1e-5)
        // 2 cpd at 4 px/deg: the centre row is not uniform.
        let row = (0..<32).map { t.data[16 * 32 + $0] }
        #expect(row.max()! - row.min()! > 1)
    }
}
