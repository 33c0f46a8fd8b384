import Foundation

/// Renders one participant's decay across sessions, and the group summary.
struct ParticipantSection {
    let decay: ParticipantDecay

    var anchor: String { "participant-\(decay.participantCode.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-"))" }

    func render(into w: inout HTMLWriter) {
        w.raw("<section class=\"participant\" id=\"\(anchor)\">")
        w.element("h2", "Participant \(decay.participantCode): effect against time since adaptation")
        let unit = decay.unit
        w.element("p", decay.baselineSubtracted
                  ? "Effect: paired-condition difference of the nulling settings minus the same difference before adaptation (Welch 95% CI)."
                  : "Effect: paired-condition difference of the nulling settings; no pre-adaptation baseline was recorded, so none is subtracted.",
                  class: "note")
        guard !decay.points.isEmpty else {
            w.element("p", "No nulling phase after an adaptation has at least two settings of each paired condition.")
            w.raw("</section>")
            return
        }
        w.table(header: ["session", "phase", "time since adaptation (h)", ReportText.withUnit("effect [95% CI]", unit)],
                rows: decay.points.map { [String($0.sessionID), $0.phaseName, NumberFormat.significant($0.hoursSinceAdaptation, digits: 3),
                                          ReportText.estimate($0.effect)] })
        var series = [PlotSeries(name: "effect, 95% CI", mark: .errorBars, points: decay.points.map {
            PlotPoint(x: $0.hoursSinceAdaptation, y: $0.effect.value, lower: $0.effect.lower, upper: $0.effect.upper)
        }, colorIndex: 6)]
        if let comparison = decay.decay {
            let times = decay.points.map(\.hoursSinceAdaptation).filter { $0 > 0 }
            if let low = times.min(), let high = times.max(), high > low {
                let xs = (0...60).map { low * pow(high / low, Double($0) / 60) }
                for (index, fit) in [comparison.exponential, comparison.powerLaw].enumerated() {
                    series.append(PlotSeries(name: fit.model == .exponential ? "exponential fit" : "power-law fit", mark: .line,
                                             points: xs.map { PlotPoint(x: $0, y: fit.predict($0)) }, colorIndex: index, dashed: index == 1))
                }
            }
        }
        var plot = SVGPlot(title: "Decay of the contingent effect · \(decay.participantCode)", xLabel: "time since adaptation (h, log scale)",
                           yLabel: ReportText.withUnit("effect", unit), series: series)
        plot.xKind = .logarithmic
        plot.referenceLines = [0]
        w.figure(plot)
        if let c = decay.decay {
            w.table(header: ["model", ReportText.withUnit("amplitude", unit), "τ (h) or exponent b", "RSS", "AIC", "Akaike weight"], rows: [
                ["A·exp(−t/τ)", NumberFormat.significant(c.exponential.amplitude), NumberFormat.significant(c.exponential.rate),
                 NumberFormat.significant(c.exponential.residualSumOfSquares), NumberFormat.significant(c.exponential.aic, digits: 4),
                 NumberFormat.significant(c.exponentialWeight, digits: 2)],
                ["A·t^(−b)", NumberFormat.significant(c.powerLaw.amplitude), NumberFormat.significant(c.powerLaw.rate),
                 NumberFormat.significant(c.powerLaw.residualSumOfSquares), NumberFormat.significant(c.powerLaw.aic, digits: 4),
                 NumberFormat.significant(1 - c.exponentialWeight, digits: 2)],
            ])
            let preferred = c.preferred.model == .exponential ? "exponential" : "power law"
            w.element("p", "Preferred by AIC: \(preferred) (ΔAIC = \(NumberFormat.significant(c.aicDifference, digits: 3)); above about 2 is a meaningful preference).")
        } else {
            w.element("p", "Decay fits need at least three points at two or more times.", class: "note")
        }
        if let rho = decay.rankCorrelation {
            w.element("p", "Spearman rank correlation of effect with time: ρ = \(NumberFormat.significant(rho, digits: 3)).")
        }
        w.raw("</section>")
    }
}

/// Renders the group section: per-participant figures and the group mean.
struct GroupSection {
    let group: GroupSummary

    func render(into w: inout HTMLWriter) {
        w.raw("<section class=\"group\" id=\"group\">")
        w.element("h2", "Group")
        let unit = group.participants.first { !$0.unit.isEmpty }?.unit ?? ""
        w.table(header: ["participant", "decay points", ReportText.withUnit("initial effect", unit), "preferred decay model", "τ (h) or exponent b"],
                rows: group.participants.map { p in
                    let initial = group.initialEffects.first { $0.code == p.participantCode }?.effect
                    let model = p.decay.map { $0.preferred.model == .exponential ? "exponential" : "power law" } ?? "–"
                    return [p.participantCode, String(p.points.count), ReportText.number(initial), model, ReportText.number(p.decay?.preferred.rate)]
                })
        if let mean = group.groupMean {
            let interval = mean.interval.map { " [\(NumberFormat.significant($0.lower)), \(NumberFormat.significant($0.upper))] (95% CI)" } ?? ""
            w.element("p", "Group mean initial effect over \(mean.count) participant(s): \(NumberFormat.significant(mean.mean))\(interval)\(unit.isEmpty ? "" : " " + unit).")
        }
        let series = group.participants.enumerated().compactMap { index, p -> PlotSeries? in
            p.points.isEmpty ? nil : PlotSeries(name: p.participantCode, mark: .lineAndDots,
                                                points: p.points.sorted { $0.hoursSinceAdaptation < $1.hoursSinceAdaptation }
                                                    .map { PlotPoint(x: $0.hoursSinceAdaptation, y: $0.effect.value) },
                                                colorIndex: index)
        }
        if !series.isEmpty {
            var plot = SVGPlot(title: "Contingent effect of every participant", xLabel: "time since adaptation (h, log scale)",
                               yLabel: ReportText.withUnit("effect", unit), series: series.count <= 7 ? series : series.map { var s = $0; s.name = ""; return s })
            plot.xKind = .logarithmic
            plot.referenceLines = [0]
            w.figure(plot)
        }
        w.raw("</section>")
    }
}
