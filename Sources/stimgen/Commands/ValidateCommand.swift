import ArgumentParser
import Foundation
import ProtocolKit
import StimulusKit

/// `stimgen validate PROTOCOL`: checks a protocol, compiles its timeline and runs the
/// photosensitive-safety analysis; prints the summary and exits non-zero unless it may run.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a protocol: every error located, the frame-exact timeline, the photosensitive-safety verdict.")

    @Argument(help: "Protocol file (YAML).")
    var protocolFile: String

    @Option(help: "Refresh rate to compile for (Hz); default: the protocol's viewing.refresh_hz.")
    var refresh: Double?

    @Option(help: "Monitor profile file; default: the protocol's viewing.monitor.")
    var monitor: String?

    @Option(help: "Folder of named stimuli; default: Stimuli/ beside the protocol's folder.")
    var stimuli: String?

    @Flag(help: "Print the compiled timeline as JSON instead of the summary.")
    var timelineJSON = false

    func run() throws {
        let options = ProtocolCheck.Options(stimulusDirectory: stimuli.map { URL(fileURLWithPath: $0) }, refreshHz: refresh,
                                            monitorFile: monitor.map { URL(fileURLWithPath: $0) })
        let report = ProtocolCheck.run(file: URL(fileURLWithPath: protocolFile), options: options)
        if timelineJSON, let json = report.timelineJSON() {
            print(json)
        } else {
            print(report.summary)
        }
        if !report.isRunnable { throw ExitCode(1) }
    }
}
