import Foundation
import Yams

/// A YAML node with its field path and a sink for diagnostics: every typed read either yields a
/// value or reports, at the node's own line and column, what was expected instead.
struct YAMLValue {
    let node: Node
    let path: String
    let sink: DiagnosticSink

    var line: Int? { node.mark?.line }
    var column: Int? { node.mark?.column }

    func error(_ message: String, choices: [String] = []) {
        sink.report(.error, line: line, column: column, path: path, message, choices: choices)
    }

    func warning(_ message: String, choices: [String] = []) {
        sink.report(.warning, line: line, column: column, path: path, message, choices: choices)
    }

    /// A short rendering of the node for messages: the scalar text, or its kind.
    var shown: String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private var plainScalar: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    func string() -> String? {
        guard let text = plainScalar else { error("expected text, found \(shown)"); return nil }
        return text
    }

    /// Text that must not be empty or blank.
    func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            error("must not be empty"); return nil
        }
        return text
    }

    /// A finite number, optionally inside `range` (the unit is part of the field's name).
    func double(in range: ClosedRange<Double>? = nil) -> Double? {
        guard let text = plainScalar, case .scalar(let scalar) = node, scalar.style == .plain,
              let value = Double(text), value.isFinite else {
            error("expected a number, found \(shown)"); return nil
        }
        if let range, !range.contains(value) {
            error("\(formatNumber(value)) is outside \(formatNumber(range.lowerBound))...\(formatNumber(range.upperBound))")
            return nil
        }
        return value
    }

    /// A whole number, optionally inside `range`.
    func int(in range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = plainScalar, case .scalar(let scalar) = node, scalar.style == .plain,
              let value = Int(text) else {
            error("expected a whole number, found \(shown)"); return nil
        }
        if let range, !range.contains(value) {
            error("\(value) is outside \(range.lowerBound)...\(range.upperBound)"); return nil
        }
        return value
    }

    func bool() -> Bool? {
        guard let text = plainScalar, case .scalar(let scalar) = node, scalar.style == .plain,
              let value = Bool(text) else {
            error("expected true or false, found \(shown)", choices: ["true", "false"]); return nil
        }
        return value
    }

    /// One of a closed set of names.
    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> E? where E.RawValue == String {
        let choices = E.allCases.map(\.rawValue)
        guard let text = plainScalar else { error("expected one of the names below, found \(shown)", choices: choices); return nil }
        guard let value = E(rawValue: text) else {
            var message = "unknown value '\(text)'"
            if let near = closestName(to: text, among: choices) { message += "; did you mean '\(near)'?" }
            error(message, choices: choices)
            return nil
        }
        return value
    }

    /// A duration with its unit, positive unless `allowZero`, at most `maximumSeconds` (s; frames
    /// are checked at 1000 Hz, the fastest display a protocol may name).
    func timeSpan(allowZero: Bool = false, maximumSeconds: Double = TimeSpan.longestPhaseSeconds) -> TimeSpan? {
        guard let text = plainScalar else { error("expected a duration such as '2 s' or '120 frames', found \(shown)"); return nil }
        switch TimeSpan.parse(text) {
        case .failure(let problem):
            error(problem.message, choices: TimeSpan.unitNames)
            return nil
        case .success(let span):
            let isPositive: Bool
            switch span {
            case .seconds(let s): isPositive = s > 0 || (allowZero && s == 0)
            case .frames(let n): isPositive = n > 0 || (allowZero && n == 0)
            }
            guard isPositive else { error("duration \(span) must be \(allowZero ? "zero or more" : "more than zero")"); return nil }
            guard span.seconds(atRefresh: 1000) <= maximumSeconds else {
                error("duration \(span) is longer than the limit of \(formatNumber(maximumSeconds / 3600)) h"); return nil
            }
            return span
        }
    }

    /// The items of a list, each with its indexed path.
    func list() -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else { error("expected a list, found \(shown)"); return nil }
        return sequence.enumerated().map { index, item in
            sink.record(path: "\(path)[\(index)]", line: item.mark?.line, column: item.mark?.column)
            return YAMLValue(node: item, path: "\(path)[\(index)]", sink: sink)
        }
    }

    /// A list of numbers of exactly `count` items, each inside `range`.
    func numbers(count: Int, in range: ClosedRange<Double>) -> [Double]? {
        guard let items = list() else { return nil }
        guard items.count == count else { error("expected \(count) numbers, found \(items.count)"); return nil }
        let values = items.compactMap { $0.double(in: range) }
        return values.count == count ? values : nil
    }

    /// The node as a mapping whose keys must all be among `allowed`; unknown keys are reported.
    func mapping(allowed: [String]) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else { error("expected a mapping of fields, found \(shown)", choices: allowed); return nil }
        return YAMLMapping(mapping: mapping, owner: self, allowed: allowed)
    }
}
