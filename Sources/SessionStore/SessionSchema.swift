import GRDB

/// The database schema, as an ordered list of migrations. A migration, once shipped, is never edited:
/// schema changes are new migrations appended here. docs/SESSION_DATABASE.md describes every column.
enum SessionSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: participants, sessions, phases, trials, responses, events, frames") { db in
            try db.create(table: "participants") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("created_at_utc", .datetime).notNull()
                t.column("notes", .text)
            }
            try db.create(table: "sessions") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("participant_id", .integer).notNull().references("participants", onDelete: .restrict)
                t.column("protocol_name", .text).notNull()
                t.column("protocol_text", .text).notNull()
                t.column("protocol_sha256", .text).notNull()
                t.column("monitor_profile_json", .text).notNull()
                t.column("software_version", .text).notNull()
                t.column("expected_refresh_hz", .double)
                t.column("measured_refresh_hz", .double)
                t.column("safety_analysis_json", .text).notNull()
                t.column("safety_override_reason", .text)
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('running', 'completed', 'aborted', 'interrupted')")
                t.column("started_at_utc", .datetime).notNull()
                t.column("ended_at_utc", .datetime)
                t.column("resume_count", .integer).notNull().defaults(to: 0)
                t.column("owner_token", .text)
                t.column("notes", .text)
            }
            try db.create(index: "sessions_on_status", on: "sessions", columns: ["status"])
            try db.create(table: "phases") { t in
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("phase_index", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("planned_frames", .integer).notNull()
                t.column("planned_duration_s", .double).notNull()
                t.column("measured_frames", .integer)
                t.column("measured_duration_s", .double)
                t.column("first_flip_s", .double)
                t.column("dropped_frames", .integer)
                t.column("status", .text).notNull().check(sql: "status IN ('running', 'completed', 'aborted')")
                t.primaryKey(["session_id", "phase_index"])
            }
            try db.create(table: "trials") { t in
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("phase_index", .integer).notNull()
                t.column("trial_index", .integer).notNull()
                t.column("conditions_json", .text).notNull()
                t.column("status", .text).notNull()
                    .check(sql: "status IN ('planned', 'running', 'completed', 'aborted')")
                t.column("onset_flip_s", .double)
                t.primaryKey(["session_id", "phase_index", "trial_index"])
            }
            // Responses, events and frames reference only their session: a response must never be
            // refused because the trial row it belongs to was not written first.
            try db.create(table: "responses") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("phase_index", .integer).notNull()
                t.column("trial_index", .integer).notNull()
                t.column("method", .text).notNull()
                t.column("value", .double)
                t.column("value_unit", .text)
                t.column("choice", .text)
                t.column("correct", .boolean)
                t.column("onset_flip_s", .double).notNull()
                t.column("response_time_s", .double).notNull()
                t.column("rt_s", .double).notNull()
                t.column("trajectory_json", .text).notNull()
                t.column("recorded_at_utc", .datetime).notNull()
            }
            try db.create(index: "responses_on_trial", on: "responses", columns: ["session_id", "phase_index", "trial_index"])
            try db.create(table: "fixation_events") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("phase_index", .integer).notNull()
                t.column("letter", .text).notNull()
                t.column("onset_flip_s", .double).notNull()
                t.column("is_target", .boolean).notNull()
                t.column("outcome", .text).notNull()
                    .check(sql: "outcome IN ('hit', 'miss', 'false_alarm', 'correct_rejection')")
                t.column("response_time_s", .double)
            }
            try db.create(index: "fixation_events_on_session", on: "fixation_events", columns: ["session_id"])
            try db.create(table: "key_events") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("phase_index", .integer)
                t.column("key", .text).notNull()
                t.column("action", .text)
                t.column("sdl_timestamp_ms", .integer).notNull()
                t.column("monotonic_s", .double).notNull()
            }
            try db.create(index: "key_events_on_session", on: "key_events", columns: ["session_id"])
            // Frames have their own row id, so that a frame index recorded twice (a resumed session
            // restarting a phase) adds a row instead of failing a whole batch.
            try db.create(table: "frames") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("frame_index", .integer).notNull()
                t.column("phase_index", .integer).notNull()
                t.column("planned_time_s", .double).notNull()
                t.column("flip_time_s", .double).notNull()
                t.column("interval_s", .double)
                t.column("dropped", .boolean).notNull()
            }
            try db.create(index: "frames_on_session", on: "frames", columns: ["session_id", "frame_index"])
        }
        migrator.registerMigration("v2: responses.timed_out") { db in
            // A trial whose response window passed unanswered is recorded as a response with no value.
            try db.alter(table: "responses") { t in
                t.add(column: "timed_out", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v3: derived_colours") { db in
            try db.create(table: "derived_colours") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .integer).notNull().references("sessions", onDelete: .cascade)
                t.column("phase_index", .integer).notNull()
                t.column("result_name", .text).notNull()
                t.column("green_gain", .double).notNull()
                t.column("linear_rgb_json", .text).notNull()
                t.column("stimuli_json", .text).notNull()
            }
        }
        return migrator
    }
}
