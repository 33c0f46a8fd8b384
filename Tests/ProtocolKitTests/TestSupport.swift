import Foundation
@testable import ProtocolKit

/// The repository root, found from this file's location (Tests/ProtocolKitTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A small valid protocol; `phases` is the YAML of the phase list (indented by two spaces).
func protocolText(phases: String, extra: String = "") -> String {
    """
    name: test-protocol
    title: A protocol for tests
    description: Used by the tests.
    citations: ["none"]
    viewing:
      distance_cm: 57
      refresh_hz: 60
    seed: 42
    \(extra)
    phases:
    \(phases)
    """
}

let adaptationPhase = """
  - kind: adaptation
    name: adapt
    sequence:
      - {stimulus: red_h, duration: 10 s}
      - {stimulus: green_v, duration: 10 s}
    total_duration: 1 min
"""

/// Parses and fails the test with every diagnostic when the text does not parse.
func parseValid(_ text: String) throws -> (ProtocolSpec, SourceMap) {
    let result = ProtocolParser.parse(yaml: text, file: "test.yaml")
    guard let spec = result.spec else { throw ParseFailure(diagnostics: result.diagnostics) }
    return (spec, result.sourceMap)
}

struct ParseFailure: Error, CustomStringConvertible {
    let diagnostics: [ProtocolDiagnostic]
    var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Errors only.
func errors(_ text: String) -> [ProtocolDiagnostic] {
    ProtocolParser.parse(yaml: text, file: "test.yaml").diagnostics.filter { $0.severity == .error }
}
