import Foundation

/// Builds HTML text; every piece of data goes through `text` or `cell` and is escaped.
struct HTMLWriter {
    private(set) var html = ""

    mutating func raw(_ markup: String) { html += markup }

    /// The document's start up to and including `<body><header>`: the report's inline style sheet,
    /// `title` (escaped) as the page title and the `<h1>`, and `note` as its first line.
    mutating func documentStart(title: String, heading: String, note: String) {
        raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        element("title", title)
        raw("<style>\(ReportStyle.css)</style></head><body><header>")
        element("h1", heading)
        element("p", note, class: "note")
    }

    /// Escaped text.
    mutating func text(_ string: String) { html += escapeHTML(string) }

    /// `<tag>escaped text</tag>`, with an optional class.
    mutating func element(_ tag: String, _ string: String, class className: String? = nil) {
        html += "<\(tag)\(className.map { " class=\"\($0)\"" } ?? "")>" + escapeHTML(string) + "</\(tag)>"
    }

    /// A table with a header row; every cell is escaped text.
    mutating func table(header: [String], rows: [[String]], class className: String? = nil) {
        html += "<table\(className.map { " class=\"\($0)\"" } ?? "")><thead><tr>"
        for h in header { html += "<th>" + escapeHTML(h) + "</th>" }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr>"
            for cell in row { html += "<td>" + escapeHTML(cell) + "</td>" }
            html += "</tr>"
        }
        html += "</tbody></table>"
    }

    /// A two-column key/value table.
    mutating func facts(_ pairs: [(String, String)]) {
        html += "<table class=\"facts\"><tbody>"
        for (key, value) in pairs { html += "<tr><th>" + escapeHTML(key) + "</th><td>" + escapeHTML(value) + "</td></tr>" }
        html += "</tbody></table>"
    }

    /// A figure holding an SVG plot.
    mutating func figure(_ plot: SVGPlot) {
        html += "<figure>" + plot.render() + "</figure>"
    }
}

/// Text for estimates and numbers in report tables.
enum ReportText {
    /// "1.23 [0.98, 1.49]".
    static func estimate(_ e: Estimate, digits: Int = 3) -> String {
        "\(NumberFormat.significant(e.value, digits: digits)) [\(NumberFormat.significant(e.lower, digits: digits)), \(NumberFormat.significant(e.upper, digits: digits))]"
    }

    static func number(_ value: Double?, digits: Int = 3) -> String {
        value.map { NumberFormat.significant($0, digits: digits) } ?? "–"
    }

    static func integer(_ value: Int?) -> String { value.map(String.init) ?? "–" }

    /// ISO 8601 date-time in UTC.
    static func date(_ date: Date?) -> String {
        guard let date else { return "–" }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// "setting (unit)" or just "setting" without a unit.
    static func withUnit(_ quantity: String, _ unit: String) -> String {
        unit.isEmpty ? quantity : "\(quantity) (\(unit))"
    }
}
