import GRDB

/// The tables `TidyExport` writes: one row per participant, session, phase, trial, response,
/// adjustment step, frame, fixation-task letter, key press and derived colour. Column names end
/// with their unit.
///
/// Two groups of columns depend on the data: `cond_<key>` for every key of the trials' condition
/// objects, and `value_<unit>` for every response unit (a response's value appears in the column of
/// its unit, blank in the others).
enum TidyTables {
    static func all(_ db: Database) throws -> [TidyTable] {
        let conditions = try conditionColumns(db, conditionsSQL: "t.conditions_json")
        let responseValues = try valueColumns(db, valueSQL: "r.value", what: "The response's value")
        let stepValues = try valueColumns(db, valueSQL: "json_extract(j.value, '$.value')", what: "The value set at this step")
        return [
            participants, sessions, phases,
            trials(conditions: conditions),
            responses(values: responseValues, conditions: conditions),
            adjustmentSteps(values: stepValues),
            frames, fixationEvents, keyEvents, derivedColours,
        ]
    }

    private static func utc(_ column: String) -> String {
        "strftime('%Y-%m-%dT%H:%M:%fZ', \(column))"
    }

    static let participants = TidyTable(
        name: "participants", description: "One row per participant.",
        columns: [
            TidyColumn("participant_id", .integer, "Participant's row id.", sql: "p.id"),
            TidyColumn("participant_code", .string, "The researcher's participant code.", sql: "p.code"),
            TidyColumn("created_at_utc", .datetime, "When the participant was first recorded (UTC).", sql: utc("p.created_at_utc")),
            TidyColumn("notes", .string, "Free-text notes.", sql: "p.notes"),
        ],
        from: "FROM participants p ORDER BY p.id")

    static let sessions = TidyTable(
        name: "sessions", description: "One row per session: a participant running one protocol once.",
        columns: [
            TidyColumn("session_id", .integer, "Session's row id.", sql: "s.id"),
            TidyColumn("participant_id", .integer, "The participant's row id.", sql: "s.participant_id"),
            TidyColumn("participant_code", .string, "The participant's code.", sql: "p.code"),
            TidyColumn("protocol_name", .string, "Name of the protocol run.", sql: "s.protocol_name"),
            TidyColumn("protocol_sha256", .string, "Lower-case hex SHA-256 of protocol_text (UTF-8).", sql: "s.protocol_sha256"),
            TidyColumn("software_version", .string, "stimgen version that recorded the session.", sql: "s.software_version"),
            TidyColumn("expected_refresh_hz", .number, unit: "Hz", "Refresh rate the protocol expects.", sql: "s.expected_refresh_hz"),
            TidyColumn("measured_refresh_hz", .number, unit: "Hz", "Refresh rate measured at session start.", sql: "s.measured_refresh_hz"),
            TidyColumn("status", .string, "running, completed, aborted (Esc) or interrupted (crash).", sql: "s.status"),
            TidyColumn("started_at_utc", .datetime, "Wall-clock start (UTC).", sql: utc("s.started_at_utc")),
            TidyColumn("ended_at_utc", .datetime, "Wall-clock end (UTC); blank unless completed or aborted.", sql: utc("s.ended_at_utc")),
            TidyColumn("resume_count", .integer, "Times the session was resumed after an interruption or abort.", sql: "s.resume_count"),
            TidyColumn("safety_override_reason", .string, "Why the researcher overrode a failed safety check; blank when not overridden.", sql: "s.safety_override_reason"),
            TidyColumn("notes", .string, "Free-text notes.", sql: "s.notes"),
            TidyColumn("safety_analysis_json", .string, "The protocol's photosensitive-safety analysis (JSON).", sql: "s.safety_analysis_json"),
            TidyColumn("monitor_profile_json", .string, "The monitor profile used (JSON).", sql: "s.monitor_profile_json"),
            TidyColumn("protocol_text", .string, "The protocol file's full text as run.", sql: "s.protocol_text"),
        ],
        from: "FROM sessions s JOIN participants p ON p.id = s.participant_id ORDER BY s.id")

    static let phases = TidyTable(
        name: "phases", description: "One row per phase of a session: planned against measured duration.",
        columns: [
            TidyColumn("session_id", .integer, "Session's row id.", sql: "ph.session_id"),
            TidyColumn("participant_code", .string, "The participant's code.", sql: "p.code"),
            TidyColumn("phase_index", .integer, "0-based position of the phase in the protocol.", sql: "ph.phase_index"),
            TidyColumn("phase_name", .string, "Phase name from the protocol.", sql: "ph.name"),
            TidyColumn("phase_kind", .string, "Phase kind in the protocol language.", sql: "ph.kind"),
            TidyColumn("phase_status", .string, "running, completed or aborted.", sql: "ph.status"),
            TidyColumn("planned_frames", .integer, unit: "frames", "Duration the timeline planned.", sql: "ph.planned_frames"),
            TidyColumn("planned_duration_s", .number, unit: "s", "Duration the timeline planned.", sql: "ph.planned_duration_s"),
            TidyColumn("measured_frames", .integer, unit: "frames", "Frames actually presented.", sql: "ph.measured_frames"),
            TidyColumn("measured_duration_s", .number, unit: "s", "Measured duration of the phase.", sql: "ph.measured_duration_s"),
            TidyColumn("duration_error_s", .number, unit: "s", "measured_duration_s − planned_duration_s.", sql: "ph.measured_duration_s - ph.planned_duration_s"),
            TidyColumn("first_flip_s", .number, unit: "s", "Flip timestamp of the phase's first frame (session clock).", sql: "ph.first_flip_s"),
            TidyColumn("dropped_frames", .integer, unit: "frames", "Frames whose interval exceeded 1.5 refresh periods.", sql: "ph.dropped_frames"),
        ],
        from: "FROM phases ph JOIN sessions s ON s.id = ph.session_id JOIN participants p ON p.id = s.participant_id ORDER BY ph.session_id, ph.phase_index")

    static func trials(conditions: [TidyColumn]) -> TidyTable {
        TidyTable(
            name: "trials", description: "One row per trial, with one cond_ column per condition key.",
            columns: [
                TidyColumn("session_id", .integer, "Session's row id.", sql: "t.session_id"),
                TidyColumn("participant_code", .string, "The participant's code.", sql: "p.code"),
                TidyColumn("phase_index", .integer, "0-based position of the phase in the protocol.", sql: "t.phase_index"),
                TidyColumn("phase_name", .string, "Phase name from the protocol.", sql: "ph.name"),
                TidyColumn("trial_index", .integer, "0-based position of the trial in its phase.", sql: "t.trial_index"),
                TidyColumn("trial_status", .string, "planned, running, completed or aborted.", sql: "t.status"),
                TidyColumn("onset_flip_s", .number, unit: "s", "Flip timestamp of the stimulus onset (session clock).", sql: "t.onset_flip_s"),
            ] + conditions + [
                TidyColumn("conditions_json", .string, "All of the trial's conditions (JSON object).", sql: "t.conditions_json"),
            ],
            from: """
                FROM trials t JOIN sessions s ON s.id = t.session_id JOIN participants p ON p.id = s.participant_id
                LEFT JOIN phases ph ON ph.session_id = t.session_id AND ph.phase_index = t.phase_index
                ORDER BY t.session_id, t.phase_index, t.trial_index
                """)
    }

    static func responses(values: [TidyColumn], conditions: [TidyColumn]) -> TidyTable {
        TidyTable(
            name: "responses", description: "One row per response, with its trial's conditions.",
            columns: [
                TidyColumn("response_id", .integer, "Response's row id.", sql: "r.id"),
                TidyColumn("session_id", .integer, "Session's row id.", sql: "r.session_id"),
                TidyColumn("participant_code", .string, "The participant's code.", sql: "p.code"),
                TidyColumn("phase_index", .integer, "0-based position of the phase in the protocol.", sql: "r.phase_index"),
                TidyColumn("phase_name", .string, "Phase name from the protocol.", sql: "ph.name"),
                TidyColumn("trial_index", .integer, "0-based position of the trial in its phase.", sql: "r.trial_index"),
                TidyColumn("method", .string, "Response method (nulling, forced_choice, staircase…).", sql: "r.method"),
                TidyColumn("value_unit", .string, "Unit of the response's value; names its value_ column.", sql: "r.value_unit"),
            ] + values + [
                TidyColumn("choice", .string, "Option chosen in a forced choice.", sql: "r.choice"),
                TidyColumn("correct", .boolean, "Whether a forced choice was correct, where defined.", sql: "r.correct"),
                TidyColumn("onset_flip_s", .number, unit: "s", "Flip timestamp of the stimulus onset (session clock).", sql: "r.onset_flip_s"),
                TidyColumn("response_time_s", .number, unit: "s", "Timestamp of the response key event (session clock).", sql: "r.response_time_s"),
                TidyColumn("rt_s", .number, unit: "s", "Reaction time from the stimulus-onset flip.", sql: "r.rt_s"),
                TidyColumn("timed_out", .boolean, "Whether the response window passed unanswered (no value, choice or correctness).", sql: "r.timed_out"),
                TidyColumn("adjustment_steps", .integer, "Number of steps in the adjustment trajectory (see adjustment_steps).", sql: "json_array_length(r.trajectory_json)"),
                TidyColumn("recorded_at_utc", .datetime, "Wall-clock time of the response (UTC).", sql: utc("r.recorded_at_utc")),
            ] + conditions,
            from: """
                FROM responses r JOIN sessions s ON s.id = r.session_id JOIN participants p ON p.id = s.participant_id
                LEFT JOIN phases ph ON ph.session_id = r.session_id AND ph.phase_index = r.phase_index
                LEFT JOIN trials t ON t.session_id = r.session_id AND t.phase_index = r.phase_index AND t.trial_index = r.trial_index
                ORDER BY r.session_id, r.phase_index, r.trial_index, r.id
                """)
    }

    static func adjustmentSteps(values: [TidyColumn]) -> TidyTable {
        TidyTable(
            name: "adjustment_steps", description: "One row per step of a response's adjustment trajectory.",
            columns: [
                TidyColumn("response_id", .integer, "The response's row id.", sql: "r.id"),
                TidyColumn("session_id", .integer, "Session's row id.", sql: "r.session_id"),
                TidyColumn("participant_code", .string, "The participant's code.", sql: "p.code"),
                TidyColumn("phase_index", .integer, "0-based position of the phase in the protocol.", sql: "r.phase_index"),
                TidyColumn("trial_index", .integer, "0-based position of the trial in its phase.", sql: "r.trial_index"),
                TidyColumn("step_index", .integer, "0-based position of the step in the trajectory.", sql: "j.key"),
                TidyColumn("t_s", .number, unit: "s", "Time of the step since the stimulus-onset flip.", sql: "json_extract(j.value, '$.t_s')"),
                TidyColumn("value_unit", .string, "Unit of the value; names its value_ column.", sql: "r.value_unit"),
            ] + values,
            from: """
                FROM responses r JOIN json_each(r.trajectory_json) j JOIN sessions s ON s.id = r.session_id
                JOIN participants p ON p.id = s.participant_id
                ORDER BY r.session_id, r.phase_index, r.trial_index, r.id, j.key
                """)
    }

    static let frames = TidyTable(
        name: "frames", description: "One row per presented frame.",
        columns: [
            TidyColumn("session_id", .integer, "Session's row id.", sql: "f.session_id"),
            TidyColumn("phase_index", .integer, "0-based position of the phase in the protocol.", sql: "f.phase_index"),
            TidyColumn("frame_index", .integer, "0-based frame counter over the session.", sql: "f.frame_index"),
            TidyColumn("planned_time_s", .number, unit: "s", "When the timeline planned the flip (session clock).", sql: "f.planned_time_s"),
            TidyColumn("flip_time_s", .number, unit: "s", "Timestamp taken right after the flip returned (session clock).", sql: "f.flip_time_s"),
            TidyColumn("interval_s", .number, unit: "s", "Time since the previous flip; blank for the first frame.", sql: "f.interval_s"),
            TidyColumn("dropped", .boolean, "Whether interval_s exceeded 1.5 refresh periods.", sql: "f.dropped"),
        ],
        from: "FROM frames f ORDER BY f.session_id, f.frame_index, f.id")

    static let fixationEvents = TidyTable(
        name: "fixation_events", description: "One row per fixation-task letter.",
        columns: [
            TidyColumn("event_id", .integer, "Event's row id.", sql: "e.id"),
            TidyColumn("session_id", .integer, "Session's row id.", sql: "e.session_id"),
            TidyColumn("participant_code", .string, "The participant's code.", sql: "p.code"),
            TidyColumn("phase_index", .integer, "0-based position of the phase in the protocol.", sql: "e.phase_index"),
            TidyColumn("letter", .string, "The letter shown.", sql: "e.letter"),
            TidyColumn("onset_flip_s", .number, unit: "s", "Flip timestamp at which the letter appeared (session clock).", sql: "e.onset_flip_s"),
            TidyColumn("is_target", .boolean, "Whether the letter was a target to report.", sql: "e.is_target"),
            TidyColumn("outcome", .string, "hit, miss, false_alarm or correct_rejection.", sql: "e.outcome"),
            TidyColumn("response_time_s", .number, unit: "s", "Time of the report key press (session clock); blank without one.", sql: "e.response_time_s"),
            TidyColumn("rt_s", .number, unit: "s", "response_time_s − onset_flip_s.", sql: "e.response_time_s - e.onset_flip_s"),
        ],
        from: "FROM fixation_events e JOIN sessions s ON s.id = e.session_id JOIN participants p ON p.id = s.participant_id ORDER BY e.session_id, e.onset_flip_s, e.id")

    static let keyEvents = TidyTable(
        name: "key_events", description: "One row per key press.",
        columns: [
            TidyColumn("key_event_id", .integer, "Key event's row id.", sql: "k.id"),
            TidyColumn("session_id", .integer, "Session's row id.", sql: "k.session_id"),
            TidyColumn("participant_code", .string, "The participant's code.", sql: "p.code"),
            TidyColumn("phase_index", .integer, "Phase during which the key was pressed; blank outside phases.", sql: "k.phase_index"),
            TidyColumn("key", .string, "SDL key name.", sql: "k.key"),
            TidyColumn("action", .string, "What the protocol maps the key to, if anything.", sql: "k.action"),
            TidyColumn("sdl_timestamp_ms", .integer, unit: "ms", "SDL's event timestamp (since SDL initialised).", sql: "k.sdl_timestamp_ms"),
            TidyColumn("monotonic_s", .number, unit: "s", "When the presenter read the event (session clock).", sql: "k.monotonic_s"),
        ],
        from: "FROM key_events k JOIN sessions s ON s.id = k.session_id JOIN participants p ON p.id = s.participant_id ORDER BY k.session_id, k.monotonic_s, k.id")

    /// The colours flicker photometry measured (migration v3), one row each time a run applied one.
    static let derivedColours = TidyTable(
        name: "derived_colours",
        description: "One row per colour a flicker-photometry phase measured and later stimuli were shown in.",
        columns: [
            TidyColumn("derived_colour_id", .integer, "Derived colour's row id.", sql: "d.id"),
            TidyColumn("session_id", .integer, "Session's row id.", sql: "d.session_id"),
            TidyColumn("participant_code", .string, "The participant's code.", sql: "p.code"),
            TidyColumn("phase_index", .integer, "0-based position of the flicker-photometry phase that measured it.", sql: "d.phase_index"),
            TidyColumn("phase_name", .string, "Phase name from the protocol.", sql: "ph.name"),
            TidyColumn("result_name", .string, "The phase's result_name.", sql: "d.result_name"),
            TidyColumn("green_gain", .number, unit: "green_gain",
                       "Mean of the phase's settings (their value_green_gain in responses): the multiplier of its green_linear_rgb.",
                       sql: "d.green_gain"),
        ] + ["red", "green", "blue"].enumerated().map { gun, name in
            TidyColumn("\(name)_linear_rgb", .number, unit: "linear_rgb",
                       "The \(name) gun of the colour used (linear RGB, 0–1): the phase's green_linear_rgb × green_gain.",
                       sql: "json_extract(d.linear_rgb_json, '$[\(gun)]')")
        } + [
            TidyColumn("stimuli_json", .string, "The stimuli made in this colour (JSON array of names).", sql: "d.stimuli_json"),
        ],
        from: """
            FROM derived_colours d JOIN sessions s ON s.id = d.session_id JOIN participants p ON p.id = s.participant_id
            LEFT JOIN phases ph ON ph.session_id = d.session_id AND ph.phase_index = d.phase_index
            ORDER BY d.session_id, d.phase_index, d.id
            """)

    // MARK: - Columns that depend on the data

    /// `cond_<key>` for every key of the trials' condition objects, typed from the JSON values.
    static func conditionColumns(_ db: Database, conditionsSQL: String) throws -> [TidyColumn] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT j.key AS key, group_concat(DISTINCT j.type) AS types
            FROM trials t, json_each(t.conditions_json) j
            WHERE json_valid(t.conditions_json) AND json_type(t.conditions_json) = 'object'
            GROUP BY j.key ORDER BY j.key
            """)
        var names = ColumnNamer()
        return rows.compactMap { row -> TidyColumn? in
            let key: String = row["key"]
            guard !key.contains("\"") else { return nil }  // not addressable by a JSON path; kept in conditions_json
            let types = Set(((row["types"] as String?) ?? "").split(separator: ",").map(String.init))
            let type = columnType(jsonTypes: types)
            let path = sqlLiteral("$.\"" + key + "\"")
            return TidyColumn(names.unique("cond_" + sanitized(key)), type,
                              "Trial condition \(key) from the protocol (its unit is the protocol's).",
                              sql: "json_extract(\(conditionsSQL), \(path))")
        }
    }

    /// `value_<unit>` for every unit responses use.
    static func valueColumns(_ db: Database, valueSQL: String, what: String) throws -> [TidyColumn] {
        let units = try String?.fetchAll(db, sql: "SELECT DISTINCT value_unit FROM responses ORDER BY value_unit")
        var names = ColumnNamer(used: ["value_unit"])
        return units.map { unit in
            guard let unit else {
                return TidyColumn(names.unique("value_unitless"), .number, "\(what), for responses recorded without a unit.",
                                  sql: "CASE WHEN r.value_unit IS NULL THEN \(valueSQL) END")
            }
            return TidyColumn(names.unique("value_" + sanitized(unit)), .number, unit: unit,
                              "\(what), for responses in \(unit); blank for other units.",
                              sql: "CASE WHEN r.value_unit = \(sqlLiteral(unit)) THEN \(valueSQL) END")
        }
    }

    /// JSON value types (`json_each.type`) → column type.
    static func columnType(jsonTypes: Set<String>) -> TidyColumnType {
        let types = jsonTypes.subtracting(["null"])
        if types.isEmpty { return .string }
        if types == ["integer"] { return .integer }
        if types.isSubset(of: ["integer", "real"]) { return .number }
        if types.isSubset(of: ["true", "false"]) { return .boolean }
        return .string
    }

    /// Letters, digits and `_` kept; anything else becomes `_`.
    static func sanitized(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
    }

    static func sqlLiteral(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Gives `_2`, `_3`… to names that collide after sanitising.
    struct ColumnNamer {
        private var used: Set<String>

        /// `used`: names already taken by fixed columns of the same table.
        init(used: Set<String> = []) {
            self.used = used
        }

        mutating func unique(_ name: String) -> String {
            var candidate = name
            var suffix = 2
            while used.contains(candidate) {
                candidate = "\(name)_\(suffix)"
                suffix += 1
            }
            used.insert(candidate)
            return candidate
        }
    }
}
