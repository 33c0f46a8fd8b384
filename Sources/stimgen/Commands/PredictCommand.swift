import Analysis
import ArgumentParser
import Foundation

/// `stimgen predict PROTOCOL`: the aftereffect the V1 model with an adaptation model predicts
/// for every test condition of a protocol, on the nulling axis (DKL L−M).
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict each test condition's perceived tint (DKL L−M) after the protocol's adaptation phases.",
        discussion: """
            The protocol's adaptation phases are played frame by frame (real durations and alternation) through \
            the built-in V1 model and an adaptation model: decorrelation (Barlow & Földiák 1989; fast τ and slow integrator, \
            Vul et al. 2008, the default), fatigue of the conjunctive units, or intrinsic suppression (Vinken et al. 2020). \
            See docs/V1_MODEL.md for every parameter.
            """)

    @Argument(help: "Protocol file (YAML).")
    var protocolFile: String

    @OptionGroup var options: PredictionOptions

    @Option(help: "Layer the tint is read from: all (every band) or one band's Gabor layer, e.g. linear@1.5cpd; for an ONNX model, the layer to adapt and read.")
    var layer = PredictionLayer.allName

    @Option(help: "Write the table to FILE.json or FILE.csv (by extension) instead of printing it.")
    var out: String?

    func validate() throws {
        if options.isNetwork, layer == PredictionLayer.allName {
            throw ValidationError("with an ONNX model, name the layer to adapt and read with --layer (see `stimgen layers \(options.model)`)")
        }
        if let out, !["json", "csv"].contains(URL(fileURLWithPath: out).pathExtension.lowercased()) {
            throw ValidationError("--out '\(out)' must end in .json or .csv")
        }
    }

    func run() throws {
        let file = URL(fileURLWithPath: protocolFile)
        let table = options.isNetwork
            ? try options.networkPrediction(layer: layer).run(protocolFile: file, options: options.checkOptions)
            : try options.prediction.run(protocolFile: file, options: options.checkOptions, layer: layer)
        guard let out else { print(table.text); return }
        let text = URL(fileURLWithPath: out).pathExtension.lowercased() == "json" ? try table.json() : table.csv
        try text.write(toFile: out, atomically: true, encoding: .utf8)
        print(out)
    }
}
