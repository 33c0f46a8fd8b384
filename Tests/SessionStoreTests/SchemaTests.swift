import Foundation
import GRDB
import Testing
@testable import SessionStore

@Suite("Schema and migrations")
struct SchemaTests {
    /// The columns docs/SESSION_DATABASE.md promises, written out by hand.
    static let documentedColumns: [String: [String]] = [
        "participants": ["id", "code", "created_at_utc", "notes"],
        "sessions": ["id", "participant_id", "protocol_name", "protocol_text", "protocol_sha256",
                     "monitor_profile_json", "software_version", "expected_refresh_hz", "measured_refresh_hz",
                     "safety_analysis_json", "safety_override_reason", "status", "started_at_utc", "ended_at_utc",
                     "resume_count", "owner_token", "notes"],
        "phases": ["session_id", "phase_index", "name", "kind", "planned_frames", "planned_duration_s",
                   "measured_frames", "measured_duration_s", "first_flip_s", "dropped_frames", "status"],
        "trials": ["session_id", "phase_index", "trial_index", "conditions_json", "status", "onset_flip_s"],
        "responses": ["id", "session_id", "phase_index", "trial_index", "method", "value", "value_unit", "choice",
                      "correct", "onset_flip_s", "response_time_s", "rt_s", "trajectory_json", "recorded_at_utc",
                      "timed_out"],
        "fixation_events": ["id", "session_id", "phase_index", "letter", "onset_flip_s", "is_target", "outcome",
                            "response_time_s"],
        "key_events": ["id", "session_id", "phase_index", "key", "action", "sdl_timestamp_ms", "monotonic_s"],
        "frames": ["id", "session_id", "frame_index", "phase_index", "planned_time_s", "flip_time_s", "interval_s",
                   "dropped"],
        "derived_colours": ["id", "session_id", "phase_index", "result_name", "green_gain", "linear_rgb_json",
                            "stimuli_json"],
    ]

    @Test("a fresh database gets every documented table and column, in WAL mode")
    func freshDatabase() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        try database.pool.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
            #expect(Set(tables) == Set(Self.documentedColumns.keys))
            for (table, columns) in Self.documentedColumns {
                let actual = try db.columns(in: table).map(\.name)
                #expect(actual == columns, "columns of \(table)")
            }
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
        }
        #expect(try database.quickCheck() == ["ok"])
    }

    @Test("opening an existing database again keeps its rows and migrates nothing twice")
    func reopen() throws {
        let url = try temporaryDatabaseURL()
        do {
            let database = try SessionDatabase(url: url)
            _ = try database.participant(code: "P07")
        }
        let again = try SessionDatabase(url: url)
        #expect(try again.participant(code: "P07").id == 1)
        #expect(try countRows("grdb_migrations", in: url) == 3)   // v1, v2 and v3
    }

    @Test("the status columns refuse values outside their vocabulary")
    func statusCheck() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession())
        #expect(throws: DatabaseError.self) {
            try database.pool.write { db in
                try db.execute(sql: "UPDATE sessions SET status = 'paused' WHERE id = ?", arguments: [session.id])
            }
        }
        try session.finish(.completed)
    }
}
