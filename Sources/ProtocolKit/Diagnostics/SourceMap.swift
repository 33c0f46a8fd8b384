/// Where each field of a parsed protocol was written, so that checks made after parsing (stimulus
/// references, frame quantisation) can still point at a line and column.
public struct SourceMap: Sendable, Equatable {
    public struct Location: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

    public var file: String
    /// Field path (as in `ProtocolDiagnostic.fieldPath`) → where its value starts.
    public var locations: [String: Location]

    public init(file: String, locations: [String: Location] = [:]) {
        self.file = file
        self.locations = locations
    }

    /// A diagnostic at `path`, located at the nearest recorded enclosing field.
    func diagnostic(_ severity: ProtocolDiagnostic.Severity, path: String, _ message: String,
                    choices: [String] = []) -> ProtocolDiagnostic {
        var probe = path
        var location = locations[probe]
        while location == nil, let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) {
            probe = String(probe[..<cut])
            location = locations[probe]
        }
        return ProtocolDiagnostic(severity: severity, file: file, line: location?.line, column: location?.column,
                                  fieldPath: path, message: message, validChoices: choices)
    }
}
