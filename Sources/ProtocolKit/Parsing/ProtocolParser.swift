import Foundation
import Yams

/// Reads protocol YAML into a `ProtocolSpec`, reporting every problem with file, line, column,
/// field path and the valid choices. Structural checks (types, units, ranges, unknown keys) happen
/// here; cross-references (stimulus names, unique phase names) in `ProtocolValidator`.
public enum ProtocolParser {
    static let topLevelKeys = ["name", "title", "description", "authors", "citations", "viewing", "seed",
                               "background_linear_rgb", "stimuli", "phases", "retest_after", "safety_override"]

    /// What parsing yields: the spec (nil when there are errors), every diagnostic found, and where
    /// each field was written.
    public struct Result: Sendable {
        public var spec: ProtocolSpec?
        public var diagnostics: [ProtocolDiagnostic]
        public var sourceMap: SourceMap
    }

    /// Parses protocol text. `file` is only used to name the source in diagnostics.
    public static func parse(yaml text: String, file: String) -> Result {
        let sink = DiagnosticSink(file: file)
        let (spec, diagnostics) = parse(yaml: text, sink: sink)
        return Result(spec: spec, diagnostics: diagnostics, sourceMap: sink.sourceMap)
    }

    private static func parse(yaml text: String, sink: DiagnosticSink) -> (ProtocolSpec?, [ProtocolDiagnostic]) {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                sink.report(.error, line: nil, column: nil, path: "", "the file is empty")
                return (nil, sink.diagnostics)
            }
            root = composed
        } catch let error as YamlError {
            reportSyntax(error, to: sink)
            return (nil, sink.diagnostics)
        } catch {
            sink.report(.error, line: nil, column: nil, path: "", "not readable as YAML: \(error)")
            return (nil, sink.diagnostics)
        }
        let spec = readProtocol(YAMLValue(node: root, path: "", sink: sink))
        return (sink.hasErrors ? nil : spec, sink.diagnostics)
    }

    /// Reads and parses a protocol file.
    public static func load(file url: URL) -> Result {
        func failure(_ message: String) -> Result {
            Result(spec: nil, diagnostics: [ProtocolDiagnostic(severity: .error, file: url.path, line: nil, column: nil,
                                                               fieldPath: "", message: message)],
                   sourceMap: SourceMap(file: url.path))
        }
        guard let data = try? Data(contentsOf: url) else { return failure("cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { return failure("the file is not UTF-8 text") }
        return parse(yaml: text, file: url.path)
    }

    private static func reportSyntax(_ error: YamlError, to sink: DiagnosticSink) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text): " } ?? ""
            sink.report(.error, line: mark.line, column: mark.column, path: "", "YAML syntax: \(prefix)\(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            sink.report(.error, line: context.mark.line, column: context.mark.column, path: "",
                        "the key(s) \(duplicates.joined(separator: ", ")) appear more than once in one mapping")
        case let .reader(problem, _, _, _):
            sink.report(.error, line: nil, column: nil, path: "", "YAML reader: \(problem)")
        default:
            sink.report(.error, line: nil, column: nil, path: "", "not readable as YAML: \(error)")
        }
    }

    private static func readProtocol(_ root: YAMLValue) -> ProtocolSpec? {
        guard let map = root.mapping(allowed: topLevelKeys) else { return nil }
        let name = map.required("name").flatMap(readIdentifier)
        let title = map.required("title")?.nonEmptyString()
        let description = map.required("description")?.nonEmptyString()
        let authors = map.value("authors", default: [], readStrings)
        let citations = map.required("citations").flatMap(readStrings)
        let viewing = map.required("viewing").flatMap(readViewing)
        let seed = map.required("seed").flatMap(readSeed)
        let background = map.value("background_linear_rgb", default: [0.5, 0.5, 0.5]) { $0.numbers(count: 3, in: 0...1) }
        let stimuli = map.value("stimuli", default: [:], readInlineStimuli)
        let phases = map.required("phases").flatMap { value -> [PhaseSpec]? in
            guard let items = value.list() else { return nil }
            if items.isEmpty { value.error("a protocol needs at least one phase") }
            let phases = items.compactMap(PhaseParser.readPhase)
            return phases.count == items.count ? phases : nil
        }
        let retest = map.optional("retest_after").flatMap { value in value.list()?.compactMap { $0.timeSpan(maximumSeconds: TimeSpan.latestRetestSeconds) } } ?? []
        let override = map.optionalValue("safety_override", readOverride)
        guard let name, let title, let description, let citations, let viewing, let seed,
              let authors, let stimuli, let background, let phases, let override else { return nil }
        return ProtocolSpec(name: name, title: title, description: description, authors: authors,
                            citations: citations, viewing: viewing, seed: seed, backgroundLinearRGB: background,
                            inlineStimuli: stimuli, phases: phases, retestAfter: retest, safetyOverride: override)
    }

    /// A name made of letters, digits, `-` and `_`, starting with a letter.
    static func readIdentifier(_ value: YAMLValue) -> String? {
        guard let text = value.nonEmptyString() else { return nil }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_"))
        guard text.first?.isLetter == true, text.unicodeScalars.allSatisfy(allowed.contains) else {
            value.error("'\(text)' is not a name: use letters, digits, '-' and '_', starting with a letter")
            return nil
        }
        return text
    }

    /// A list of non-empty texts; nil when any item is not one (each is reported).
    static func readStrings(_ value: YAMLValue) -> [String]? {
        guard let items = value.list() else { return nil }
        let texts = items.compactMap { $0.nonEmptyString() }
        return texts.count == items.count ? texts : nil
    }

    private static func readSeed(_ value: YAMLValue) -> UInt64? {
        guard case .scalar(let scalar) = value.node, scalar.style == .plain, let seed = UInt64(scalar.string) else {
            value.error("expected a whole number ≥ 0 as the random seed, found \(value.shown)")
            return nil
        }
        return seed
    }

    private static func readViewing(_ value: YAMLValue) -> ViewingConditions? {
        guard let map = value.mapping(allowed: ["distance_cm", "refresh_hz", "refresh_tolerance_hz", "monitor",
                                                "minimum_white_luminance_cd_m2"]) else { return nil }
        let distance = map.required("distance_cm")?.double(in: 10...1000)
        let refresh = map.required("refresh_hz")?.double(in: 20...1000)
        let tolerance = map.value("refresh_tolerance_hz", default: 1) { $0.double(in: 0...50) }
        let monitor = map.value("monitor", default: "standard_srgb") { $0.nonEmptyString() }
        let minimumWhite = map.optionalValue("minimum_white_luminance_cd_m2") { $0.double(in: 0...10_000) }
        guard let distance, let refresh, let tolerance, let monitor, let minimumWhite else { return nil }
        return ViewingConditions(distanceCm: distance, refreshHz: refresh, refreshToleranceHz: tolerance,
                                 monitor: monitor, minimumWhiteLuminanceCdM2: minimumWhite)
    }

    /// Inline stimulus definitions: a mapping of name → stimulus fields, kept as YAML text for
    /// StimulusKit to parse.
    private static func readInlineStimuli(_ value: YAMLValue) -> [String: String]? {
        guard case .mapping(let mapping) = value.node else {
            value.error("expected a mapping of stimulus name → definition, found \(value.shown)")
            return nil
        }
        var stimuli: [String: String] = [:]
        for (keyNode, definition) in mapping {
            let key = YAMLValue(node: keyNode, path: value.path, sink: value.sink)
            guard let name = readIdentifier(key) else { continue }
            let item = YAMLValue(node: definition, path: "\(value.path).\(name)", sink: value.sink)
            guard case .mapping = definition else { item.error("expected the stimulus's fields, found \(item.shown)"); continue }
            guard let text = try? Yams.serialize(node: definition) else { item.error("cannot be written back as YAML"); continue }
            stimuli[name] = text
        }
        return stimuli
    }

    private static func readOverride(_ value: YAMLValue) -> SafetyOverride? {
        guard let map = value.mapping(allowed: ["reason", "approved_by"]) else { return nil }
        let reason = map.required("reason")?.nonEmptyString()
        let approvedBy = map.required("approved_by")?.nonEmptyString()
        guard let reason, let approvedBy else { return nil }
        return SafetyOverride(reason: reason, approvedBy: approvedBy)
    }
}
