import Testing
import StimulusKit
@testable import NeuralKit

/// DeepDream's image operations against hand-worked values, and the dream itself: it raises
/// its objective, stays in the valid pixel range, and a seed reproduces it bit for bit.
@Suite struct DreamTests {
    @Test func rollShiftsCircularlyAndUndoes() {
        let x = Tensor(shape: [1, 1, 2, 3], data: [1, 2, 3, 4, 5, 6])
        // One px right, one px down: row 0 becomes old row 1 shifted right.
        #expect(ImageTensorOps.roll(x, dx: 1, dy: 1).data == [6, 4, 5, 3, 1, 2])
        let y = seededTensor([1, 3, 7, 5], seed: 3)
        #expect(ImageTensorOps.roll(ImageTensorOps.roll(y, dx: 33, dy: -4), dx: -33, dy: 4) == y)
    }

    @Test func resizeMapsCornersToCorners() {
        // scipy.ndimage.zoom([0, 1, 2], 5/3, order=1) = [0, 0.5, 1, 1.5, 2].
        let x = Tensor(shape: [1, 1, 1, 3], data: [0, 1, 2])
        #expect(ImageTensorOps.resize(x, height: 1, width: 5).data == [0, 0.5, 1, 1.5, 2])
        // Down from 5 to 3 samples positions 0, 2, 4.
        let ramp = Tensor(shape: [1, 1, 5, 1], data: [0, 10, 20, 30, 40])
        #expect(ImageTensorOps.resize(ramp, height: 3, width: 1).data == [0, 20, 40])
    }

    @Test func zoomCentreMagnifiesAboutTheCentre() {
        // Factor 2 on a 4 px ramp samples source positions 0.75, 1.25, 1.75, 2.25 px.
        let ramp = Tensor(shape: [1, 1, 1, 4], data: [0, 1, 2, 3])
        #expect(ImageTensorOps.zoomCentre(ramp, factor: 2).data == [0.75, 1.25, 1.75, 2.25])
    }

    @Test func pixelSpaceInvertsPreprocessing() {
        let preprocessing = Preprocessing(inputSize: 4, channelOrder: .bgr)
        var bytes = [UInt8]()
        for p in 0..<16 { bytes += [UInt8(p * 16), UInt8(255 - p), UInt8(p * 7), 255] }
        let image = DisplayImage(width: 4, height: 4, pixels: bytes)
        let space = PixelSpace(preprocessing)
        #expect(space.displayImage(preprocessing.tensor(display: image)) == image)
        #expect(abs(space.range(0).lowerBound - (-0.485 / 0.229)) < 1e-6)
        #expect(abs(space.range(2).upperBound - (1 - 0.406) / 0.225) < 1e-6)
        #expect(abs(space.levelStep(1) - 1 / (255 * 0.224)) < 1e-9)
    }

    func dream(seed: UInt64) throws -> (DeepDream, DeepDream.Result, Tensor) {
        let dreamer = try DeepDream(network: dreamTestGraph(.relu), layer: "act2", preprocessing: .imageNet)
        var settings = DreamSettings()
        settings.octaves = 2
        settings.jitterPx = 4
        settings.seed = seed
        let base = PixelSpace(.imageNet).clipped(seededTensor([1, 3, 24, 24], seed: 5))
        return (dreamer, try dreamer.dream(base, settings: settings), base)
    }

    @Test func dreamingRaisesTheObjective() throws {
        let (dreamer, result, base) = try dream(seed: 1)
        #expect(result.objectives.count == 20)
        for octave in 0..<2 {
            let values = result.objectives[octave * 10..<(octave + 1) * 10]
            let first = values.prefix(5).reduce(0, +), last = values.suffix(5).reduce(0, +)
            #expect(last > first, "octave \(octave): \(Array(values))")
        }
        let before = try dreamer.network.objectiveGradient(base, layer: "act2", objective: .l2).value
        let after = try dreamer.network.objectiveGradient(result.image, layer: "act2", objective: .l2).value
        #expect(after > before)
        let space = PixelSpace(.imageNet)
        for c in 0..<3 {
            let plane = result.image.data[c * 576..<(c + 1) * 576]
            let range = space.range(c)
            #expect(plane.allSatisfy { range.contains($0) })
        }
    }

    @Test func aSeedReproducesTheDreamBitForBit() throws {
        let first = try dream(seed: 9).1.image, again = try dream(seed: 9).1.image
        #expect(first.data.map(\.bitPattern) == again.data.map(\.bitPattern))
        #expect(try dream(seed: 10).1.image != first)
    }

    @Test func badSettingsAreNamed() {
        var settings = DreamSettings()
        settings.octaveScale = 1
        #expect(throws: NeuralError.self) { try settings.validate() }
    }
}
