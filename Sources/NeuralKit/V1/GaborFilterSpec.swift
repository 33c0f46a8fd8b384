import Foundation
import StimulusKit

/// One Gabor filter of the bank, in the units the participant's stimulus is given in.
public struct GaborFilterSpec: Codable, Sendable, Equatable {
    /// Preferred orientation of the bars (deg, 0 = horizontal, counter-clockwise), 0…180.
    public var orientationDeg: Double
    /// Preferred spatial frequency (cycles/deg).
    public var cpd: Double
    /// Envelope standard deviation across the bars, along the carrier (deg).
    public var sigmaAcrossDeg: Double
    /// Envelope standard deviation along the bars (deg).
    public var sigmaAlongDeg: Double
}

/// How the Gabor bank's filters are chosen.
public enum GaborSampling: Codable, Sendable, Equatable {
    /// Every band has one filter per entry of `orientationsDeg`, at the band's frequency, with a
    /// circular envelope of σ = `envelopeSigmaDeg(cpd:)`.
    case regularGrid
    /// VOneNet-like (Dapello et al. 2020): each band has as many filters as `orientationsDeg` has
    /// entries, their orientation, frequency and envelope drawn from the neuronal distributions of
    /// `VOneNetDistributions`, with a `SeededGenerator` seeded by `seed` (the same seed gives the same bank).
    case vonenet(seed: UInt64)
}

extension V1Configuration {
    /// The regular grid's filters at `cpd`: one per entry of `orientationsDeg`, circular σ.
    func regularGridFilters(cpd: Double) -> [GaborFilterSpec] {
        let sigma = envelopeSigmaDeg(cpd: cpd)
        return orientationsDeg.map { GaborFilterSpec(orientationDeg: $0, cpd: cpd, sigmaAcrossDeg: sigma, sigmaAlongDeg: sigma) }
    }

    /// The filters of the band at `spatialFrequenciesCpd[band]`.
    public func filters(band: Int) -> [GaborFilterSpec] {
        let cpd = spatialFrequenciesCpd[band]
        switch sampling {
        case .regularGrid:
            return regularGridFilters(cpd: cpd)
        case .vonenet(let seed):
            // One stream per band, so that adding a band leaves the others' filters as they were.
            var random = SeededGenerator(seed: seed &+ UInt64(band) &* 0x9E37_79B9_7F4A_7C15)
            let octave = (cpd / 2.0.squareRoot())...(cpd * 2.0.squareRoot())
            return (0..<orientationsDeg.count).map { _ in VOneNetDistributions.draw(&random, cpdWithin: octave) }
        }
    }
}
