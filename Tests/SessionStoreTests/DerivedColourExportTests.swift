import Foundation
import GRDB
import Testing
@testable import SessionStore

/// A real session that measures a colour by flicker photometry (the shipped isoluminance protocol,
/// simulated participant), exported by `stimgen export-data`: the derived_colours file holds the
/// database's rows, and each row agrees with the settings it was derived from.
@Suite("derived colours in the tidy export", .serialized)
struct DerivedColourExportTests {
    static let isoluminance = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Protocols/isoluminance.yaml")

    @Test("exported rows are the database's rows; the gain is the mean setting and the colour the protocol's green times it")
    func exportedRowsMatchTheDatabase() throws {
        let url = try temporaryDatabaseURL()
        let run = try ExportCommandTests.stimgen(["run", Self.isoluminance.path, "--participant", "p1", "--db", url.path,
                                                  "--headless", "--window", "320x180", "--simulate", "--fast"])
        #expect(run.status == 0, "\(run.stderr)")
        let out = TidyExportTests.exportFolder()
        let export = try ExportCommandTests.stimgen(["export-data", "--db", url.path, "--format", "csv", "--out", out.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("derived_colours.csv\t1 rows"))

        let stored = try SessionDatabase(url: url).pool.read { try DerivedColourRecord.order(Column("id")).fetchAll($0) }
        let exported = try ParsedTable(url: out.appendingPathComponent("derived_colours.csv"), delimiter: ",").rows
        #expect(stored.count == 1)
        #expect(exported.count == stored.count)
        for (row, record) in zip(exported, stored) {
            #expect(row["derived_colour_id"] == record.id.map(String.init))
            #expect(row["session_id"] == String(record.sessionId) && row["phase_index"] == String(record.phaseIndex))
            #expect(row["participant_code"] == "p1" && row["phase_name"] == "flicker-photometry")
            #expect(row["result_name"] == record.resultName)
            #expect(Double(row["green_gain"] ?? "") == record.greenGain)
            let guns = ["red_linear_rgb", "green_linear_rgb", "blue_linear_rgb"].map { Double(row[$0] ?? "") }
            #expect(guns == record.linearRGB)
            let stimuli = try JSONDecoder().decode([String].self, from: Data((row["stimuli_json"] ?? "").utf8))
            #expect(stimuli == record.stimuli)
        }

        // The gain is the mean of the phase's six settings in the exported responses; the colour is the
        // protocol's green_linear_rgb [0, 1, 0] times it.
        let settings = try ParsedTable(url: out.appendingPathComponent("responses.csv"), delimiter: ",").rows
            .filter { $0["phase_name"] == "flicker-photometry" }.compactMap { Double($0["value_green_gain"] ?? "") }
        #expect(settings.count == 6)
        let gain = try #require(exported.first.flatMap { Double($0["green_gain"] ?? "") })
        #expect(abs(gain - settings.reduce(0, +) / Double(settings.count)) < 1e-12)
        let colour = ["red_linear_rgb", "green_linear_rgb", "blue_linear_rgb"].map { Double(exported.first?[$0] ?? "") ?? .nan }
        #expect(colour[0] == 0 && colour[2] == 0 && abs(colour[1] - gain) < 1e-12)
    }
}
