/// The photosensitive-safety analysis of a compiled timeline. Codable: the session store records it
/// (with the protocol's override, if any) with every session run under the protocol.
public struct SafetyReport: Codable, Sendable, Equatable {
    /// The analysis grid: columns × rows of cells about `cellDeg` wide at the screen centre.
    public var gridColumns: Int
    public var gridRows: Int
    public var cellDeg: Double
    /// The viewing distance and screen the solid angles were computed for.
    public var distanceCm: Double
    public var screenWidthCm: Double
    public var refreshHz: Double
    /// Flash figures of each timed phase (participant-paced gaps between phases are not flashes).
    public var phases: [PhaseFlashes]
    /// Stimuli that break the Harding pattern rule (warnings for the consent screen).
    public var patternWarnings: [PatternFinding]
    public var override: SafetyOverride?

    public struct PhaseFlashes: Codable, Sendable, Equatable {
        public var phase: String
        public var findings: FlashFindings
        /// How the phase's frames were modelled, e.g. "test stimuli shown 1 s where the participant decides".
        public var assumption: String?
    }

    /// True when every phase keeps within the flash thresholds.
    public var passesFlashThresholds: Bool { phases.allSatisfy(\.findings.passes) }

    public enum Verdict: String, Codable, Sendable {
        /// Within the thresholds.
        case safe
        /// Breaks the thresholds, and the protocol carries a written override: it may run, and the
        /// override is recorded.
        case overridden
        /// Breaks the thresholds without an override: `validate` and `run` refuse it.
        case refused
    }

    public var verdict: Verdict {
        if passesFlashThresholds { return .safe }
        return override == nil ? .refused : .overridden
    }

    /// Lines for the consent screen: one per pattern warning, plus the override when there is one.
    public var consentWarnings: [String] {
        var lines = patternWarnings.map { finding in
            "'\(finding.stimulus)' is a high-contrast striped pattern (\(finding.lightDarkPairs) light–dark pairs, brightest stripe \(Int(finding.brightestCdM2.rounded())) cd/m²) over a large part of the screen. Such patterns can trigger seizures in people with photosensitive epilepsy."
        }
        if verdict == .overridden, let override {
            lines.append("This session flashes beyond the usual safety limits (approved by \(override.approvedBy): \(override.reason)).")
        }
        return lines
    }
}
