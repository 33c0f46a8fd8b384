import ArgumentParser
import Foundation
import StimulusKit

/// Hidden: the stimulus engine's timings as JSON, for bench/stimulus/run.sh.
struct BenchStimulusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-stimulus", abstract: "Time the stimulus engine (JSON).",
                                                    shouldDisplay: false)

    @Option(help: "Runs per case; the fastest counts.")
    var repeats = 10

    @Option(help: "Folder to write the benchmarked display image (raw RGBA) into.")
    var dump: String?

    func run() throws {
        let timings = try StimulusBenchmark.run(repeats: repeats, dump: dump.map { URL(fileURLWithPath: $0) })
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try enc.encode(timings), as: UTF8.self))
    }
}
