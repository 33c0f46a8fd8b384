import ArgumentParser
import Foundation
import StimulusKit

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit a monitor profile from photometer readings (CSV: gun, level or level_255, luminance_cd_m2, optional x, y).")

    @Argument(help: "Measurements CSV.")
    var measurements: String

    @Option(help: "Write the fitted profile YAML here (for --monitor).")
    var out: String?

    @Option(help: "Name recorded in the profile.")
    var name = "calibrated monitor"

    @Flag(help: "Overwrite an existing profile file.")
    var force = false

    func run() throws {
        let text = try String(contentsOfFile: measurements, encoding: .utf8)
        let result = try GammaCalibration.fit(GammaCalibration.readings(csv: text, file: measurements), name: name)
        print(result.report)
        let yaml = try result.profile.yamlString()
        guard let out else { print("\n" + yaml); return }
        if FileManager.default.fileExists(atPath: out) && !force {
            throw ValidationError("\(out) exists; pass --force to overwrite it")
        }
        try yaml.write(toFile: out, atomically: true, encoding: .utf8)
        print("profile written to \(out)")
    }
}
