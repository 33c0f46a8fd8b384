/// What the adaptation models need from one image: for every oriented unit (spatial-frequency
/// band × orientation) of the V1 model, the mean over receptive-field positions and both phases of
///
/// - `lumEnergy` = ⟨a²⟩, the squared luminance Gabor response,
/// - `colourLum` = ⟨a·c⟩, the product of the luminance response a and the L−M response c of the
///   same filter at the same place, and
/// - `colourEnergy` = ⟨c²⟩, the squared L−M response (the conjunctive units see it too), and
/// - `sLum` = ⟨a·s⟩ and `sEnergy` = ⟨s²⟩, the same for the S−(L+M) response s,
///
/// all in squared contrast units. An image whose L−M pattern is v times its luminance pattern
/// (light bars tinted by v on DKL L−M) has `colourLum = v · lumEnergy` in every unit.
public struct ColourContingency: Sendable, Equatable {
    /// Index `band · orientations + orientation`.
    public var lumEnergy: [Double]
    public var colourLum: [Double]
    /// ⟨c²⟩, the squared L−M Gabor response (squared contrast); all 0 for an achromatic image.
    public var colourEnergy: [Double]
    /// ⟨a·s⟩ and ⟨s²⟩ for the S−(L+M) Gabor response s (squared contrast).
    public var sLum: [Double]
    public var sEnergy: [Double]

    /// Arrays left nil are all 0 (no such colour contrast in the image).
    public init(lumEnergy: [Double], colourLum: [Double], colourEnergy: [Double]? = nil, sLum: [Double]? = nil, sEnergy: [Double]? = nil) {
        let zeros = Array(repeating: 0.0, count: lumEnergy.count)
        precondition([colourLum, colourEnergy ?? zeros, sLum ?? zeros, sEnergy ?? zeros].allSatisfy { $0.count == zeros.count },
                     "one value of each per unit")
        self.lumEnergy = lumEnergy
        self.colourLum = colourLum
        self.colourEnergy = colourEnergy ?? zeros
        self.sLum = sLum ?? zeros
        self.sEnergy = sEnergy ?? zeros
    }

    /// The same statistics with the S−(L+M) channel in the L−M channel's place, so that every
    /// adaptation model adapts, and reads a tint on, the S axis exactly as on the L−M axis.
    public var sAxis: ColourContingency {
        ColourContingency(lumEnergy: lumEnergy, colourLum: sLum, colourEnergy: sEnergy)
    }

    /// All zero (a blank screen at the background colour), for `units` units.
    public static func blank(units: Int) -> ColourContingency {
        ColourContingency(lumEnergy: Array(repeating: 0, count: units), colourLum: Array(repeating: 0, count: units))
    }

    /// Mean squared energy of unit k's two colour–luminance conjunctive units (the `conjunctive`
    /// layer's): ⟨(a ± c)²⟩ = ⟨a²⟩ ± 2⟨ac⟩ + ⟨c²⟩, `plus` for light bars that are reddish (L−M > 0).
    public func conjunctiveEnergy(_ k: Int, plus: Bool) -> Double {
        max(0, lumEnergy[k] + (plus ? 2 : -2) * colourLum[k] + colourEnergy[k])
    }

    public var units: Int { lumEnergy.count }

    /// The statistics of a V1 response.
    public init(_ response: V1Response) {
        var energy: [Double] = [], product: [Double] = [], colour: [Double] = [], sProduct: [Double] = [], sColour: [Double] = []
        for band in response.bands {
            let n = Double(band.positions * 2)
            for i in 0..<band.orientations {
                var aa = 0.0, ca = 0.0, cc = 0.0, sa = 0.0, ss = 0.0
                for phase in 0..<2 {
                    let lum = band.plane(0, i, phase), lm = band.plane(1, i, phase), sPlane = band.plane(2, i, phase)
                    for p in 0..<band.positions {
                        let a = Double(lum[lum.startIndex + p]), c = Double(lm[lm.startIndex + p]), s = Double(sPlane[sPlane.startIndex + p])
                        aa += a * a
                        ca += a * c
                        cc += c * c
                        sa += a * s
                        ss += s * s
                    }
                }
                energy.append(aa / n)
                product.append(ca / n)
                colour.append(cc / n)
                sProduct.append(sa / n)
                sColour.append(ss / n)
            }
        }
        self.init(lumEnergy: energy, colourLum: product, colourEnergy: colour, sLum: sProduct, sEnergy: sColour)
    }

    /// The L−M colour the units read as varying with the luminance pattern (DKL L−M), when each
    /// unit's chromatic response has `weights[k] × a` subtracted: the regression slope over all units
    /// Σ(⟨ac⟩ − w⟨a²⟩) / Σ⟨a²⟩. An unadapted reading (weights 0) of light bars tinted by v gives v.
    /// Nil when the image has no luminance pattern the units see.
    public func perceivedTint(subtracting weights: [Double]) -> Double? {
        perceivedTint(subtracting: weights, readingUnits: 0..<units)
    }

    /// The same reading restricted to the units in `readout` (e.g. one spatial-frequency band's,
    /// `band · orientations ..< (band + 1) · orientations`): Σ over those units only.
    public func perceivedTint(subtracting weights: [Double], readingUnits readout: Range<Int>) -> Double? {
        let total = readout.reduce(0) { $0 + lumEnergy[$1] }
        guard total > 1e-12 else { return nil }
        var numerator = 0.0
        for k in readout { numerator += colourLum[k] - weights[k] * lumEnergy[k] }
        return numerator / total
    }
}
