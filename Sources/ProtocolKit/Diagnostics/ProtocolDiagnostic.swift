/// One problem found in a protocol file, located so that a researcher can go straight to it.
///
/// `line` and `column` are 1-based (as editors count them); `fieldPath` is the dotted path from
/// the document root, with sequence indices in brackets, e.g. `phases[2].sequence[0].duration`.
public struct ProtocolDiagnostic: Codable, Sendable, Equatable, CustomStringConvertible {
    /// An error makes the protocol unusable; a warning is reported and recorded, and the protocol runs.
    public enum Severity: String, Codable, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// The file as it was named to the loader.
    public var file: String
    /// 1-based line, or nil when the problem concerns the protocol as a whole.
    public var line: Int?
    /// 1-based column (in Unicode scalars), or nil with `line`.
    public var column: Int?
    /// Dotted field path, e.g. `phases[1].fixation.interval`; empty for the whole document.
    public var fieldPath: String
    public var message: String
    /// The values that would have been accepted, when there is a closed set of them.
    public var validChoices: [String]

    public init(severity: Severity, file: String, line: Int?, column: Int?, fieldPath: String,
                message: String, validChoices: [String] = []) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.fieldPath = fieldPath
        self.message = message
        self.validChoices = validChoices
    }

    /// `file:line:column: error: path: message (valid: a, b, c)`, the form compilers use.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = "\(location): \(severity.rawValue): "
        if !fieldPath.isEmpty { text += "\(fieldPath): " }
        text += message
        if !validChoices.isEmpty { text += " (valid: \(validChoices.joined(separator: ", ")))" }
        return text
    }
}

/// Thrown when a protocol cannot be used; carries every problem found, not just the first.
public struct ProtocolError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ProtocolDiagnostic]

    public init(_ diagnostics: [ProtocolDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
