/// Collects diagnostics for one file while it is read, so that reading goes on past the first
/// problem and every problem is reported together.
final class DiagnosticSink {
    let file: String
    private(set) var diagnostics: [ProtocolDiagnostic] = []
    /// Where every field read so far was written.
    private(set) var sourceMap: SourceMap

    init(file: String) {
        self.file = file
        self.sourceMap = SourceMap(file: file)
    }

    func record(path: String, line: Int?, column: Int?) {
        guard let line, let column, sourceMap.locations[path] == nil else { return }
        sourceMap.locations[path] = SourceMap.Location(line: line, column: column)
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func report(_ severity: ProtocolDiagnostic.Severity, line: Int?, column: Int?, path: String,
                _ message: String, choices: [String] = []) {
        diagnostics.append(ProtocolDiagnostic(severity: severity, file: file, line: line, column: column,
                                              fieldPath: path, message: message, validChoices: choices))
    }
}
