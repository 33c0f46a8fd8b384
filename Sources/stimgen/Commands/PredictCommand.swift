import Analysis
import ArgumentParser
import Foundation
import NeuralKit
import ProtocolKit

/// `stimgen predict PROTOCOL`: the aftereffect the V1 model with decorrelation adaptation predicts
/// for every test condition of a protocol, on the nulling axis (DKL L−M).
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict each test condition's perceived tint (DKL L−M) after the protocol's adaptation phases.",
        discussion: """
            The protocol's adaptation phases are played frame by frame (real durations and alternation) through \
            the built-in V1 model and decorrelation adaptation (Barlow & Földiák 1989; fast τ and slow integrator, \
            Vul et al. 2008). See docs/V1_MODEL.md for every parameter.
            """)

    @Argument(help: "Protocol file (YAML).")
    var protocolFile: String

    @Option(help: "Model: v1 (the built-in V1 model; the only one predict supports so far).")
    var model = "v1"

    @Option(help: "Adaptation model: decorrelation (the only one so far).")
    var adaptation = "decorrelation"

    @Option(help: "Folder of named stimuli; default: Stimuli/ beside the protocol's folder.")
    var stimuli: String?

    @Option(help: "Monitor profile file; default: the protocol's viewing.monitor.")
    var monitor: String?

    @Option(name: .customLong("field-deg"), help: "Visual angle the model's square input spans (deg).")
    var fieldDeg: Double = 8

    @Option(name: .customLong("pixels-per-degree"), help: "Model input resolution (px/deg).")
    var pixelsPerDegree: Double = 28

    @Option(name: .customLong("fast-tau"), help: "Fast adaptation time constant (s).")
    var fastTau: Double = 30

    @Option(name: .customLong("slow-tau"), help: "Slow integration time (s).")
    var slowTau: Double = 600

    @Option(help: "Fraction of the learned colour–pattern correlation subtracted (0…1).")
    var gain: Double = 0.1

    @Option(help: "Write the table to FILE.json or FILE.csv (by extension) instead of printing it.")
    var out: String?

    func validate() throws {
        guard model == "v1" else { throw ValidationError("--model '\(model)' is not supported by predict yet (choices: v1)") }
        guard adaptation == "decorrelation" else {
            throw ValidationError("--adaptation '\(adaptation)' is not supported yet (choices: decorrelation)")
        }
        if let out, !["json", "csv"].contains(URL(fileURLWithPath: out).pathExtension.lowercased()) {
            throw ValidationError("--out '\(out)' must end in .json or .csv")
        }
    }

    func run() throws {
        let options = ProtocolCheck.Options(stimulusDirectory: stimuli.map { URL(fileURLWithPath: $0) },
                                            monitorFile: monitor.map { URL(fileURLWithPath: $0) })
        let prediction = AftereffectPrediction(model: V1Configuration(fieldDeg: fieldDeg, pixelsPerDegree: pixelsPerDegree),
                                               adaptation: DecorrelationAdaptation(fastTauS: fastTau, slowTauS: slowTau, gain: gain))
        let table = try prediction.run(protocolFile: URL(fileURLWithPath: protocolFile), options: options)
        guard let out else { print(table.text); return }
        let text = URL(fileURLWithPath: out).pathExtension.lowercased() == "json" ? try table.json() : table.csv
        try text.write(toFile: out, atomically: true, encoding: .utf8)
        print(out)
    }
}
