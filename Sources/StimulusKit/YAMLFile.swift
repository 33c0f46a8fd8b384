import Foundation
import Yams

/// A YAML file that could not be read or decoded: the file, the line and column (1-based) where the
/// problem sits, the field path (e.g. `pattern.colour_a`) and what was wrong, with the valid choices.
public struct YAMLFileError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Dotted path of the field, list indices in brackets (`layers[1].aperture.shape`); empty for the whole file.
    public var fieldPath: String
    public var message: String

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        if !fieldPath.isEmpty { s += ": \(fieldPath)" }
        return s + ": " + message
    }
}

/// Decoding YAML files with errors that point into the file.
enum YAMLFile {
    static func decode<T: Decodable>(_ type: T.Type, from url: URL, userInfo: [CodingUserInfoKey: Any] = [:]) throws -> T {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw YAMLFileError(file: url.path, line: nil, column: nil, fieldPath: "", message: "cannot read file: \(error.localizedDescription)")
        }
        return try decode(type, yaml: text, file: url.path, userInfo: userInfo)
    }

    static func decode<T: Decodable>(_ type: T.Type, yaml text: String, file: String, userInfo: [CodingUserInfoKey: Any] = [:]) throws -> T {
        let node: Node
        do {
            guard let n = try Yams.compose(yaml: text) else {
                throw YAMLFileError(file: file, line: nil, column: nil, fieldPath: "", message: "the file is empty")
            }
            node = n
        } catch let e as YamlError {
            throw syntaxError(e, file: file)
        }
        do {
            return try YAMLDecoder().decode(type, from: node, userInfo: userInfo)
        } catch let e as DecodingError {
            throw locate(e, in: node, file: file)
        }
    }

    private static func syntaxError(_ e: YamlError, file: String) -> YAMLFileError {
        switch e {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return YAMLFileError(file: file, line: mark.line, column: mark.column, fieldPath: "", message: "YAML syntax: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, _):
            return YAMLFileError(file: file, line: nil, column: nil, fieldPath: "", message: "duplicated keys: \(duplicates.joined(separator: ", "))")
        default:
            return YAMLFileError(file: file, line: nil, column: nil, fieldPath: "", message: "YAML: \(e)")
        }
    }

    /// Turns a decoding error into one that names the line, column and field path.
    static func locate(_ e: DecodingError, in root: Node, file: String) -> YAMLFileError {
        let path: [CodingKey], message: String
        switch e {
        case let .keyNotFound(key, ctx):
            path = ctx.codingPath
            message = "missing required key '\(key.stringValue)'"
        case let .typeMismatch(type, ctx):
            path = ctx.codingPath
            message = "expected \(describe(type)): \(ctx.debugDescription)"
        case let .valueNotFound(type, ctx):
            path = ctx.codingPath
            message = "expected \(describe(type)), found nothing"
        case let .dataCorrupted(ctx):
            path = ctx.codingPath
            message = ctx.debugDescription
        @unknown default:
            path = []
            message = "\(e)"
        }
        // An unknown key is pointed at by its key; everything else by its value.
        let pointAtKey = message.hasPrefix("unknown key")
        var node = root
        for (i, key) in path.enumerated() {
            guard let next = child(of: node, key, wantKey: pointAtKey && i == path.count - 1) else { break }
            node = next
        }
        return YAMLFileError(file: file, line: node.mark?.line, column: node.mark?.column,
                             fieldPath: fieldPath(path), message: message)
    }

    private static func child(of node: Node, _ key: CodingKey, wantKey: Bool) -> Node? {
        switch node {
        case let .mapping(m):
            guard let pair = m.first(where: { $0.key.string == key.stringValue }) else { return nil }
            return wantKey ? pair.key : pair.value
        case let .sequence(s):
            guard let i = key.intValue, i < s.count else { return nil }
            return s[i]
        default:
            return nil
        }
    }

    static func fieldPath(_ path: [CodingKey]) -> String {
        var s = ""
        for key in path {
            if let i = key.intValue { s += "[\(i)]" } else { s += s.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return s
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is UInt64.Type: return "an integer"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default: return "\(type)"
        }
    }
}
