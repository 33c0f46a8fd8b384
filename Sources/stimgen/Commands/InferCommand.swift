import ArgumentParser
import Foundation
import NeuralKit

/// `stimgen infer`: a model's output for a preprocessed tensor, with timing.
struct InferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer",
        abstract: "Run an ONNX model on a preprocessed .npy tensor (any batch size); write its output and report images/s.")

    @Argument(help: "ONNX model file.")
    var model: String

    @Argument(help: "Input tensor (.npy, e.g. [N, 3, 224, 224]).")
    var input: String

    @Option(help: "Write the model's first output here (.npy).")
    var out: String?

    @Option(help: "Timed runs after one warm-up run.")
    var repeats = 5

    @Option(help: "Threads the model runs on (default: every core).")
    var threads: Int?

    func run() throws {
        if let threads { Parallel.threads = threads }
        let network = try Network.load(onnx: URL(fileURLWithPath: model))
        let result = try TimedRun.run(network, input: try NPY.read(URL(fileURLWithPath: input)), repeats: repeats)
        if let out { try NPY.write(result.output, to: URL(fileURLWithPath: out)) }
        let blas = OpenBLAS.shared
        print(String(format: "images_per_s=%.3f median_s=%.5f best_images_per_s=%.3f images_per_cpu_s=%.3f threads=%d blas_core=%@ output_shape=%@",
                     result.imagesPerSecond, result.seconds.sorted()[result.seconds.count / 2], result.bestImagesPerSecond,
                     result.imagesPerCPUSecond, Parallel.threads,
                     blas.coreName, "\(result.output.shape)".replacingOccurrences(of: " ", with: "")))
    }
}
