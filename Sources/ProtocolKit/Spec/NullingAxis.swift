/// The colour axes along which a participant can null a test, named as in StimulusKit's DKL
/// colour space (Derrington, Krauskopf & Lennie 1984) around the protocol's background.
///
/// Values are DKL contrast units: 0 is the background; ±1 is the axis's nominal extent as
/// StimulusKit's DKL conversion defines it (the presenter converts through the monitor profile,
/// and a value out of the monitor's gamut is refused there).
public enum NullingAxis: String, Codable, Sendable, CaseIterable {
    /// L−M (red–green, constant S and luminance). Positive = more L (reddish).
    case dklLM = "dkl_lm"
    /// S−(L+M) (violet–yellowish, constant L−M and luminance). Positive = more S (violet).
    case dklS = "dkl_s"
    /// Luminance (L+M), at constant chromaticity. Positive = brighter.
    case dklLum = "dkl_lum"
}
