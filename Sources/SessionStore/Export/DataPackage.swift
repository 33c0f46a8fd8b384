import Foundation

/// The JSON sidecar of an export, `datapackage.json`, laid out as a Frictionless Data Package
/// (https://specs.frictionlessdata.io/data-package/): one resource per table file, each with a
/// table schema listing every column's name, type, unit and description.
struct DataPackage: Encodable {
    struct Field: Encodable {
        var name: String
        var type: String
        /// Written as `null` when the column has no unit.
        var unit: String?
        var description: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(type, forKey: .type)
            try container.encode(unit, forKey: .unit)
            try container.encode(description, forKey: .description)
        }

        enum CodingKeys: String, CodingKey { case name, type, unit, description }
    }

    struct Schema: Encodable {
        var fields: [Field]
        var missingValues: [String]
    }

    struct Dialect: Encodable {
        var delimiter: String
        var quoteChar = "\""
        var doubleQuote = true
        var header = true
    }

    struct Resource: Encodable {
        var name: String
        var path: String
        var profile: String
        var format: String
        var mediatype: String
        var encoding = "utf-8"
        var description: String
        var rowCount: Int
        var dialect: Dialect?
        var schema: Schema

        enum CodingKeys: String, CodingKey {
            case name, path, profile, format, mediatype, encoding, description
            case rowCount = "row_count", dialect, schema
        }
    }

    var profile: String
    var name = "stimgen-sessions"
    var description: String
    var created: String
    var resources: [Resource]

    init(tables: [(table: TidyTable, file: String, rows: Int)], format: ExportFormat, databaseName: String, created: Date) {
        profile = format == .json ? "data-package" : "tabular-data-package"
        description = "Tidy tables exported by stimgen from the session database \(databaseName). Times ending in _s are seconds on each session's monotonic clock; _utc columns are ISO 8601 UTC."
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        self.created = formatter.string(from: created)
        resources = tables.map { entry in
            Resource(
                name: entry.table.name, path: entry.file,
                profile: format == .json ? "data-resource" : "tabular-data-resource",
                format: format.rawValue, mediatype: format.mediaType, description: entry.table.description,
                rowCount: entry.rows,
                dialect: format.delimiter.map { Dialect(delimiter: String($0)) },
                schema: Schema(
                    fields: entry.table.columns.map { Field(name: $0.name, type: $0.type.rawValue, unit: $0.unit, description: $0.description) },
                    missingValues: format == .json ? [] : [""]))
        }
    }
}
