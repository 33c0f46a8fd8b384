import Foundation
import GRDB

/// Streams one table to a file in CSV, TSV or JSON, formatting each value by its column's type:
/// integers and numbers as plain decimals (non-finite numbers as `Inf`/`-Inf`, `null` in JSON),
/// booleans as `true`/`false`, missing values as an empty field (`null` in JSON).
struct TableWriter {
    let format: ExportFormat
    let columns: [TidyColumn]
    private let handle: FileHandle
    private var buffer = String()
    private var rowCount = 0

    init(url: URL, format: ExportFormat, columns: [TidyColumn]) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        self.format = format
        self.columns = columns
        buffer.reserveCapacity(1 << 20)
        if let delimiter = format.delimiter {
            buffer += columns.map { Self.delimitedField($0.name, delimiter: delimiter) }.joined(separator: String(delimiter))
            buffer += "\n"
        } else {
            buffer += "["
        }
    }

    mutating func write(_ row: Row) throws {
        if let delimiter = format.delimiter {
            for (index, column) in columns.enumerated() {
                if index > 0 { buffer.append(delimiter) }
                if let text = Self.text(row[index] as DatabaseValue, type: column.type) {
                    buffer += Self.delimitedField(text, delimiter: delimiter)
                }
            }
            buffer += "\n"
        } else {
            buffer += rowCount == 0 ? "\n{" : ",\n{"
            for (index, column) in columns.enumerated() {
                if index > 0 { buffer += "," }
                buffer += Self.jsonString(column.name) + ":" + Self.jsonValue(row[index] as DatabaseValue, type: column.type)
            }
            buffer += "}"
        }
        rowCount += 1
        if buffer.utf8.count >= 1 << 20 { try drain() }
    }

    /// Ends the table and closes the file; returns the number of rows written.
    mutating func finish() throws -> Int {
        if format == .json { buffer += rowCount == 0 ? "]\n" : "\n]\n" }
        try drain()
        try handle.synchronize()
        try handle.close()
        return rowCount
    }

    private mutating func drain() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: - Formatting

    /// The value as text, nil when missing.
    static func text(_ value: DatabaseValue, type: TidyColumnType) -> String? {
        switch value.storage {
        case .null:
            return nil
        case let .int64(integer):
            if type == .boolean { return integer != 0 ? "true" : "false" }
            return String(integer)
        case let .double(double):
            if type == .boolean { return double != 0 ? "true" : "false" }
            return number(double)
        case let .string(string):
            return string
        case let .blob(data):
            return data.base64EncodedString()
        }
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Inf" : "-Inf" }
        return "\(value)"
    }

    /// RFC 4180 quoting: fields holding the delimiter, a quote or a line break are quoted, with
    /// quotes doubled.
    static func delimitedField(_ text: String, delimiter: Character) -> String {
        guard text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func jsonValue(_ value: DatabaseValue, type: TidyColumnType) -> String {
        guard let text = text(value, type: type) else { return "null" }
        switch type {
        case .integer, .number:
            if case let .double(double) = value.storage, !double.isFinite { return "null" }
            if case .string = value.storage { return jsonString(text) }
            return text
        case .boolean:
            if case .string = value.storage { return jsonString(text) }
            return text
        case .string, .datetime:
            return jsonString(text)
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
