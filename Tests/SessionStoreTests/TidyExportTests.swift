import Foundation
import Testing
@testable import SessionStore

@Suite("Tidy export")
struct TidyExportTests {
    static func exportFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-export-\(UUID().uuidString)", isDirectory: true)
    }

    @Test("CSV round trip: every cell of responses, trials, frames and events is what was recorded")
    func csvRoundTrip() throws {
        let database = try ExportFixture.make()
        let out = Self.exportFolder()
        let summary = try TidyExport.export(database, format: .csv, to: out)
        #expect(summary.tables.map(\.table) == ["participants", "sessions", "phases", "trials", "responses",
                                               "adjustment_steps", "frames", "fixation_events", "key_events",
                                               "derived_colours"])

        let responses = try ParsedTable(url: out.appendingPathComponent("responses.csv"), delimiter: ",")
        #expect(responses.header == [
            "response_id", "session_id", "participant_code", "phase_index", "phase_name", "trial_index", "method",
            "value_unit", "value_dkl_lm", "value_log10_contrast", "choice", "correct", "onset_flip_s", "response_time_s",
            "rt_s", "timed_out", "adjustment_steps", "recorded_at_utc", "cond_label", "cond_orientation_deg", "cond_paired",
            "cond_test_contrast",
        ])
        #expect(responses.rows.count == 2)
        let nulling = responses.rows[0]
        #expect(nulling["method"] == "nulling" && nulling["phase_name"] == "test" && nulling["participant_code"] == "P01")
        #expect(Double(nulling["value_dkl_lm"] ?? "") == 0.25)
        #expect(nulling["value_log10_contrast"] == "")
        #expect(Double(nulling["rt_s"] ?? "") == 2.5)
        #expect(nulling["correct"] == "")
        #expect(nulling["adjustment_steps"] == "2")
        #expect(nulling["recorded_at_utc"] == "2023-11-14T22:13:20.250Z")
        #expect(nulling["cond_orientation_deg"] == "0" && nulling["cond_paired"] == "true")
        #expect(Double(nulling["cond_test_contrast"] ?? "") == 0.5 && nulling["cond_label"] == "")
        let choice = responses.rows[1]
        #expect(Double(choice["value_log10_contrast"] ?? "") == -1.5 && choice["value_dkl_lm"] == "")
        #expect(choice["choice"] == "tinted" && choice["correct"] == "true")
        #expect(Double(choice["rt_s"] ?? "") == 0.75)
        #expect(choice["cond_label"] == "vertical" && choice["cond_orientation_deg"] == "90" && choice["cond_paired"] == "false")

        let steps = try ParsedTable(url: out.appendingPathComponent("adjustment_steps.csv"), delimiter: ",")
        #expect(steps.rows.map { $0["step_index"] } == ["0", "1"])
        #expect(steps.rows.map { Double($0["t_s"] ?? "") } == [0.5, 1.25])
        #expect(steps.rows.map { Double($0["value_dkl_lm"] ?? "") } == [0.125, 0.25])
        #expect(steps.rows.map { $0["value_log10_contrast"] } == ["", ""])

        let frames = try ParsedTable(url: out.appendingPathComponent("frames.csv"), delimiter: ",")
        #expect(frames.rows.map { $0["frame_index"] } == ["0", "1", "2"])
        #expect(frames.rows.map { Double($0["flip_time_s"] ?? "") } == [0.5, 1.0, 1.5])
        #expect(frames.rows.map { $0["interval_s"] ?? "-" }.first == "")
        #expect(frames.rows.map { $0["dropped"] } == ["false", "false", "true"])

        let phases = try ParsedTable(url: out.appendingPathComponent("phases.csv"), delimiter: ",")
        #expect(phases.rows.count == 2)
        #expect(Double(phases.rows[0]["duration_error_s"] ?? "") == 0.25)
        #expect(phases.rows[1]["measured_frames"] == "" && phases.rows[1]["phase_status"] == "running")

        let fixation = try ParsedTable(url: out.appendingPathComponent("fixation_events.csv"), delimiter: ",")
        #expect(fixation.rows.map { $0["outcome"] } == ["hit", "correct_rejection"])
        #expect(fixation.rows.map { $0["is_target"] } == ["true", "false"])
        #expect(Double(fixation.rows[0]["rt_s"] ?? "") == 0.375 && fixation.rows[1]["rt_s"] == "")

        let keys = try ParsedTable(url: out.appendingPathComponent("key_events.csv"), delimiter: ",")
        #expect(keys.rows.count == 1)
        #expect(keys.rows[0]["sdl_timestamp_ms"] == "123456" && keys.rows[0]["action"] == "decrease")

        let colours = try ParsedTable(url: out.appendingPathComponent("derived_colours.csv"), delimiter: ",")
        #expect(colours.header == ["derived_colour_id", "session_id", "participant_code", "phase_index", "phase_name", "result_name",
                                   "green_gain", "red_linear_rgb", "green_linear_rgb", "blue_linear_rgb", "stimuli_json"])
        #expect(colours.rows.count == 1)
        let colour = colours.rows[0]
        #expect(colour["participant_code"] == "P01" && colour["phase_index"] == "0" && colour["phase_name"] == "adapt")
        #expect(colour["result_name"] == "iso_gain" && Double(colour["green_gain"] ?? "") == 0.25)
        #expect(["red_linear_rgb", "green_linear_rgb", "blue_linear_rgb"].map { Double(colour[$0] ?? "") } == [0, 0.125, 0])
        #expect(colour["stimuli_json"] == #"["iso_a","iso_b"]"#)

        let sessions = try ParsedTable(url: out.appendingPathComponent("sessions.csv"), delimiter: ",")
        #expect(sessions.rows.map { $0["status"] } == ["completed", "aborted"])
        #expect(sessions.rows[1]["participant_code"] == ExportFixture.hostileCode)
        #expect(sessions.rows[0]["protocol_text"] == "name: classic\nphases: []\n")
        #expect(sessions.rows[0]["protocol_sha256"] == ProtocolHash.sha256Hex("name: classic\nphases: []\n"))
        #expect(summary.tables.first { $0.table == "trials" }?.rows == 2)
    }

    @Test("the sidecar describes every column of every file, in file order, with type, unit and description")
    func sidecar() throws {
        let database = try ExportFixture.make()
        let out = Self.exportFolder()
        let summary = try TidyExport.export(database, format: .csv, to: out)
        let package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: summary.sidecar)) as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.count == summary.tables.count)
        var units: [String: Any] = [:]
        for resource in resources {
            let path = try #require(resource["path"] as? String)
            let table = try ParsedTable(url: out.appendingPathComponent(path), delimiter: ",")
            let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
            #expect(fields.compactMap { $0["name"] as? String } == table.header, "columns of \(path)")
            #expect(resource["row_count"] as? Int == table.rows.count, "rows of \(path)")
            for field in fields {
                #expect(Set(field.keys) == ["name", "type", "unit", "description"], "keys of \(path)")
                #expect(["integer", "number", "string", "boolean", "datetime"].contains(field["type"] as? String ?? ""))
                #expect(!(field["description"] as? String ?? "").isEmpty)
                if resource["name"] as? String == "responses" { units[field["name"] as! String] = field["unit"] }
            }
        }
        #expect(units["rt_s"] as? String == "s")
        #expect(units["value_dkl_lm"] as? String == "dkl_lm")
        #expect(units["method"] is NSNull)
        let colourFields = try #require(resources.first { $0["name"] as? String == "derived_colours" }
            .flatMap { ($0["schema"] as? [String: Any])?["fields"] as? [[String: Any]] })
        let colourUnits = Dictionary(uniqueKeysWithValues: colourFields.map { ($0["name"] as! String, $0["unit"] as? String) })
        #expect(colourUnits["green_gain"] == "green_gain" && colourUnits["green_linear_rgb"] == "linear_rgb")
    }

    @Test("JSON export: numbers as numbers, booleans as booleans, missing as null")
    func json() throws {
        let database = try ExportFixture.make()
        let out = Self.exportFolder()
        _ = try TidyExport.export(database, format: .json, to: out)
        let rows = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("responses.json"))) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["value_dkl_lm"] as? Double == 0.25)
        #expect(rows[0]["value_log10_contrast"] is NSNull)
        #expect(rows[0]["correct"] is NSNull)
        #expect(rows[1]["correct"] as? Bool == true)
        #expect(rows[0]["cond_paired"] as? Bool == true)
        #expect(rows[1]["rt_s"] as? Double == 0.75)
        let empty = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("participants.json"))) as? [[String: Any]])
        #expect(empty.map { $0["participant_code"] as? String } == ["P01", ExportFixture.hostileCode])
    }

    @Test("TSV keeps tabs, quotes and line breaks inside fields")
    func tsv() throws {
        let database = try ExportFixture.make()
        let out = Self.exportFolder()
        _ = try TidyExport.export(database, format: .tsv, to: out)
        let participants = try ParsedTable(url: out.appendingPathComponent("participants.tsv"), delimiter: "\t")
        #expect(participants.rows.map { $0["participant_code"] } == ["P01", ExportFixture.hostileCode])
    }

    @Test("condition keys map to typed, unique column names")
    func conditionTyping() {
        #expect(TidyTables.columnType(jsonTypes: ["integer"]) == .integer)
        #expect(TidyTables.columnType(jsonTypes: ["integer", "real", "null"]) == .number)
        #expect(TidyTables.columnType(jsonTypes: ["true", "false"]) == .boolean)
        #expect(TidyTables.columnType(jsonTypes: ["integer", "text"]) == .string)
        #expect(TidyTables.sanitized("contrast (%)") == "contrast____")
        var namer = TidyTables.ColumnNamer(used: ["value_unit"])
        #expect([namer.unique("value_unit"), namer.unique("cond_a"), namer.unique("cond_a")] == ["value_unit_2", "cond_a", "cond_a_2"])
    }
}
