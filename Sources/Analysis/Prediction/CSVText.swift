import Foundation

/// Text for the tidy CSV files stimgen writes.
enum CSVText {
    /// A field, quoted when it holds a comma, quote or newline (RFC 4180).
    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// A number with six significant digits; an undefined value is an empty field.
    static func number(_ v: Double?) -> String { v.map { String(format: "%.6g", $0) } ?? "" }
}
