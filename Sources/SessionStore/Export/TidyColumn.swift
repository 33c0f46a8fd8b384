/// The type of an exported column, named as in the Frictionless Table Schema.
public enum TidyColumnType: String, Codable, Sendable {
    case integer, number, string, boolean
    /// ISO 8601 UTC, e.g. `2026-03-01T14:05:09.120Z`.
    case datetime
}

/// One column of an exported table: its name (which ends with its unit where it has one), unit,
/// type, meaning, and the SQL expression that produces it.
public struct TidyColumn: Sendable, Equatable {
    public var name: String
    /// Unit of the values (`s`, `Hz`, `ms`, `frames`, a colour-axis name…), nil when dimensionless
    /// or not a quantity.
    public var unit: String?
    public var type: TidyColumnType
    public var description: String
    /// SQL expression over the table's FROM clause.
    var sql: String

    init(_ name: String, _ type: TidyColumnType, unit: String? = nil, _ description: String, sql: String) {
        self.name = name
        self.unit = unit
        self.type = type
        self.description = description
        self.sql = sql
    }
}

/// One exported table: a row per entity, its columns, and the SQL it is read with.
public struct TidyTable: Sendable {
    public var name: String
    public var description: String
    public var columns: [TidyColumn]
    /// `FROM … [WHERE …] ORDER BY …` of the query.
    var from: String

    var selectSQL: String {
        "SELECT " + columns.map { "\($0.sql) AS \"\($0.name)\"" }.joined(separator: ", ") + " " + from
    }
}
