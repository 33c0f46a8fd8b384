/// Everything a report shows about one session, computed from its recorded data.
public struct SessionAnalysis: Sendable, Equatable {
    public var session: SessionData
    public var timing: TimingSummary
    /// `nil` when the session has no fixation events.
    public var fixation: FixationSummary?
    public var nulling: NullingSummary?
    public var forcedChoice: ForcedChoiceSummary?
    public var staircases: StaircaseSummary?
    /// `nil` when the session has no illusion PSE responses.
    public var illusionPSE: IllusionPSESummary?
    public var monitorProfile: JSONOverview
    public var safety: JSONOverview

    public init(session: SessionData, options: ReportOptions = ReportOptions()) {
        self.session = session
        timing = TimingSummary(session: session, worstCount: options.worstIntervalCount)
        fixation = session.fixationEvents.isEmpty ? nil : FixationSummary(events: session.fixationEvents)
        nulling = NullingSummary(session: session, options: options)
        forcedChoice = ForcedChoiceSummary(session: session, options: options)
        staircases = StaircaseSummary(session: session, options: options)
        illusionPSE = IllusionPSESummary(session: session, options: options)
        monitorProfile = JSONOverview(session.monitorProfileJSON)
        safety = JSONOverview(session.safetyAnalysisJSON)
    }

    /// The safety verdict as recorded (the analysis's `verdict`, `passes` or `passed` field).
    public var safetyVerdict: String? {
        safety.value("verdict") ?? safety.value("passes").map { $0 == "true" ? "pass" : "fail" }
            ?? safety.value("passed").map { $0 == "true" ? "pass" : "fail" }
    }
}
