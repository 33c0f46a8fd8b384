import Foundation

/// The self-contained HTML report: inline CSS and SVG, no scripts, no network.
public enum HTMLReport {
    /// Renders the report for `sessions` (any order): a group section when more than one
    /// participant is present, one section per participant with adaptation data across sessions,
    /// then one section per session. `progress` is called with the number of sessions done.
    public static func render(
        sessions: [SessionData], options: ReportOptions = ReportOptions(), generatedAt: Date = Date(),
        softwareVersion: String, progress: (Int) -> Void = { _ in }
    ) -> String {
        let ordered = sessions.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        var analyses: [SessionAnalysis] = []
        for (index, session) in ordered.enumerated() {
            analyses.append(SessionAnalysis(session: session, options: options))
            progress(index + 1)
        }
        return render(analyses: analyses, options: options, generatedAt: generatedAt, softwareVersion: softwareVersion)
    }

    /// Renders the report from sessions already analysed (their frames are no longer needed).
    public static func render(
        analyses unordered: [SessionAnalysis], options: ReportOptions = ReportOptions(), generatedAt: Date = Date(),
        softwareVersion: String
    ) -> String {
        let analyses = unordered.sorted { ($0.session.startedAt, $0.session.id) < ($1.session.startedAt, $1.session.id) }
        let ordered = analyses.map(\.session)
        var codes: [String] = []
        for s in ordered where !codes.contains(s.participantCode) { codes.append(s.participantCode) }
        let decays = codes.map { code in
            ParticipantDecay(participantCode: code, sessions: ordered.filter { $0.participantCode == code }, options: options)
        }

        var w = HTMLWriter()
        w.documentStart(title: "stimgen report: \(ordered.count) session(s)", heading: "stimgen report",
                        note: "\(ordered.count) session(s), \(codes.count) participant(s). Generated \(ReportText.date(generatedAt)) by stimgen \(softwareVersion).")
        w.raw("<nav><ul>")
        if codes.count > 1 { w.raw("<li><a href=\"#group\">Group</a></li>") }
        for decay in decays where !decay.points.isEmpty {
            w.raw("<li><a href=\"#\(ParticipantSection(decay: decay).anchor)\">")
            w.text("Participant \(decay.participantCode)")
            w.raw("</a></li>")
        }
        for analysis in analyses {
            w.raw("<li><a href=\"#\(SessionSection(analysis: analysis).anchor)\">")
            w.text("Session \(analysis.session.id) · \(analysis.session.participantCode)")
            w.raw("</a></li>")
        }
        w.raw("</ul></nav></header><main>")
        if codes.count > 1 { GroupSection(group: GroupSummary(participants: decays)).render(into: &w) }
        for decay in decays where !decay.points.isEmpty { ParticipantSection(decay: decay).render(into: &w) }
        for analysis in analyses { SessionSection(analysis: analysis).render(into: &w) }
        if ordered.isEmpty { w.element("p", "No sessions matched the selection.") }
        w.raw("</main></body></html>\n")
        return w.html
    }
}
