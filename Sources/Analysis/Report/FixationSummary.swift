/// The fixation task's outcome counts.
public struct FixationSummary: Sendable, Equatable {
    public var hits: Int
    public var misses: Int
    public var falseAlarms: Int
    public var correctRejections: Int

    /// hits / (hits + misses); `nil` without targets.
    public var hitRate: Double? { hits + misses > 0 ? Double(hits) / Double(hits + misses) : nil }

    public init(events: [SessionData.FixationEvent]) {
        func count(_ outcome: SessionData.FixationEvent.Outcome) -> Int { events.filter { $0.outcome == outcome }.count }
        hits = count(.hit)
        misses = count(.miss)
        falseAlarms = count(.falseAlarm)
        correctRejections = count(.correctRejection)
    }
}
