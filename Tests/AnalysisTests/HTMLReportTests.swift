import Foundation
import Testing
@testable import Analysis

/// The HTML report: self-contained, every user string escaped, every plot labelled.
struct HTMLReportTests {
    static let hostile = ["<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "</svg></pre></table>", "R&D 'lab'"]

    func hostileSessions() -> [SessionData] {
        Self.hostile.enumerated().map { index, text in
            var session = SessionFactory.classicSession(id: Int64(index + 1), participant: text)
            session.notes = text
            session.safetyOverrideReason = text
            session.protocolName = text
            session.protocolText = "name: \(text)\n</pre><script>bad()</script>"
            session.safetyAnalysisJSON = #"{"verdict": "\#(text.replacingOccurrences(of: "\"", with: "\\\""))"}"#
            session.phases[0].name = text
            return session
        }
    }

    @Test func hostileStringsAppearOnlyAsEscapedText() {
        let html = HTMLReport.render(sessions: hostileSessions(), softwareVersion: "0.1.0")
        for text in Self.hostile {
            #expect(!html.contains(text), "raw \(text) in the report")
            #expect(html.contains(escapeHTML(text)))
        }
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.components(separatedBy: "<svg").count == html.components(separatedBy: "</svg>").count)
        #expect(html.components(separatedBy: "<pre>").count == html.components(separatedBy: "</pre>").count)
    }

    @Test func reportIsSelfContained() {
        let html = HTMLReport.render(sessions: [SessionFactory.classicSession()], softwareVersion: "0.1.0")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        // The only URL is the SVG namespace.
        let urls = html.components(separatedBy: "http").count - 1
        #expect(urls == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    }

    @Test func everyPlotHasBothAxisLabelsWithUnits() {
        let sessions = [SessionFactory.classicSession()] + [1.0, 2, 4].enumerated().map {
            SessionFactory.retest(id: Int64($0 + 2), participant: "P01", days: $1, difference: 8 / $1)
        } + [SessionFactory.classicSession(id: 7, participant: "P02")]
        let html = HTMLReport.render(sessions: sessions, softwareVersion: "0.1.0")
        let plots = html.components(separatedBy: "<svg").dropFirst()
        #expect(plots.count >= 8)
        for plot in plots {
            let labels = plot.components(separatedBy: "class=\"axis-label\">").dropFirst().map { $0.prefix { $0 != "<" } }
            #expect(labels.count == 2)
            #expect(labels.allSatisfy { $0.contains("(") && $0.contains(")") }, "axis label without a unit: \(labels)")
        }
        #expect(html.contains("id=\"group\""))
        #expect(html.contains("Decay of the contingent effect"))
        #expect(html.contains("Preferred by AIC"))
    }

    @Test func progressIsReportedPerSession() {
        let counter = Counter()
        _ = HTMLReport.render(sessions: [SessionFactory.classicSession(id: 1), SessionFactory.classicSession(id: 2)],
                              softwareVersion: "0.1.0", progress: { counter.values.append($0) })
        #expect(counter.values == [1, 2])
    }

    @Test func emptySelectionSaysSo() {
        #expect(HTMLReport.render(sessions: [], softwareVersion: "0.1.0").contains("No sessions matched the selection."))
    }
}

private final class Counter: @unchecked Sendable {
    var values: [Int] = []
}
