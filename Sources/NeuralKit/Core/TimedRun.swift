import Foundation

/// Runs a model's forward pass on one input tensor several times and times it, for `stimgen infer`
/// and the benchmarks (bench/neural).
public struct TimedRun: Sendable {
    /// The graph's first output for the input.
    public var output: Tensor
    /// Wall-clock seconds of each timed run (after one untimed warm-up run).
    public var seconds: [Double]
    /// Images per second over the timed runs (batch size / median seconds).
    public var imagesPerSecond: Double

    public static func run(_ network: Network, input: Tensor, repeats: Int) throws -> TimedRun {
        guard network.inputs.count == 1, let name = network.inputs.first?.name, let outputName = network.outputs.first else {
            throw NeuralError("the model needs exactly one graph input and at least one output")
        }
        var output = try network.run([name: input], keep: [outputName])[outputName]!
        var seconds = [Double]()
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            output = try network.run([name: input], keep: [outputName])[outputName]!
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let median = seconds.sorted()[seconds.count / 2]
        return TimedRun(output: output, seconds: seconds, imagesPerSecond: Double(input.shape.first ?? 1) / median)
    }
}
