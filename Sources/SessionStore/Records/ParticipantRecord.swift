import Foundation
import GRDB

/// A participant, known by the code the researcher gives (never a name).
public struct ParticipantRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "participants"

    public var id: Int64?
    /// The researcher's participant code, unique in the database.
    public var code: String
    /// When the participant was first recorded (UTC).
    public var createdAt: Date
    public var notes: String?

    public init(id: Int64? = nil, code: String, createdAt: Date = Date(), notes: String? = nil) {
        self.id = id
        self.code = code
        self.createdAt = createdAt
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case id, code, createdAt = "created_at_utc", notes
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
