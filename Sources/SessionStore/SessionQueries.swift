import GRDB

/// Which sessions a report or export is about.
public enum SessionSelection: Sendable, Equatable {
    case all
    case sessions([Int64])
    case participants([String])
}

/// A session with its participant's code.
public struct SessionOverview: Sendable, Equatable {
    public var session: SessionRecord
    public var participantCode: String
}

/// A response with the conditions of its trial and the name and kind of its phase (nil when the
/// presenter recorded no trial or phase row for it).
public struct ResponseWithConditions: Sendable, Equatable {
    public var response: ResponseRecord
    public var conditionsJSON: String?
    public var phaseName: String?
    public var phaseKind: String?
}

/// The reads the Analysis reports need. All run in one read transaction each and never block writers.
extension SessionDatabase {
    /// Sessions with their protocol, monitor profile and safety analysis, oldest first.
    public func sessions(_ selection: SessionSelection) throws -> [SessionOverview] {
        try pool.read { db in
            var sql = "SELECT sessions.*, participants.code AS participant_code FROM sessions JOIN participants ON participants.id = sessions.participant_id"
            var arguments: StatementArguments = []
            switch selection {
            case .all:
                break
            case let .sessions(ids):
                sql += " WHERE sessions.id IN (\(databaseQuestionMarks(count: ids.count)))"
                arguments = StatementArguments(ids)
            case let .participants(codes):
                sql += " WHERE participants.code IN (\(databaseQuestionMarks(count: codes.count)))"
                arguments = StatementArguments(codes)
            }
            sql += " ORDER BY sessions.started_at_utc, sessions.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                SessionOverview(session: try SessionRecord(row: row), participantCode: row["participant_code"])
            }
        }
    }

    /// Phases of a session in protocol order.
    public func phases(sessionID: Int64) throws -> [PhaseRecord] {
        try pool.read { db in
            try PhaseRecord.filter(Column("session_id") == sessionID).order(Column("phase_index")).fetchAll(db)
        }
    }

    /// Trials of a session by phase, then trial index.
    public func trials(sessionID: Int64) throws -> [TrialRecord] {
        try pool.read { db in
            try TrialRecord.filter(Column("session_id") == sessionID)
                .order(Column("phase_index"), Column("trial_index")).fetchAll(db)
        }
    }

    /// Frames of a session in presentation order.
    public func frames(sessionID: Int64) throws -> [FrameRecord] {
        try pool.read { db in
            try FrameRecord.filter(Column("session_id") == sessionID).order(Column("frame_index"), Column("id")).fetchAll(db)
        }
    }

    /// Responses of a session by phase, trial and time, each with its trial's conditions.
    public func responses(sessionID: Int64) throws -> [ResponseWithConditions] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.*, t.conditions_json AS trial_conditions_json, p.name AS phase_name, p.kind AS phase_kind
                FROM responses r
                LEFT JOIN trials t ON t.session_id = r.session_id AND t.phase_index = r.phase_index AND t.trial_index = r.trial_index
                LEFT JOIN phases p ON p.session_id = r.session_id AND p.phase_index = r.phase_index
                WHERE r.session_id = ?
                ORDER BY r.phase_index, r.trial_index, r.id
                """, arguments: [sessionID])
            return try rows.map { row in
                ResponseWithConditions(response: try ResponseRecord(row: row), conditionsJSON: row["trial_conditions_json"],
                                       phaseName: row["phase_name"], phaseKind: row["phase_kind"])
            }
        }
    }

    /// Fixation-task letters of a session in order of onset.
    public func fixationEvents(sessionID: Int64) throws -> [FixationEventRecord] {
        try pool.read { db in
            try FixationEventRecord.filter(Column("session_id") == sessionID).order(Column("onset_flip_s"), Column("id")).fetchAll(db)
        }
    }

    /// Key presses of a session in order of arrival.
    public func keyEvents(sessionID: Int64) throws -> [KeyEventRecord] {
        try pool.read { db in
            try KeyEventRecord.filter(Column("session_id") == sessionID).order(Column("monotonic_s"), Column("id")).fetchAll(db)
        }
    }
}
