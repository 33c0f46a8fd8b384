import Analysis
import ArgumentParser
import Foundation
import SessionStore

/// `stimgen compare`: the model's predicted aftereffects beside the participants' nulling data, per layer.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a model's predicted aftereffects with the recorded sessions' (HTML page and tidy CSV).",
        discussion: """
            Per layer: predicted vs observed shift per test condition (orientation_deg), Spearman ρ with a seeded \
            bootstrap 95% CI over participants, the leave-one-participant-out noise ceiling, the best layer, and an \
            RDM comparison where forced-choice data cover three or more conditions. The CSV is written beside the \
            page with the same name. See docs/COMPARE.md.
            """)

    @Option(help: "Session database file.")
    var db: String = SessionDatabase.defaultPath

    @Option(name: .customLong("protocol"), help: "Protocol file to predict; default: the protocol recorded with the sessions.")
    var protocolFile: String?

    @OptionGroup var options: PredictionOptions

    @Option(name: .customLong("layer"), parsing: .upToNextOption,
            help: "Layer(s) to compare: all (every band) and/or band layers such as linear@1.5cpd; default: all of them.")
    var layers: [String] = []

    @Option(help: "Bootstrap resamples of participants.")
    var resamples = 2000

    @Option(help: "Bootstrap random seed.")
    var seed: UInt64 = 1

    @Option(help: "Output HTML file; the CSV goes beside it.")
    var out: String

    func validate() throws {
        guard !options.isNetwork else { throw ValidationError("compare runs the built-in V1 model (--model v1); ONNX models are predicted by `stimgen predict`") }
        guard URL(fileURLWithPath: out).pathExtension.lowercased() == "html" else { throw ValidationError("--out '\(out)' must end in .html") }
        guard resamples >= 100 else { throw ValidationError("--resamples must be ≥ 100, got \(resamples)") }
    }

    func run() throws {
        let prediction = options.prediction
        let summary = try ComparisonFile.write(
            databaseAt: URL(fileURLWithPath: db), protocolFile: protocolFile.map { URL(fileURLWithPath: $0) },
            checkOptions: options.checkOptions, prediction: prediction,
            layers: layers.isEmpty ? PredictionLayer.available(prediction.model).map(\.name) : layers,
            to: URL(fileURLWithPath: out), resamples: resamples, seed: seed, softwareVersion: StimgenVersion.string)
        let best = summary.bestLayer.map { " best layer \($0) (Spearman ρ = \(String(format: "%.3f", summary.bestRho ?? .nan)))" } ?? ""
        print("wrote \(out) and \(summary.csv.path): \(summary.sessions) session(s), \(summary.participants) participant(s);\(best)")
    }
}
