import ArgumentParser
import Foundation
import SessionStore

extension ExportFormat: ExpressibleByArgument {}

/// `stimgen export-data`: the session database as tidy CSV/TSV/JSON tables with a column sidecar.
struct ExportDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-data",
        abstract: "Export every session as tidy tables (one row per trial, response, frame…) for pandas or R.",
        discussion: """
            Writes participants, sessions, phases, trials, responses, adjustment_steps, frames, \
            fixation_events, key_events and derived_colours (colours measured by flicker photometry), \
            plus datapackage.json describing every column (name, type, unit, description). Column names \
            end with their unit (rt_s, flip_time_s, value_dkl_lm). Load one with pandas.read_csv("DIR/responses.csv") or read.csv("DIR/responses.csv").
            """)

    @Option(help: "Session database.")
    var db: String = SessionDatabase.defaultPath

    @Option(help: "File format: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportFormat

    @Option(help: "Folder to write the tables into (created when missing).")
    var out: String

    func validate() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            throw ValidationError("no session database at \(db); pass one with --db FILE")
        }
    }

    func run() throws {
        let database = try SessionDatabase(url: URL(fileURLWithPath: db))
        let summary = try TidyExport.export(database, format: format, to: URL(fileURLWithPath: out, isDirectory: true))
        for table in summary.tables {
            print("\(table.file.path)\t\(table.rows) rows")
        }
        print("\(summary.sidecar.path)\tcolumn descriptions")
    }
}
