import Testing
@testable import ProtocolKit

/// Malformed protocol files and the located errors they must yield. Each expected line and column
/// is where the offending text sits in the file (1-based; the token's index in its line).
@Suite struct MalformedCorpusTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let text: String
        let line: Int?
        let column: Int?
        let path: String
        let messageContains: String
        let choicesContain: [String]
        var description: String { name }
    }

    static let header = """
    name: bad
    title: Bad
    description: Broken on purpose.
    citations: [none]
    viewing: {distance_cm: 57, refresh_hz: 60}
    seed: 1
    phases:

    """  // the first phase starts on line 8

    static let cases: [Case] = [
        Case(name: "unknown top-level key", text: header.replacingOccurrences(of: "seed: 1", with: "sed: 1") + "  - {kind: break, name: b}\n",
             line: 6, column: 1, path: "sed", messageContains: "did you mean 'seed'", choicesContain: ["seed", "phases"]),
        Case(name: "unknown phase kind", text: header + "  - {kind: adaption, name: a}\n",
             line: 8, column: 12, path: "phases[0].kind", messageContains: "did you mean 'adaptation'",
             choicesContain: ["adaptation", "flicker_photometry", "break"]),
        Case(name: "typo in a phase field", text: header + "  - kind: break\n    name: b\n    durration: 2 s\n",
             line: 10, column: 5, path: "phases[0].durration", messageContains: "unknown field 'durration'",
             choicesContain: ["duration", "text"]),
        Case(name: "duration without unit", text: header + "  - {kind: break, name: b, duration: 30}\n",
             line: 8, column: 38, path: "phases[0].duration", messageContains: "no unit", choicesContain: ["s", "frames"]),
        Case(name: "fractional frames", text: header + "  - {kind: break, name: b, duration: 2.5 frames}\n",
             line: 8, column: 38, path: "phases[0].duration", messageContains: "whole number of frames", choicesContain: []),
        Case(name: "missing sequence", text: header + "  - kind: adaptation\n    name: a\n    total_duration: 1 min\n",
             line: 9, column: 5, path: "phases[0].sequence", messageContains: "missing required field 'sequence'", choicesContain: []),
        Case(name: "both total and repetitions",
             text: header + "  - kind: adaptation\n    name: a\n    sequence: [{stimulus: x, duration: 1 s}]\n    total_duration: 1 min\n    repetitions: 4\n",
             line: 12, column: 18, path: "phases[0].repetitions", messageContains: "not both", choicesContain: []),
        Case(name: "unknown nulling axis",
             text: header + "  - kind: test\n    name: t\n    conditions: [{label: h, stimulus: x}]\n    response: {method: nulling, axis: dkl_rg, coarse_step: 0.01, fine_step: 0.001, min: -0.05, max: 0.05, start_spread: 0.02}\n",
             line: 11, column: 39, path: "phases[0].response.axis", messageContains: "unknown value 'dkl_rg'",
             choicesContain: ["dkl_lm", "dkl_s", "dkl_lum"]),
        Case(name: "unknown response method",
             text: header + "  - kind: test\n    name: t\n    conditions: [{label: h, stimulus: x}]\n    response: {method: adjust}\n",
             line: 11, column: 24, path: "phases[0].response.method", messageContains: "unknown value 'adjust'",
             choicesContain: ["nulling", "forced_choice", "staircase", "quest"]),
        Case(name: "colour out of gamut",
             text: header + "  - kind: flicker_photometry\n    name: f\n    field_diameter_deg: 2\n    frequency_hz: 15\n    red_linear_rgb: [1.2, 0, 0]\n    green_linear_rgb: [0, 1, 0]\n    result_name: g\n",
             line: 12, column: 22, path: "phases[0].red_linear_rgb[0]", messageContains: "outside 0...1", choicesContain: []),
        Case(name: "target letter not among letters",
             text: header + "  - kind: adaptation\n    name: a\n    sequence: [{stimulus: x, duration: 1 s}]\n    repetitions: 2\n    fixation: {letters: ABC, interval: 1 s, target: X}\n",
             line: 12, column: 53, path: "phases[0].fixation.target", messageContains: "not among the letters", choicesContain: ["A", "B", "C"]),
        Case(name: "YAML syntax error", text: header + "  - {kind: break, name: b\n",
             line: 9, column: 1, path: "", messageContains: "YAML syntax", choicesContain: []),
        Case(name: "duplicate key", text: header.replacingOccurrences(of: "seed: 1", with: "seed: 1\nseed: 2") + "  - {kind: break, name: b}\n",
             line: nil, column: nil, path: "", messageContains: "more than once", choicesContain: []),
        Case(name: "negative seed", text: header.replacingOccurrences(of: "seed: 1", with: "seed: -3") + "  - {kind: break, name: b}\n",
             line: 6, column: 7, path: "seed", messageContains: "random seed", choicesContain: []),
        Case(name: "refresh out of range", text: header.replacingOccurrences(of: "refresh_hz: 60", with: "refresh_hz: 5") + "  - {kind: break, name: b}\n",
             line: 5, column: 40, path: "viewing.refresh_hz", messageContains: "outside 20...1000", choicesContain: []),
        Case(name: "phase is not a mapping", text: header + "  - adaptation\n",
             line: 8, column: 5, path: "phases[0]", messageContains: "expected a phase", choicesContain: []),
        Case(name: "forced choice sharing a key",
             text: header + "  - kind: test\n    name: t\n    conditions: [{label: h, stimulus: x}]\n    response: {method: forced_choice, choices: [{key: r, label: red}, {key: r, label: green}]}\n",
             line: 11, column: 48, path: "phases[0].response.choices", messageContains: "share a key", choicesContain: []),
    ]

    @Test(arguments: cases) func locatedError(_ testCase: Case) {
        let found = errors(testCase.text)
        let match = found.first { $0.fieldPath == testCase.path && $0.message.contains(testCase.messageContains) }
        #expect(match != nil, "no error at \(testCase.path) containing '\(testCase.messageContains)'; got:\n\(found.map(\.description).joined(separator: "\n"))")
        guard let match else { return }
        #expect(match.line == testCase.line, "line")
        #expect(match.column == testCase.column, "column")
        #expect(match.file == "test.yaml")
        for choice in testCase.choicesContain { #expect(match.validChoices.contains(choice), "choice \(choice)") }
    }

    @Test func everyErrorIsReportedNotJustTheFirst() {
        let text = Self.header + "  - {kind: break, name: b, duration: 30}\n  - {kind: instructions, name: i, txt: hi}\n  - {kind: test, name: 9t}\n"
        let paths = Set(errors(text).map(\.fieldPath))
        #expect(paths.isSuperset(of: ["phases[0].duration", "phases[1].txt", "phases[1].text", "phases[2].name",
                                      "phases[2].conditions", "phases[2].response"]))
    }
}
