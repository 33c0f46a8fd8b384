/// What the decorrelation model needs from one image: for every oriented unit (spatial-frequency
/// band × orientation) of the V1 model, the mean over receptive-field positions and both phases of
///
/// - `lumEnergy` = ⟨a²⟩, the squared luminance Gabor response, and
/// - `colourLum` = ⟨a·c⟩, the product of the luminance response a and the L−M response c of the
///   same filter at the same place,
///
/// both in squared contrast units. An image whose L−M pattern is v times its luminance pattern
/// (light bars tinted by v on DKL L−M) has `colourLum = v · lumEnergy` in every unit.
public struct ColourContingency: Sendable, Equatable {
    /// Index `band · orientations + orientation`.
    public var lumEnergy: [Double]
    public var colourLum: [Double]

    public init(lumEnergy: [Double], colourLum: [Double]) {
        precondition(lumEnergy.count == colourLum.count, "one value of each per unit")
        self.lumEnergy = lumEnergy
        self.colourLum = colourLum
    }

    /// All zero (a blank screen at the background colour), for `units` units.
    public static func blank(units: Int) -> ColourContingency {
        ColourContingency(lumEnergy: Array(repeating: 0, count: units), colourLum: Array(repeating: 0, count: units))
    }

    public var units: Int { lumEnergy.count }

    /// The statistics of a V1 response.
    public init(_ response: V1Response) {
        var energy: [Double] = [], product: [Double] = []
        for band in response.bands {
            let n = Double(band.positions * 2)
            for i in 0..<band.orientations {
                var aa = 0.0, ca = 0.0
                for phase in 0..<2 {
                    for (a, c) in zip(band.plane(0, i, phase), band.plane(1, i, phase)) {
                        aa += Double(a * a)
                        ca += Double(a * c)
                    }
                }
                energy.append(aa / n)
                product.append(ca / n)
            }
        }
        self.init(lumEnergy: energy, colourLum: product)
    }

    /// The L−M colour the units read as varying with the luminance pattern (DKL L−M), when each
    /// unit's chromatic response has `weights[k] × a` subtracted: the regression slope over all units
    /// Σ(⟨ac⟩ − w⟨a²⟩) / Σ⟨a²⟩. An unadapted reading (weights 0) of light bars tinted by v gives v.
    /// Nil when the image has no luminance pattern the units see.
    public func perceivedTint(subtracting weights: [Double]) -> Double? {
        let total = lumEnergy.reduce(0, +)
        guard total > 1e-12 else { return nil }
        var numerator = 0.0
        for k in 0..<units { numerator += colourLum[k] - weights[k] * lumEnergy[k] }
        return numerator / total
    }
}
