import Foundation

/// Runs a model's forward pass on one input tensor several times and times it, for `stimgen infer`
/// and the benchmarks (bench/neural).
public struct TimedRun: Sendable {
    /// The graph's first output for the input.
    public var output: Tensor
    /// Wall-clock seconds of each timed run (after one untimed warm-up run).
    public var seconds: [Double]
    /// CPU seconds the whole process spent in each timed run (all its threads). On a machine
    /// shared with other work this leaves out the time other processes held the cores.
    public var cpuSeconds: [Double]
    /// Images per second over the timed runs (batch size / median seconds).
    public var imagesPerSecond: Double
    /// Images per wall-clock second of the fastest timed run.
    public var bestImagesPerSecond: Double
    /// Images per CPU second of the timed run that used least CPU time: with one thread, the
    /// throughput the run would have on an unshared core.
    public var imagesPerCPUSecond: Double

    public static func run(_ network: Network, input: Tensor, repeats: Int) throws -> TimedRun {
        guard network.inputs.count == 1, let name = network.inputs.first?.name, let outputName = network.outputs.first else {
            throw NeuralError("the model needs exactly one graph input and at least one output")
        }
        var output = try network.run([name: input], keep: [outputName])[outputName]!
        var seconds = [Double](), cpuSeconds = [Double]()
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = processCPUSeconds()
            output = try network.run([name: input], keep: [outputName])[outputName]!
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpuSeconds.append(processCPUSeconds() - cpuStart)
        }
        let images = Double(input.shape.first ?? 1)
        return TimedRun(output: output, seconds: seconds, cpuSeconds: cpuSeconds,
                        imagesPerSecond: images / seconds.sorted()[seconds.count / 2],
                        bestImagesPerSecond: images / seconds.min()!, imagesPerCPUSecond: images / cpuSeconds.min()!)
    }

    /// CPU time (s) this process has used so far, over all its threads.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
