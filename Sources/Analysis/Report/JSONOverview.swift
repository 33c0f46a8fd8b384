import Foundation

/// The top-level fields of a JSON object recorded as text (monitor profile, safety analysis),
/// for display: scalars as they are, nested values as compact JSON.
public struct JSONOverview: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: String
    }

    public var fields: [Field]
    /// The raw text, when it is not a JSON object.
    public var unparsed: String?

    public init(_ text: String) {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)) else {
            fields = []
            unparsed = text
            return
        }
        unparsed = nil
        fields = object.keys.sorted().map { Field(key: $0, value: object[$0]!.description) }
    }

    /// The value of `key`, if present.
    public func value(_ key: String) -> String? { fields.first { $0.key == key }?.value }
}

/// Any JSON value.
enum JSONValue: Codable, Sendable, CustomStringConvertible {
    case string(String), number(Double), bool(Bool), null
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let n = try? container.decode(Double.self) { self = .number(n) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .number(let n): try container.encode(n)
        case .bool(let b): try container.encode(b)
        case .null: try container.encodeNil()
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// Scalars as plain text; arrays and objects as compact JSON with sorted keys.
    var description: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return NumberFormat.short(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array, .object:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
