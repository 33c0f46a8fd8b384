import GRDB

/// The life of a session. A session is `running` while a presenter records it; a crash leaves it
/// `running`, and the next open of the database turns it `interrupted`.
public enum SessionStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case running, completed, aborted, interrupted
}

/// The state of one phase of a session.
public enum PhaseStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case running, completed, aborted
}

/// The state of one trial: `planned` when the presenter lays out the phase, `running` from the
/// stimulus onset, `completed` once its response is recorded, `aborted` when the session stopped
/// during it.
public enum TrialStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case planned, running, completed, aborted
}

/// Signal-detection outcome of one fixation-task letter.
public enum FixationOutcome: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// A target letter answered in time.
    case hit
    /// A target letter not answered.
    case miss
    /// A key press on a non-target letter.
    case falseAlarm = "false_alarm"
    /// A non-target letter correctly left alone.
    case correctRejection = "correct_rejection"
}
