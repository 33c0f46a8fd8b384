import GRDB

/// A colour measured during a session and used by later phases: the isoluminant green a
/// flicker-photometry phase set, which stimuli written `from_flicker_photometry` were shown in.
public struct DerivedColourRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "derived_colours"

    public var id: Int64?
    public var sessionId: Int64
    /// The flicker-photometry phase that measured it.
    public var phaseIndex: Int
    /// The phase's `result_name`.
    public var resultName: String
    /// Mean green gain of the phase's settings (multiplier of its `green_linear_rgb`).
    public var greenGain: Double
    /// The colour used (linear RGB, 0…1 per gun) = `green_linear_rgb` × `greenGain`.
    public var linearRGB: [Double]
    /// The stimuli that were made again in this colour.
    public var stimuli: [String]

    public init(id: Int64? = nil, sessionId: Int64, phaseIndex: Int, resultName: String, greenGain: Double,
                linearRGB: [Double], stimuli: [String]) {
        self.id = id; self.sessionId = sessionId; self.phaseIndex = phaseIndex; self.resultName = resultName
        self.greenGain = greenGain; self.linearRGB = linearRGB; self.stimuli = stimuli
    }

    enum CodingKeys: String, CodingKey {
        case id, sessionId = "session_id", phaseIndex = "phase_index", resultName = "result_name"
        case greenGain = "green_gain", linearRGB = "linear_rgb_json", stimuli = "stimuli_json"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
