import StimulusKit

/// DeepDream (google/deepdream's `deepdream()`): gradient ascent on an objective of one layer,
/// over octaves of the image from coarse to fine, with the detail added at each octave carried
/// up to the next.
public struct DeepDream: Sendable {
    /// The model cut down to the dreamed layer.
    public let network: Network
    public let layer: String
    public let objective: DreamObjective
    public let pixels: PixelSpace

    public init(network: Network, layer: String, objective: DreamObjective = .l2, preprocessing: Preprocessing) throws {
        self.network = try network.truncated(at: layer)
        self.layer = layer
        self.objective = objective
        pixels = PixelSpace(preprocessing)
    }

    /// The dreamed image and the objective's value before each gradient step, in order.
    public struct Result: Sendable {
        public var image: Tensor
        public var objectives: [Double]
    }

    /// One gradient step (`make_step`): shift by a random (dx, dy) within ±jitter px, step along
    /// the gradient normalised by its mean absolute value, shift back, clip. Returns the new
    /// image and the objective before the step.
    public func step(_ x: Tensor, settings: DreamSettings, random: inout SeededGenerator) throws -> (image: Tensor, objective: Double) {
        let j = settings.jitterPx
        let dx = Int.random(in: -j...j, using: &random), dy = Int.random(in: -j...j, using: &random)
        var shifted = ImageTensorOps.roll(x, dx: dx, dy: dy)
        let (value, g) = try network.objectiveGradient(shifted, layer: layer, objective: objective)
        let meanAbs = g.data.reduce(0) { $0 + Double(abs($1)) } / Double(g.count)
        if meanAbs > 0 {
            let plane = x.shape[2] * x.shape[3]
            for c in 0..<x.shape[1] {
                let rate = settings.stepLevels * pixels.levelStep(c) / Float(meanAbs)
                for i in c * plane..<(c + 1) * plane { shifted.data[i] += rate * g.data[i] }
            }
        }
        let back = ImageTensorOps.roll(shifted, dx: -dx, dy: -dy)
        return (settings.clip ? pixels.clipped(back) : back, value)
    }

    /// Dreams on `base` ([1, 3, H, W] in model-input units). `progress(done, total)` is called
    /// after each step.
    public func dream(_ base: Tensor, settings: DreamSettings = DreamSettings(),
                      progress: (Int, Int) -> Void = { _, _ in }) throws -> Result {
        try settings.validate()
        guard base.rank == 4, base.shape[0] == 1 else { throw NeuralError("dream: the image tensor must be [1, C, H, W], got \(base.shape)") }
        var octaves = [base]
        for _ in 1..<settings.octaves {
            let last = octaves[octaves.count - 1]
            let h = Int((Float(last.shape[2]) / settings.octaveScale).rounded())
            let w = Int((Float(last.shape[3]) / settings.octaveScale).rounded())
            guard h >= 1, w >= 1 else { break }
            octaves.append(ImageTensorOps.resize(last, height: h, width: w))
        }
        var random = SeededGenerator(seed: settings.seed)
        var detail = Tensor(shape: octaves[octaves.count - 1].shape)
        var objectives = [Double]()
        let total = octaves.count * settings.iterationsPerOctave
        var image = base
        for octaveBase in octaves.reversed() {
            detail = ImageTensorOps.resize(detail, height: octaveBase.shape[2], width: octaveBase.shape[3])
            image = octaveBase
            for i in 0..<image.count { image.data[i] += detail.data[i] }
            for _ in 0..<settings.iterationsPerOctave {
                let (next, value) = try step(image, settings: settings, random: &random)
                image = next
                objectives.append(value)
                progress(objectives.count, total)
            }
            for i in 0..<image.count { detail.data[i] = image.data[i] - octaveBase.data[i] }
        }
        return Result(image: image, objectives: objectives)
    }
}
