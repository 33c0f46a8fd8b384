import Foundation

/// The self-contained HTML page of `stimgen compare`: inline CSS and SVG, no scripts, no network,
/// in the session report's style (`ReportStyle`, `SVGPlot`).
public enum ComparisonPage {
    /// What the page states about where the comparison came from.
    public struct Provenance: Sendable {
        /// Session database file.
        public var database: String
        /// The protocol file predicted.
        public var protocolFile: String
        /// e.g. "v1, decorrelation adaptation".
        public var model: String
        public var sessions: Int
        public var softwareVersion: String
        public var generatedAt: Date

        public init(database: String, protocolFile: String, model: String, sessions: Int, softwareVersion: String, generatedAt: Date = Date()) {
            self.database = database
            self.protocolFile = protocolFile
            self.model = model
            self.sessions = sessions
            self.softwareVersion = softwareVersion
            self.generatedAt = generatedAt
        }
    }

    public static func render(_ c: ModelComparison, provenance p: Provenance) -> String {
        var w = HTMLWriter()
        w.documentStart(title: "stimgen compare: \(p.model) vs \(c.participantCodes.count) participant(s)", heading: "Model vs human: \(p.model)",
                        note: "\(p.sessions) session(s), \(c.participantCodes.count) participant(s) compared. Generated \(ReportText.date(p.generatedAt)) by stimgen \(p.softwareVersion).")
        w.raw("</header><main>")
        summary(c, p, into: &w)
        conditions(c, into: &w)
        ceiling(c, into: &w)
        layers(c, into: &w)
        rdm(c, into: &w)
        w.raw("</main></body></html>\n")
        return w.html
    }

    private static func summary(_ c: ModelComparison, _ p: Provenance, into w: inout HTMLWriter) {
        w.element("h2", "Summary")
        var facts = [("session database", p.database), ("protocol predicted", p.protocolFile), ("model", p.model),
                     ("participants compared", c.participantCodes.joined(separator: ", ")),
                     ("test conditions (\(c.conditionKey))", c.conditions.map { NumberFormat.short($0) }.joined(separator: ", ")),
                     ("observed effect", ReportText.withUnit("nulling setting after adaptation − before, per participant and condition", c.unit)),
                     ("predicted effect", "predicted null after adaptation − before (DKL L−M)"),
                     ("bootstrap", "\(c.resamples) resamples of participants, seed \(c.seed), percentile 95% CI")]
        if !c.leftOut.isEmpty { facts.append(("left out (a condition without before/after settings)", c.leftOut.joined(separator: ", "))) }
        w.facts(facts)
        if let best = c.best, let rho = best.spearman {
            let normalized = best.ceilingNormalized.map { ", \(NumberFormat.significant($0)) of the noise ceiling" } ?? ""
            w.element("p", "The layer that explains the participants best is \(best.name): Spearman ρ = \(ReportText.estimate(rho))\(normalized).")
        } else {
            w.element("p", "No layer's ranking of the conditions is defined (every prediction or the group mean is constant).", class: "warning")
        }
        if c.conditions.count < 5 {
            w.element("p", "With \(c.conditions.count) test conditions a rank correlation can take only a few values; read ρ and its interval with that in mind.", class: "note")
        }
    }

    private static func conditions(_ c: ModelComparison, into w: inout HTMLWriter) {
        w.element("h2", "Predicted and observed per test condition")
        let label = { (v: Double) in NullingSummary.label(v, key: c.conditionKey) }
        let observed = c.conditions.indices.map { i in MeanSummary(c.observed.map { $0[i] }) }
        w.table(header: ["condition", ReportText.withUnit("observed shift, mean", c.unit), "95% CI (t)", "participants"]
                    + c.layers.map { "predicted shift, \($0.name) (DKL L−M)" },
                rows: c.conditions.indices.map { i in
                    [label(c.conditions[i]), ReportText.number(c.groupMean[i], digits: 4),
                     observed[i]?.interval.map { "[\(NumberFormat.significant($0.lower)), \(NumberFormat.significant($0.upper))]" } ?? "–",
                     String(c.observed.count)] + c.layers.map { ReportText.number($0.predicted[i], digits: 4) }
                })
        for layer in c.layers {
            let points = c.conditions.indices.map { i in
                PlotPoint(x: layer.predicted[i], y: c.groupMean[i], lower: observed[i]?.interval?.lower, upper: observed[i]?.interval?.upper)
            }
            var plot = SVGPlot(title: "Observed vs predicted · \(layer.name)" + (layer.spearman.map { " · ρ = \(NumberFormat.significant($0.value))" } ?? ""),
                               xLabel: "predicted shift (DKL L−M)", yLabel: ReportText.withUnit("observed shift, mean with 95% CI", c.unit),
                               series: [PlotSeries(name: "", mark: .errorBars, points: points)])
            plot.referenceLines = [0]
            w.figure(plot)
        }
    }

    private static func ceiling(_ c: ModelComparison, into w: inout HTMLWriter) {
        w.element("h2", "Noise ceiling")
        w.element("p", "Leave-one-participant-out reliability: each participant's condition means correlated (Spearman ρ) with the mean of the other participants. No model can be expected to correlate with the group better than the participants agree with each other.", class: "note")
        guard let ceiling = c.ceiling else {
            w.element("p", "No noise ceiling: it needs at least two participants whose rankings of the conditions are not constant.", class: "warning")
            return
        }
        w.facts([("mean ρ", NumberFormat.significant(ceiling.mean)),
                 ("range", "\(NumberFormat.significant(ceiling.lowest)) to \(NumberFormat.significant(ceiling.highest))")])
        w.table(header: ["participant", "ρ with the others' mean"],
                rows: zip(c.participantCodes, ceiling.perParticipant).map { [$0, ReportText.number($1)] })
    }

    private static func layers(_ c: ModelComparison, into w: inout HTMLWriter) {
        w.element("h2", "Layers")
        w.table(header: ["layer", "Spearman ρ [95% CI]", "ρ / noise ceiling", "RDM ρ (forced choice)"],
                rows: c.layers.map {
                    [$0.name, $0.spearman.map { ReportText.estimate($0) } ?? "undefined (constant ranking)",
                     ReportText.number($0.ceilingNormalized), ReportText.number($0.rdmSpearman)]
                })
        let points = c.layers.enumerated().compactMap { i, layer in
            layer.spearman.map { PlotPoint(x: Double(i + 1), y: $0.value, lower: $0.lower, upper: $0.upper) }
        }
        var plot = SVGPlot(title: "Spearman ρ per layer (dashed: noise ceiling, 0)", xLabel: "layer (number, in the table's order)",
                           yLabel: "Spearman ρ (−1…1)", series: [PlotSeries(name: "", mark: .errorBars, points: points)])
        plot.referenceLines = [0] + (c.ceiling.map { [$0.mean] } ?? [])
        w.figure(plot)
    }

    private static func rdm(_ c: ModelComparison, into w: inout HTMLWriter) {
        w.element("h2", "RDM comparison (forced choice)")
        let shared = c.conditions.filter { c.forcedChoiceConditions.contains($0) }
        if shared.count >= 3 {
            w.element("p", "Dissimilarity of two conditions: for the humans, the difference in forced-choice proportion correct after adaptation; for the model, the difference in predicted shift. ρ compares the two matrices' upper triangles over \(shared.count) conditions.", class: "note")
        } else {
            w.element("p", "No RDM comparison: it needs forced-choice responses after adaptation in at least three of the compared test conditions (trial key \(c.conditionKey)); these sessions have them in \(shared.count).")
        }
    }
}
