import Foundation
import GRDB

/// Writes a session database as tidy tables (one row per participant, session, phase, trial,
/// response, adjustment step, frame, fixation letter, key press and derived colour) plus
/// `datapackage.json`, which describes every column (name, type, unit, description). pandas
/// (`pd.read_csv`, `pd.read_json`) and R (`read.csv`, `read.delim`, `jsonlite::fromJSON`) load each
/// file in one call.
public enum TidyExport {
    /// What one export wrote.
    public struct Summary: Sendable, Equatable {
        public struct TableFile: Sendable, Equatable {
            public var table: String
            public var file: URL
            public var rows: Int
        }

        public var tables: [TableFile]
        /// The column descriptions (`datapackage.json`).
        public var sidecar: URL
    }

    /// The sidecar's file name.
    public static let sidecarName = "datapackage.json"

    /// Exports every table of `database` into `directory` (created when missing; files of the same
    /// names are replaced). All tables come from one read transaction, so they agree with each other
    /// even while presenters keep recording.
    public static func export(_ database: SessionDatabase, format: ExportFormat, to directory: URL) throws -> Summary {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let written = try database.pool.read { db -> [(table: TidyTable, file: String, rows: Int)] in
            try TidyTables.all(db).map { table in
                let file = "\(table.name).\(format.fileExtension)"
                let rows = try write(table, db: db, format: format, to: directory.appendingPathComponent(file))
                return (table, file, rows)
            }
        }
        let package = DataPackage(tables: written, format: format, databaseName: database.url.lastPathComponent, created: Date())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let sidecar = directory.appendingPathComponent(sidecarName)
        try replace(sidecar, with: encoder.encode(package))
        return Summary(
            tables: written.map { .init(table: $0.table.name, file: directory.appendingPathComponent($0.file), rows: $0.rows) },
            sidecar: sidecar)
    }

    /// Streams one table into a temporary file, then moves it into place.
    private static func write(_ table: TidyTable, db: Database, format: ExportFormat, to url: URL) throws -> Int {
        let partial = url.appendingPathExtension("partial")
        var writer = try TableWriter(url: partial, format: format, columns: table.columns)
        let rows = try Row.fetchCursor(db, sql: table.selectSQL)
        while let row = try rows.next() {
            try writer.write(row)
        }
        let count = try writer.finish()
        try moveIntoPlace(partial, url)
        return count
    }

    private static func replace(_ url: URL, with data: Data) throws {
        let partial = url.appendingPathExtension("partial")
        try data.write(to: partial)
        try moveIntoPlace(partial, url)
    }

    private static func moveIntoPlace(_ source: URL, _ destination: URL) throws {
        if FileManager.default.fileExists(atPath: destination.path) {
            _ = try FileManager.default.replaceItemAt(destination, withItemAt: source)
        } else {
            try FileManager.default.moveItem(at: source, to: destination)
        }
    }
}
