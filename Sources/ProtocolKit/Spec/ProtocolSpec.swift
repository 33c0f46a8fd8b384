/// A protocol as its author wrote it, after parsing and checking field by field. The timeline
/// compiler turns it into the frame-exact `Timeline` that the presenter plays.
public struct ProtocolSpec: Codable, Sendable, Equatable {
    /// Short identifier, e.g. `mccollough-classic` (letters, digits, `-`, `_`).
    public var name: String
    /// One-line title for screens and reports.
    public var title: String
    /// What the protocol does, written like a methods section.
    public var description: String
    public var authors: [String]
    /// References for the parameters the protocol uses.
    public var citations: [String]
    public var viewing: ViewingConditions
    /// Seed of every random choice the protocol makes (trial order, start values, fixation letters).
    public var seed: UInt64
    /// Colour of blank frames, text screens and the area around stimuli (linear RGB, 0...1 per gun).
    public var backgroundLinearRGB: [Double]
    /// Stimuli defined in the protocol itself, by name, as YAML text in the stimulus language.
    public var inlineStimuli: [String: String]
    public var phases: [PhaseSpec]
    /// When the protocol's tests are to be repeated after the session (multi-session designs), in s
    /// after the end of the first session; e.g. 1 h, 24 h, 7 d. Empty for a single session.
    public var retestAfter: [TimeSpan]
    /// Explicit permission to run although the photosensitive-safety analysis fails.
    public var safetyOverride: SafetyOverride?
}

/// The written permission to run a protocol that breaks the flash thresholds. It is recorded with
/// every session run under it.
public struct SafetyOverride: Codable, Sendable, Equatable {
    /// Why the flashing is needed and what protects participants (screening, consent, supervision).
    public var reason: String
    /// Who approved it (person and/or ethics reference).
    public var approvedBy: String
}

/// The viewing conditions the protocol assumes.
public struct ViewingConditions: Codable, Sendable, Equatable {
    /// Eye-to-screen distance (cm).
    public var distanceCm: Double
    /// The refresh rate the protocol's durations were written for (Hz).
    public var refreshHz: Double
    /// How far the measured refresh rate may differ from `refreshHz` before the run is refused (Hz).
    public var refreshToleranceHz: Double
    /// `standard_srgb`, or a monitor-profile file path relative to the protocol file.
    public var monitor: String
    /// Lowest acceptable white luminance of the monitor (cd/m²); nil when any will do.
    public var minimumWhiteLuminanceCdM2: Double?
}
