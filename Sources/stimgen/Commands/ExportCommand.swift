import ArgumentParser
import Foundation
import StimulusKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Render stimuli to DIR/NAME.png (gamma-corrected, sRGB chunk) and DIR/NAME.json (every parameter with its unit).")

    @Argument(help: "Stimulus names from the stimuli folder, or stimulus YAML files.")
    var stimuli: [String] = []

    @Flag(help: "Export every stimulus in the stimuli folder.")
    var all = false

    @Option(help: "Output folder (created if missing).")
    var out: String

    @Option(help: "Image size in px, WxH (default: the monitor's screen, 1920x1080 for the standard profile).")
    var size: String?

    @Option(help: "Monitor profile YAML (default: a standard sRGB display, 53 cm wide at 57 cm).")
    var monitor: String?

    @Option(name: .customLong("stimuli-dir"), help: "Folder of stimulus definitions.")
    var stimuliDir = "Stimuli"

    @Flag(help: "Overwrite existing files.")
    var force = false

    func run() throws {
        let request = try ExportRequest(items: stimuli, all: all, library: URL(fileURLWithPath: stimuliDir), outDirectory: out,
                                        size: size, monitor: monitor, force: force, generator: "stimgen \(StimgenVersion.string)")
        let start = Date()
        let many = request.specs.count > 1
        let written = try request.run { done, total, name in
            guard many else { return }
            let bar = String(repeating: "#", count: 30 * done / total).padding(toLength: 30, withPad: ".", startingAt: 0)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(name)\u{1B}[K".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        let bytes = written.map(\.pngBytes).reduce(0, +)
        print(String(format: "exported %d stimuli (%d PNG + %d JSON, %.0f kB of PNG, %dx%d px) to %@ in %.2f s",
                     written.count, written.count, written.count, Double(bytes) / 1e3, request.exporter.width, request.exporter.height,
                     request.directory.path, Date().timeIntervalSince(start)))
    }
}
