import Foundation

extension SessionSection {
    /// PSE against illusion strength per illusion phase: a table of the fitted line, the plot, and the tidy PSE table.
    func illusionPSE(_ w: inout HTMLWriter) {
        guard let summary = analysis.illusionPSE else { return }
        w.element("h3", "Illusions: point of subjective equality against illusion strength")
        w.element("p", "Each point is one PSE on the illusion's physical difference (target A − target B): an adjustment's confirmed setting, or a staircase track's mean of its last reversals. The line is the ordinary least-squares fit; intervals are 95% t intervals (n − 2 df). With the library's sign convention a real illusion gives a negative slope.", class: "note")
        w.table(header: ["phase · illusion", "PSEs", "slope [95% CI]", "intercept [95% CI]", "residual SD"],
                rows: summary.blocks.map { b in
                    [b.label, String(b.pses.count),
                     b.fit.map { ReportText.estimate($0.slope) + " " + b.unit + " per unit strength" } ?? "needs ≥ 3 PSEs at ≥ 2 strengths",
                     b.fit.map { ReportText.estimate($0.intercept) + " " + b.unit } ?? "–",
                     ReportText.number(b.fit?.residualSD) + " " + b.unit]
                })
        for (index, b) in summary.blocks.enumerated() {
            var series = [PlotSeries(name: "PSE", mark: .scatter, points: b.pses.map { PlotPoint(x: $0.strength, y: $0.value) }, colorIndex: index)]
            if let fit = b.fit, let low = b.pses.map(\.strength).min(), let high = b.pses.map(\.strength).max() {
                series.append(PlotSeries(name: "least-squares line", mark: .line, points: [low, high].map {
                    PlotPoint(x: $0, y: fit.intercept.value + fit.slope.value * $0)
                }, colorIndex: 6))
            }
            var plot = SVGPlot(title: "PSE against illusion strength · \(b.label)", xLabel: "illusion_strength (dimensionless)",
                               yLabel: ReportText.withUnit("PSE, difference A − B", b.unit), series: series)
            plot.referenceLines = [0]
            w.figure(plot)
        }
        let csv = summary.csv
        let encoded = csv.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        w.raw("<p><a download=\"illusion_pse_session_\(summary.sessionID).csv\" href=\"data:text/csv;charset=utf-8,\(encoded)\">PSE table (CSV)</a></p>")
        w.raw("<details><summary>PSE table</summary><pre>")
        w.text(csv)
        w.raw("</pre></details>")
    }
}
