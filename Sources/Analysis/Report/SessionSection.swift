import Foundation

/// Renders one session's section of the report.
struct SessionSection {
    let analysis: SessionAnalysis

    var anchor: String { "session-\(analysis.session.id)" }

    func render(into w: inout HTMLWriter) {
        let s = analysis.session
        w.raw("<section class=\"session\" id=\"\(anchor)\">")
        w.element("h2", "Session \(s.id) · participant \(s.participantCode) · \(s.protocolName)")
        overview(&w)
        timing(&w)
        fixation(&w)
        nulling(&w)
        forcedChoice(&w)
        staircases(&w)
        illusionPSE(&w)
        w.raw("</section>")
    }

    private func overview(_ w: inout HTMLWriter) {
        let s = analysis.session
        if s.status != "completed" {
            w.element("p", "This session is \(s.status): the data below are what was recorded before it stopped.", class: "warning")
        }
        w.facts([
            ("participant", s.participantCode),
            ("protocol", s.protocolName),
            ("protocol SHA-256", s.protocolSHA256),
            ("status", s.status + (s.resumeCount > 0 ? " (resumed \(s.resumeCount)×)" : "")),
            ("started (UTC)", ReportText.date(s.startedAt)),
            ("ended (UTC)", ReportText.date(s.endedAt)),
            ("software version", s.softwareVersion),
            ("refresh rate expected / measured (Hz)", "\(ReportText.number(s.expectedRefreshHz, digits: 5)) / \(ReportText.number(s.measuredRefreshHz, digits: 5))"),
            ("safety verdict", analysis.safetyVerdict ?? "not stated in the recorded analysis"),
            ("safety override", s.safetyOverrideReason ?? "none"),
            ("notes", s.notes ?? ""),
        ])
        if let reason = s.safetyOverrideReason {
            w.element("p", "The researcher overrode the photosensitive-safety verdict: \(reason)", class: "warning")
        }
        w.element("h3", "Monitor profile")
        overviewTable(analysis.monitorProfile, into: &w)
        w.element("h3", "Photosensitive-safety analysis")
        overviewTable(analysis.safety, into: &w)
        w.raw("<details><summary>Protocol text as run</summary><pre>")
        w.text(s.protocolText)
        w.raw("</pre></details>")
    }

    private func overviewTable(_ overview: JSONOverview, into w: inout HTMLWriter) {
        if let raw = overview.unparsed {
            w.element("pre", raw)
        } else {
            w.facts(overview.fields.map { ($0.key, $0.value) })
        }
    }

    private func timing(_ w: inout HTMLWriter) {
        let t = analysis.timing
        w.element("h3", "Timing quality")
        let dropped = t.frameCount > 0 ? " (\(NumberFormat.significant(100 * Double(t.droppedFrames) / Double(t.frameCount), digits: 2)) %)" : ""
        w.facts([
            ("frames recorded", String(t.frameCount)),
            ("dropped frames", "\(t.droppedFrames)\(dropped)"),
            ("frame interval mean ± SD (ms)", "\(ReportText.number(t.meanIntervalMs, digits: 4)) ± \(ReportText.number(t.sdIntervalMs, digits: 2))"),
        ])
        if !t.intervalsMs.isEmpty {
            // 0.5 ms bins, widened so that a long stall does not make thousands of bars.
            let range = (t.intervalsMs.max() ?? 0) - (t.intervalsMs.min() ?? 0)
            let binWidth = max(0.5, AxisScale.roundStep(range / 200))
            w.figure(SVGPlot(title: "Frame intervals (\(NumberFormat.short(binWidth)) ms bins)", xLabel: "frame interval (ms)",
                             yLabel: "frames (count)", series: [Histogram(values: t.intervalsMs, binWidth: binWidth).series(name: "")]))
        }
        w.table(header: ["phase", "planned (frames)", "measured (frames)", "planned (s)", "measured (s)", "measured − planned (ms)", "dropped (frames)"],
                rows: t.phases.map {
                    [$0.name, String($0.plannedFrames), ReportText.integer($0.measuredFrames), ReportText.number($0.plannedS, digits: 6),
                     ReportText.number($0.measuredS, digits: 6), ReportText.number($0.differenceMs, digits: 3), ReportText.integer($0.droppedFrames)]
                })
        if !t.worst.isEmpty {
            w.element("p", "Longest frame intervals:")
            w.table(header: ["frame", "phase", "interval (ms)"],
                    rows: t.worst.map { [String($0.frameIndex), $0.phaseName, NumberFormat.significant($0.intervalMs, digits: 4)] })
        }
    }

    private func fixation(_ w: inout HTMLWriter) {
        guard let f = analysis.fixation else { return }
        w.element("h3", "Fixation task")
        w.table(header: ["hits", "misses", "false alarms", "correct rejections", "hit rate (%)"],
                rows: [[String(f.hits), String(f.misses), String(f.falseAlarms), String(f.correctRejections),
                        ReportText.number(f.hitRate.map { $0 * 100 })]])
    }

    private func nulling(_ w: inout HTMLWriter) {
        guard let n = analysis.nulling else { return }
        w.element("h3", "Nulling")
        let label = { (c: Double?) in NullingSummary.label(c, key: n.conditionKey) }
        w.table(header: ["condition", "stage", "n", ReportText.withUnit("mean", n.unit), "SD", "95% CI"],
                rows: n.cells.map { cell in
                    [label(cell.condition), cell.stage.rawValue, String(cell.values.count), ReportText.number(cell.summary?.mean),
                     ReportText.number(cell.summary?.standardDeviation),
                     cell.summary?.interval.map { "[\(NumberFormat.significant($0.lower)), \(NumberFormat.significant($0.upper))]" } ?? "–"]
                })
        let conditions = Array(Set(n.cells.compactMap(\.condition))).sorted()
        if !conditions.isEmpty {
            let series = AdaptationStage.allCases.enumerated().compactMap { index, stage -> PlotSeries? in
                let points = n.cells.filter { $0.stage == stage && $0.condition != nil }.compactMap { cell in
                    cell.summary.map { PlotPoint(x: cell.condition!, y: $0.mean, lower: $0.interval?.lower, upper: $0.interval?.upper) }
                }
                return points.isEmpty ? nil : PlotSeries(name: stage.rawValue, mark: .errorBars, points: points, colorIndex: index)
            }
            var plot = SVGPlot(title: "Nulling settings, mean with 95% CI", xLabel: "test condition (\(n.conditionKey))",
                               yLabel: ReportText.withUnit("nulling setting", n.unit), series: series)
            plot.referenceLines = [0]
            w.figure(plot)
        }
        var contrasts: [[String]] = n.shifts.map { [$0.label, ReportText.estimate($0.estimate)] }
        if let effect = n.contingentEffect { contrasts.append(["contingent effect: " + effect.label, ReportText.estimate(effect.estimate)]) }
        contrasts += n.controlCorrected.map { ["control-corrected: " + $0.label, ReportText.estimate($0.estimate)] }
        if !contrasts.isEmpty {
            w.table(header: ["comparison", ReportText.withUnit("estimate [95% CI, Welch]", n.unit)], rows: contrasts)
        }
        var trajectories: [PlotSeries] = []
        for (index, cell) in n.cells.enumerated() {
            for (number, steps) in cell.trajectories.enumerated() where !steps.isEmpty {
                trajectories.append(PlotSeries(name: number == 0 ? "\(label(cell.condition)), \(cell.stage.rawValue)" : "",
                                               mark: .line, points: steps.map { PlotPoint(x: $0.tS, y: $0.value) },
                                               colorIndex: index, dashed: cell.stage == .before))
            }
        }
        if !trajectories.isEmpty {
            w.figure(SVGPlot(title: "Adjustment trajectories", xLabel: "time since test onset (s)",
                             yLabel: ReportText.withUnit("setting", n.unit), series: trajectories))
        }
    }

    private func forcedChoice(_ w: inout HTMLWriter) {
        guard let fc = analysis.forcedChoice else { return }
        w.element("h3", "Forced choice: psychometric functions (maximum likelihood)")
        w.element("p", "Intervals are 95% profile-likelihood intervals; ∞ marks a side the data do not bound. Threshold: the level where the core function reaches ½ (logistic, cumulative normal) or 1 − 1/e (Weibull).", class: "note")
        for block in fc.blocks {
            w.element("p", "\(block.label): guess rate \(NumberFormat.short(block.guessRate)), \(block.points.reduce(0) { $0 + $1.trials }) trials")
            w.table(header: ["function", ReportText.withUnit("threshold [95% CI]", block.unit), "slope [95% CI]", "lapse rate", "log-likelihood"],
                    rows: block.fits.map {
                        [$0.function.shape.displayName, ReportText.estimate($0.threshold), ReportText.estimate($0.slope),
                         NumberFormat.significant($0.function.lapseRate, digits: 2), NumberFormat.significant($0.logLikelihood, digits: 5)]
                    })
            for shape in block.unfitted {
                w.element("p", "\(shape.displayName) not fitted: it needs at least two distinct stimulus levels" +
                          (shape == .weibull ? " above zero (a Weibull is defined for positive levels, e.g. linear contrast)." : "."), class: "note")
            }
            let levels = block.points.map(\.level)
            guard let low = levels.min(), let high = levels.max() else { continue }
            var series = [PlotSeries(name: "proportion correct", mark: .scatter,
                                     points: block.points.map { PlotPoint(x: $0.level, y: $0.proportion) }, colorIndex: 6)]
            for (index, fit) in block.fits.enumerated() {
                let xs = (0...80).map { low + (high - low) * Double($0) / 80 }
                series.append(PlotSeries(name: fit.function.shape.displayName, mark: .line,
                                         points: xs.map { PlotPoint(x: $0, y: fit.function.probability(at: $0)) }, colorIndex: index))
            }
            w.figure(SVGPlot(title: "Psychometric functions · \(block.label)", xLabel: ReportText.withUnit("stimulus level", block.unit),
                             yLabel: "proportion correct (0–1)", series: series))
        }
    }

    private func staircases(_ w: inout HTMLWriter) {
        guard let sc = analysis.staircases else { return }
        w.element("h3", "Staircases")
        w.table(header: ["track", "trials", "reversals", "threshold (mean of last reversals)", "reversals used"],
                rows: sc.tracks.map {
                    [$0.label, String($0.levels.count), String($0.analysis.reversalIndices.count),
                     ReportText.number($0.analysis.threshold, digits: 4) + ($0.unit.isEmpty ? "" : " \($0.unit)"),
                     "\($0.analysis.reversalsUsed) of \($0.analysis.reversalsRequested)"]
                })
        for track in sc.tracks {
            var plot = SVGPlot(title: "Staircase · \(track.label)", xLabel: "trial (number)",
                               yLabel: ReportText.withUnit("level", track.unit), series: [
                PlotSeries(name: "level", mark: .lineAndDots,
                           points: track.levels.enumerated().map { PlotPoint(x: Double($0 + 1), y: $1) }),
                PlotSeries(name: "reversal", mark: .scatter,
                           points: track.analysis.reversalIndices.map { PlotPoint(x: Double($0 + 1), y: track.levels[$0]) }, colorIndex: 1),
            ])
            if let threshold = track.analysis.threshold { plot.referenceLines = [threshold] }
            w.figure(plot)
        }
    }
}
