/// Heterochromatic flicker photometry: a small disc alternates between a fixed red and an
/// adjustable green at `frequencyHz`; the participant scales the green's intensity until the
/// flicker is least visible. The mean setting is recorded under `resultName` as the green gain
/// (multiplier of `greenLinearRGB`) that is isoluminant with the red for this participant.
public struct FlickerPhotometrySpec: Codable, Sendable, Equatable {
    public var name: String
    /// Diameter of the flickering disc (deg). Keep ≤ 5°: saturated red flickering above 3 Hz
    /// over a larger field is a red flash (see docs/PROTOCOLS.md, safety).
    public var fieldDiameterDeg: Double
    /// Full red–green cycles per second (Hz); 15–20 Hz is usual.
    public var frequencyHz: Double
    /// The fixed red (linear RGB, 0...1 per gun).
    public var redLinearRGB: [Double]
    /// The adjustable green at gain 1 (linear RGB, 0...1 per gun).
    public var greenLinearRGB: [Double]
    /// Number of settings; their start gains are drawn uniformly from `startGainRange`.
    public var settings: Int
    public var startGainRange: [Double]
    /// Gain change per coarse and fine key press.
    public var coarseStep: Double
    public var fineStep: Double
    /// Name under which the mean green gain is recorded for later phases and reports.
    public var resultName: String
    public var keys: NullingKeys
}
