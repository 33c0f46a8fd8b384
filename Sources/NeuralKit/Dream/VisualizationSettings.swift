/// Feature visualisation's parameters, defaulting to Lucid's `render_vis` with `param.image(128)`.
public struct VisualizationSettings: Sendable, Equatable, Codable {
    /// Side of the square image (px).
    public var sizePx = 128
    /// Optimisation steps.
    public var steps = 512
    /// Adam's step size (parameter units).
    public var learningRate: Float = 0.05
    /// Apply Lucid's standard transforms (pad, jitter, scale, rotate, jitter) at every step.
    public var transforms = true
    /// Seed of the initial spectrum and of the transforms; channel N is seeded with seed + N.
    public var seed: UInt64 = 0

    public init() {}

    /// Throws naming the setting that is out of range.
    public func validate() throws {
        let smallest = 2 * RandomTransforms.jittersPx.first
        guard sizePx >= smallest else { throw NeuralError("visualize: size must be at least \(smallest) px, got \(sizePx)") }
        guard steps >= 1 else { throw NeuralError("visualize: steps must be ≥ 1, got \(steps)") }
        guard learningRate > 0, learningRate.isFinite else { throw NeuralError("visualize: learning rate must be > 0, got \(learningRate)") }
    }
}
