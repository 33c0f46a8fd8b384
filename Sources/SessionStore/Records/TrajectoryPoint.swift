/// One step of an adjustment: the value the participant had set at time `tS`.
public struct TrajectoryPoint: Codable, Sendable, Equatable {
    /// Time since the stimulus-onset flip (s).
    public var tS: Double
    /// The adjusted value, in the response's `valueUnit`.
    public var value: Double

    public init(tS: Double, value: Double) {
        self.tS = tS
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case tS = "t_s", value
    }
}
