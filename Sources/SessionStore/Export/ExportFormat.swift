/// File format of a tidy export.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Comma-separated values (RFC 4180 quoting), header row, UTF-8.
    case csv
    /// Tab-separated values, quoted like CSV where a field holds a tab, quote or line break.
    case tsv
    /// One JSON array of row objects per table.
    case json

    var fileExtension: String { rawValue }

    var mediaType: String {
        switch self {
        case .csv: return "text/csv"
        case .tsv: return "text/tab-separated-values"
        case .json: return "application/json"
        }
    }

    /// Field separator of the delimited formats.
    var delimiter: Character? {
        switch self {
        case .csv: return ","
        case .tsv: return "\t"
        case .json: return nil
        }
    }
}
