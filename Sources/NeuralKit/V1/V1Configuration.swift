import Foundation

/// Every parameter of the built-in V1 model, with its unit and default. docs/V1_MODEL.md gives the
/// source of each default.
public struct V1Configuration: Codable, Sendable, Equatable {
    /// Visual angle the model's square input spans (deg). VOneNet: 8° over 224 px.
    public var fieldDeg: Double
    /// Input resolution (px/deg). VOneNet: 28 px/deg.
    public var pixelsPerDegree: Double
    /// Preferred orientations of the Gabor bank (deg; 0 = horizontal bars, 90 = vertical, counter-
    /// clockwise, as StimulusKit's `orientation_deg`).
    public var orientationsDeg: [Double]
    /// Preferred spatial frequencies (cycles/deg), one band each.
    public var spatialFrequenciesCpd: [Double]
    /// Full spatial-frequency bandwidth at half height (octaves); sets each Gabor's envelope σ.
    public var bandwidthOctaves: Double
    /// Kernel half-width in envelope standard deviations (the Gaussian is cut there).
    public var kernelExtentSigmas: Double
    /// Spacing of the units' receptive-field centres in envelope standard deviations.
    public var strideSigmas: Double
    /// Semi-saturation constant of the divisive normalisation (contrast, 0…1).
    public var normalizationSemisaturation: Double
    /// How each band's filters are chosen: the regular grid of `orientationsDeg`, or VOneNet-like
    /// sampling from neuronal distributions (`orientationsDeg.count` filters per band).
    public var sampling: GaborSampling

    public init(fieldDeg: Double = 8, pixelsPerDegree: Double = 28,
                orientationsDeg: [Double] = (0..<8).map { Double($0) * 22.5 },
                spatialFrequenciesCpd: [Double] = [0.75, 1.5, 3, 6], bandwidthOctaves: Double = 1.4,
                kernelExtentSigmas: Double = 3, strideSigmas: Double = 0.5, normalizationSemisaturation: Double = 0.05,
                sampling: GaborSampling = .regularGrid) {
        self.fieldDeg = fieldDeg
        self.pixelsPerDegree = pixelsPerDegree
        self.orientationsDeg = orientationsDeg
        self.spatialFrequenciesCpd = spatialFrequenciesCpd
        self.bandwidthOctaves = bandwidthOctaves
        self.kernelExtentSigmas = kernelExtentSigmas
        self.strideSigmas = strideSigmas
        self.normalizationSemisaturation = normalizationSemisaturation
        self.sampling = sampling
    }

    /// Side of the square input (px): `fieldDeg × pixelsPerDegree`, rounded.
    public var inputSizePx: Int { Int((fieldDeg * pixelsPerDegree).rounded()) }

    /// Gaussian envelope σ (deg) of a Gabor at `cpd` with this bandwidth:
    /// σ = √(ln 2 / 2) / (π f) · (2ᵇ + 1) / (2ᵇ − 1)  (the standard Gabor bandwidth relation).
    public func envelopeSigmaDeg(cpd: Double) -> Double {
        let b = pow(2, bandwidthOctaves)
        return (log(2) / 2).squareRoot() / (Double.pi * cpd) * (b + 1) / (b - 1)
    }

    /// Checks every parameter; the error names the field and what is allowed.
    public func validate() throws {
        func require(_ ok: Bool, _ field: String, _ rule: String) throws {
            if !ok { throw NeuralError("V1 model parameter \(field): \(rule)") }
        }
        try require(fieldDeg > 0 && fieldDeg.isFinite, "field_deg", "must be > 0 deg, got \(fieldDeg)")
        try require(pixelsPerDegree > 0 && pixelsPerDegree.isFinite, "pixels_per_degree", "must be > 0 px/deg, got \(pixelsPerDegree)")
        try require(!orientationsDeg.isEmpty && orientationsDeg.allSatisfy(\.isFinite), "orientations_deg", "needs at least one finite angle")
        try require(!spatialFrequenciesCpd.isEmpty, "spatial_frequencies_cpd", "needs at least one frequency")
        let nyquist = pixelsPerDegree / 2
        for f in spatialFrequenciesCpd {
            try require(f > 0 && f < nyquist, "spatial_frequencies_cpd",
                        "\(f) cpd must lie in (0, \(nyquist)) cpd, the Nyquist limit of \(pixelsPerDegree) px/deg")
        }
        try require(bandwidthOctaves > 0 && bandwidthOctaves.isFinite, "bandwidth_octaves", "must be > 0 octaves, got \(bandwidthOctaves)")
        try require(kernelExtentSigmas >= 1, "kernel_extent_sigmas", "must be ≥ 1, got \(kernelExtentSigmas)")
        try require(strideSigmas > 0, "stride_sigmas", "must be > 0, got \(strideSigmas)")
        try require(normalizationSemisaturation > 0, "normalization_semisaturation", "must be > 0, got \(normalizationSemisaturation)")
        if case .vonenet = sampling {
            let (low, high) = (VOneNetDistributions.frequencyEdgesCpd.first!, VOneNetDistributions.frequencyEdgesCpd.last!)
            for f in spatialFrequenciesCpd {
                try require(f * 2.0.squareRoot() > low && f / 2.0.squareRoot() < high, "spatial_frequencies_cpd",
                            "\(f) cpd: VOneNet sampling draws frequencies within a band's octave from De Valois et al.'s \(low)–\(high) cpd; this octave lies outside")
            }
            return  // sampled kernels larger than the input are cut at its size (GaborBank)
        }
        for f in spatialFrequenciesCpd {
            let k = GaborBank.kernelSize(sigmaPx: envelopeSigmaDeg(cpd: f) * pixelsPerDegree, extent: kernelExtentSigmas)
            try require(k <= inputSizePx, "field_deg",
                        "the \(f) cpd Gabor needs a \(k) px kernel, larger than the \(inputSizePx) px input; widen the field or drop that frequency")
        }
    }
}
