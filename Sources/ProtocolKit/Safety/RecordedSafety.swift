/// The safety analysis as a session records it: every field of the report plus its `verdict`
/// (safe, overridden or refused), which the report itself only computes.
public struct RecordedSafety: Encodable, Sendable {
    public let report: SafetyReport

    public init(_ report: SafetyReport) { self.report = report }

    private enum Keys: String, CodingKey { case verdict }

    public func encode(to encoder: Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(report.verdict, forKey: .verdict)
    }
}
