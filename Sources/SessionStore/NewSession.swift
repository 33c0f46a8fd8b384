/// What a presenter knows when a session starts, before the first frame.
public struct NewSession: Sendable {
    public var participantCode: String
    public var protocolName: String
    /// The protocol file's full text; its SHA-256 is computed and stored beside it.
    public var protocolText: String
    /// The monitor profile in use (JSON).
    public var monitorProfileJSON: String
    public var softwareVersion: String
    /// Refresh rate the protocol expects (Hz).
    public var expectedRefreshHz: Double?
    /// Refresh rate measured at start (Hz).
    public var measuredRefreshHz: Double?
    /// The protocol's photosensitive-safety analysis (JSON).
    public var safetyAnalysisJSON: String
    /// The researcher's reason for running despite a failed safety check, if they did.
    public var safetyOverrideReason: String?
    public var notes: String?

    public init(
        participantCode: String, protocolName: String, protocolText: String, monitorProfileJSON: String,
        softwareVersion: String, expectedRefreshHz: Double? = nil, measuredRefreshHz: Double? = nil,
        safetyAnalysisJSON: String, safetyOverrideReason: String? = nil, notes: String? = nil
    ) {
        self.participantCode = participantCode
        self.protocolName = protocolName
        self.protocolText = protocolText
        self.monitorProfileJSON = monitorProfileJSON
        self.softwareVersion = softwareVersion
        self.expectedRefreshHz = expectedRefreshHz
        self.measuredRefreshHz = measuredRefreshHz
        self.safetyAnalysisJSON = safetyAnalysisJSON
        self.safetyOverrideReason = safetyOverrideReason
        self.notes = notes
    }
}
