import Foundation

/// One test condition's predicted aftereffect.
public struct PredictedCondition: Codable, Sendable, Equatable {
    /// The test phase (as named in the protocol).
    public var phase: String
    /// The condition's label.
    public var condition: String
    public var stimulus: String
    /// The test grating's orientation (deg; 0 = horizontal bars), as sessions record it in their
    /// trials' `orientation_deg`; nil when the test is not a grating.
    public var orientationDeg: Double?
    /// Adapting presentation time before this test phase (s), from the timeline's frames.
    public var adaptationS: Double
    /// The L−M colour the model reads on the test's light bars (DKL L−M cone contrast, the nulling
    /// axis `dkl_lm`); positive = reddish. Nil when the test has no luminance pattern the model sees.
    public var perceivedTintDKLLM: Double?
    /// The nulling setting that would cancel it (DKL L−M): −perceivedTintDKLLM.
    public var predictedNullDKLLM: Double?
    /// The same on the S−(L+M) axis (DKL S cone contrast, the nulling axis `dkl_s`); positive = bluish.
    public var perceivedTintDKLS: Double?
    public var predictedNullDKLS: Double?

    enum CodingKeys: String, CodingKey {
        case phase, condition, stimulus
        case orientationDeg = "orientation_deg"
        case adaptationS = "adaptation_s"
        case perceivedTintDKLLM = "perceived_tint_dkl_lm"
        case predictedNullDKLLM = "predicted_null_dkl_lm"
        case perceivedTintDKLS = "perceived_tint_dkl_s"
        case predictedNullDKLS = "predicted_null_dkl_s"
    }
}

/// `stimgen predict`'s result: the prediction for every condition of every test phase, and the
/// model and adaptation settings that made it.
public struct PredictionTable: Codable, Sendable {
    public var protocolName: String
    public var model: String
    public var adaptation: String
    /// The layer the tint is read from (`PredictionLayer`): `all` or one band's, e.g. `linear@1.5cpd`.
    public var layer: String = PredictionLayer.allName
    public var rows: [PredictedCondition]

    enum CodingKeys: String, CodingKey {
        case protocolName = "protocol", model, adaptation, layer, rows
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// CSV with a header row; an undefined value is an empty field.
    public var csv: String {
        let field = CSVText.field, number = CSVText.number
        var lines = ["phase,condition,stimulus,orientation_deg,adaptation_s,perceived_tint_dkl_lm,predicted_null_dkl_lm,perceived_tint_dkl_s,predicted_null_dkl_s"]
        for r in rows {
            lines.append([field(r.phase), field(r.condition), field(r.stimulus), number(r.orientationDeg), number(r.adaptationS),
                          number(r.perceivedTintDKLLM), number(r.predictedNullDKLLM), number(r.perceivedTintDKLS),
                          number(r.predictedNullDKLS)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A fixed-width table for the terminal.
    public var text: String {
        var lines = ["\(protocolName) — model \(model), layer \(layer), adaptation \(adaptation)",
                     "phase           condition        adapted (s)  perceived tint (DKL L−M)  null (DKL L−M)  perceived tint (DKL S)"]
        for r in rows {
            func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: max(n, s.count), withPad: " ", startingAt: 0) }
            func signed(_ v: Double?) -> String { v.map { String(format: "%+.5f", $0) } ?? "—" }
            lines.append(pad(r.phase, 15) + " " + pad(r.condition, 16) + " " + pad(String(format: "%.1f", r.adaptationS), 12)
                         + " " + pad(signed(r.perceivedTintDKLLM), 25) + " " + pad(signed(r.predictedNullDKLLM), 15) + " " + signed(r.perceivedTintDKLS))
        }
        return lines.joined(separator: "\n")
    }
}
