import ArgumentParser
import Foundation
import NeuralKit

/// Hidden: dreaming's timings as JSON, for bench/dream/run.sh.
struct BenchDreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-dream", abstract: "Time forward, backward and one dream frame (JSON).",
                                                    shouldDisplay: false)

    @Argument(help: "ONNX model file, or v1 for the built-in V1 model.")
    var model: String

    @Option(help: "Layer to dream on.")
    var layer: String

    @Option(help: "Image side (px).")
    var size = 512

    @Option(help: "Forward/backward repeats; the fastest counts.")
    var repeats = 3

    func run() throws {
        let timings = try DreamBenchmark.run(model: try ModelSource(model), layer: layer, sizePx: size, repeats: repeats)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(timings), as: UTF8.self))
    }
}
