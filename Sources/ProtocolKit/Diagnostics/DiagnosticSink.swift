/// Collects diagnostics for one file while it is read, so that reading goes on past the first
/// problem and every problem is reported together.
final class DiagnosticSink {
    let file: String
    private(set) var diagnostics: [ProtocolDiagnostic] = []

    init(file: String) { self.file = file }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func report(_ severity: ProtocolDiagnostic.Severity, line: Int?, column: Int?, path: String,
                _ message: String, choices: [String] = []) {
        diagnostics.append(ProtocolDiagnostic(severity: severity, file: file, line: line, column: column,
                                              fieldPath: path, message: message, validChoices: choices))
    }
}
