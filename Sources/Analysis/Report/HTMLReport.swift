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
        var codes: [String] = []
        for s in ordered where !codes.contains(s.participantCode) { codes.append(s.participantCode) }
        let decays = codes.map { code in
            ParticipantDecay(participantCode: code, sessions: ordered.filter { $0.participantCode == code }, options: options)
        }

        var w = HTMLWriter()
        w.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        w.element("title", "stimgen report: \(ordered.count) session(s)")
        w.raw("<style>\(ReportStyle.css)</style></head><body><header>")
        w.element("h1", "stimgen report")
        w.element("p", "\(ordered.count) session(s), \(codes.count) participant(s). Generated \(ReportText.date(generatedAt)) by stimgen \(softwareVersion).", class: "note")
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
