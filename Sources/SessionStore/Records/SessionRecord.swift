import Foundation
import GRDB

/// One session: a participant running one protocol once, with everything needed to judge it later
/// (the exact protocol text and its hash, the monitor profile, the safety analysis).
public struct SessionRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sessions"

    public var id: Int64?
    public var participantId: Int64
    /// The protocol's name as written in the protocol file.
    public var protocolName: String
    /// The protocol file's full text, byte for byte as run.
    public var protocolText: String
    /// Lower-case hex SHA-256 of `protocolText` (UTF-8).
    public var protocolSHA256: String
    /// The monitor profile used (JSON).
    public var monitorProfileJSON: String
    /// The stimgen version that recorded the session.
    public var softwareVersion: String
    /// Refresh rate the protocol expects (Hz), if it states one.
    public var expectedRefreshHz: Double?
    /// Refresh rate measured at session start (Hz).
    public var measuredRefreshHz: Double?
    /// The photosensitive-safety analysis of the protocol (JSON).
    public var safetyAnalysisJSON: String
    /// Why the researcher overrode a safety verdict, when they did.
    public var safetyOverrideReason: String?
    public var status: SessionStatus
    /// Wall-clock start (UTC).
    public var startedAt: Date
    /// Wall-clock end (UTC), set when the session completes or is aborted.
    public var endedAt: Date?
    /// How many times the session was resumed after an interruption or abort.
    public var resumeCount: Int
    /// Token of the lock file held by the live process recording the session (see `SessionOwnerLock`).
    public var ownerToken: String?
    public var notes: String?

    enum CodingKeys: String, CodingKey {
        case id, participantId = "participant_id", protocolName = "protocol_name"
        case protocolText = "protocol_text", protocolSHA256 = "protocol_sha256"
        case monitorProfileJSON = "monitor_profile_json", softwareVersion = "software_version"
        case expectedRefreshHz = "expected_refresh_hz", measuredRefreshHz = "measured_refresh_hz"
        case safetyAnalysisJSON = "safety_analysis_json", safetyOverrideReason = "safety_override_reason"
        case status, startedAt = "started_at_utc", endedAt = "ended_at_utc"
        case resumeCount = "resume_count", ownerToken = "owner_token", notes
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
