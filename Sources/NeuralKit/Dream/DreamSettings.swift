/// DeepDream's parameters, defaulting to google/deepdream's `deepdream()` and `make_step()`.
public struct DreamSettings: Sendable, Equatable, Codable {
    /// Gradient step in 8-bit levels, after dividing the gradient by its mean absolute value
    /// (DeepDream's step_size 1.5, given there in Caffe's 0…255 input units).
    public var stepLevels: Float = 1.5
    /// Largest random shift applied before each step and undone after it (px).
    public var jitterPx: Int = 32
    /// Number of octaves (image scales), the coarsest first.
    public var octaves: Int = 4
    /// Ratio of the sizes of successive octaves.
    public var octaveScale: Float = 1.4
    /// Gradient steps per octave.
    public var iterationsPerOctave: Int = 10
    /// Clip every pixel to the valid display range after each step.
    public var clip: Bool = true
    /// Seed of the jitter shifts.
    public var seed: UInt64 = 0

    public init() {}

    /// Throws naming the setting that is out of range.
    public func validate() throws {
        guard stepLevels > 0, stepLevels.isFinite else { throw NeuralError("dream: step must be a positive number of 8-bit levels, got \(stepLevels)") }
        guard jitterPx >= 0 else { throw NeuralError("dream: jitter must be ≥ 0 px, got \(jitterPx)") }
        guard octaves >= 1 else { throw NeuralError("dream: octaves must be ≥ 1, got \(octaves)") }
        guard octaveScale > 1, octaveScale.isFinite else { throw NeuralError("dream: octave scale must be > 1, got \(octaveScale)") }
        guard iterationsPerOctave >= 1 else { throw NeuralError("dream: iterations per octave must be ≥ 1, got \(iterationsPerOctave)") }
    }
}
