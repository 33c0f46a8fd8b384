import Foundation

/// Timings of dreaming on one layer of a model, for bench/dream: the forward pass to the layer,
/// the backward pass from it to the image, and one whole dream frame (every octave and step).
public struct DreamBenchmark: Codable, Sendable {
    public var layer: String
    /// Side of the square image (px).
    public var sizePx: Int
    /// Fastest of the repeats (s).
    public var forwardSeconds: Double
    public var backwardSeconds: Double
    /// backward / forward on the same graph and image.
    public var backwardToForward: Double
    /// One dream with the given settings (s), run once.
    public var frameSeconds: Double
    public var settings: DreamSettings

    /// Times the model on the `noise` start image (mid-grey ± 20 levels, seed 0) of `sizePx` px.
    public static func run(model: ModelSource, layer: String, sizePx: Int, repeats: Int, settings: DreamSettings = DreamSettings()) throws -> DreamBenchmark {
        let (loaded, layers) = try DreamJob.load(model, layers: [layer])
        let resolved = layers[0]
        let preprocessing = model.preprocessing(Preprocessing(inputSize: sizePx))
        let dreamer = try DeepDream(network: loaded, layer: resolved, preprocessing: preprocessing)
        let network = dreamer.network
        let x = try DreamInput.tensor("noise", preprocessing: preprocessing, stimulusDirectory: URL(fileURLWithPath: "."),
                                      profile: .standardSRGB, seed: 0)
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        var forward = Double.infinity, backward = Double.infinity
        for _ in 0..<max(1, repeats) {
            var values = [String: Tensor]()
            forward = min(forward, try seconds { values = try network.run([network.inputs[0].name: x]) })
            let seed = values[resolved]!
            backward = min(backward, try seconds { _ = try network.backward(values: values, seeds: [resolved: seed]) })
        }
        let frame = try seconds { _ = try dreamer.dream(x, settings: settings) }
        return DreamBenchmark(layer: resolved, sizePx: sizePx, forwardSeconds: forward, backwardSeconds: backward,
                              backwardToForward: backward / forward, frameSeconds: frame, settings: settings)
    }
}
