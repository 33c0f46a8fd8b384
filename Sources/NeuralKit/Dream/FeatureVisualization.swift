import StimulusKit

/// Feature visualisation in Lucid's way (Olah, Mordvintsev & Schubert 2017, tensorflow/lucid): the
/// image that most raises the mean activation of one channel of a layer, optimised from noise.
/// The image is a `FourierImage` (1/f-scaled spectrum, decorrelated colour, sigmoid); each step
/// draws `RandomTransforms`, runs the model forward on the transformed image and back to the
/// spectrum through every stage's adjoint, and climbs with Adam.
public struct FeatureVisualization: Sendable {
    /// The model cut down to the layer.
    public let network: Network
    public let layer: String
    public let pixels: PixelSpace

    public init(network: Network, layer: String, preprocessing: Preprocessing) throws {
        self.network = try network.truncated(at: layer)
        self.layer = layer
        pixels = PixelSpace(preprocessing)
    }

    public struct Result: Sendable {
        /// The visualisation as an opaque 8-bit image.
        public var image: DisplayImage
        /// The channel's mean activation before each step (on that step's transformed image).
        public var objectives: [Double]
    }

    /// Optimises the image for `channel`. `progress(done, total)` follows each step.
    public func visualize(channel: Int, settings: VisualizationSettings = VisualizationSettings(),
                          progress: (Int, Int) -> Void = { _, _ in }) throws -> Result {
        try settings.validate()
        let objective = DreamObjective.channelMean(channel)
        var random = SeededGenerator(seed: settings.seed &+ UInt64(max(0, channel)))
        let image = FourierImage(height: settings.sizePx, width: settings.sizePx)
        var parameters = image.initialParameters(random: &random)
        var adam = AdamAscent(parameterCount: parameters.count, learningRate: settings.learningRate)
        var objectives = [Double]()
        for step in 0..<settings.steps {
            let maps = settings.transforms ? RandomTransforms.draw(height: image.height, width: image.width, random: &random) : []
            let (value, gradient) = try objectiveGradient(parameters, image: image, transforms: maps, objective: objective)
            adam.step(&parameters, gradient: gradient)
            objectives.append(value)
            progress(step + 1, settings.steps)
        }
        return Result(image: Self.displayImage(image.pixels(parameters), side: settings.sizePx), objectives: objectives)
    }

    /// The objective on the image that `parameters` give, seen through `transforms` (applied in
    /// order), and its gradient with respect to the parameters: forward through the image, the
    /// transforms and the model, then back through the model's backward pass and each stage's adjoint.
    func objectiveGradient(_ parameters: [Float], image: FourierImage, transforms maps: [SamplingMap],
                           objective: DreamObjective) throws -> (value: Double, gradient: [Float]) {
        let levels = image.pixels(parameters)
        let seen = maps.reduce(levels) { $1.apply($0, channels: 3) }
        let (h, w) = (maps.last?.outputHeight ?? image.height, maps.last?.outputWidth ?? image.width)
        let (value, gradient) = try network.objectiveGradient(pixels.tensor(levels: seen, height: h, width: w), layer: layer, objective: objective)
        let levelGradient = maps.reversed().reduce(pixels.levelGradient(gradient)) { $1.adjoint($0, channels: 3) }
        return (value, image.gradient(pixels: levels, pixelGradient: levelGradient))
    }

    /// Drive levels [3 × side × side] (0…1) as an opaque 8-bit image.
    static func displayImage(_ levels: [Float], side: Int) -> DisplayImage {
        let plane = side * side
        var bytes = [UInt8](repeating: 255, count: 4 * plane)
        for p in 0..<plane {
            for c in 0..<3 { bytes[4 * p + c] = UInt8(min(max((levels[c * plane + p] * 255).rounded(), 0), 255)) }
        }
        return DisplayImage(width: side, height: side, pixels: bytes)
    }
}
