/// The colour axes along which a participant can null a test, named as in StimulusKit's DKL
/// colour space (Derrington, Krauskopf & Lennie 1984) around the protocol's background.
///
/// Values are DKL cone-contrast units as StimulusKit's `ConeSpace` defines them: 0 is the
/// background; on `dkl_lm` a value is the L-cone contrast (M moving the other way, luminance fixed),
/// on `dkl_s` the S-cone contrast, on `dkl_lum` the luminance contrast. On a mid-grey sRGB background
/// the monitor's gamut allows about ±0.073 on `dkl_lm`; the presenter converts through the monitor
/// profile and refuses values out of gamut.
public enum NullingAxis: String, Codable, Sendable, CaseIterable {
    /// L−M (red–green, constant S and luminance). Positive = more L (reddish).
    case dklLM = "dkl_lm"
    /// S−(L+M) (violet–yellowish, constant L−M and luminance). Positive = more S (violet).
    case dklS = "dkl_s"
    /// Luminance (L+M), at constant chromaticity. Positive = brighter.
    case dklLum = "dkl_lum"
}
