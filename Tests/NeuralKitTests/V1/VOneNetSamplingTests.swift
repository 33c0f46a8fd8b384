import Foundation
import StimulusKit
import Testing
@testable import NeuralKit

/// VOneNet-like sampling of the Gabor bank: the drawn parameters follow the published histograms
/// (De Valois et al. 1982; Ringach 2002, as tabulated in VOneNet's params.py) within sampling error,
/// and a seed fixes the bank.
@Suite struct VOneNetSamplingTests {
    static let draws = 20_000

    static func sample(seed: UInt64 = 7) -> [GaborFilterSpec] {
        var random = SeededGenerator(seed: seed)
        return (0..<draws).map { _ in VOneNetDistributions.draw(&random, cpdWithin: 0.5...11.2) }
    }

    /// Every bin's share of the draws lies within 4 binomial standard errors of the histogram's share.
    static func expectShares(_ values: [Double], edges: [Double], counts: [Double], _ name: String) {
        let total = counts.reduce(0, +)
        for i in counts.indices {
            let expected = counts[i] / total
            let observed = Double(values.filter { $0 >= edges[i] && $0 < edges[i + 1] }.count) / Double(values.count)
            let error = 4 * (expected * (1 - expected) / Double(values.count)).squareRoot()
            #expect(abs(observed - expected) <= max(error, 1e-9), "\(name) bin \(i): \(observed) vs \(expected)")
        }
    }

    @Test func orientationsFollowDeValoisYundHepler1982() {
        // Bins centred on 0°, 45°, 90°, 135° with counts 66, 49, 77, 54; the 0° bin wraps around 180°.
        let wrapped = Self.sample().map { $0.orientationDeg >= 157.5 ? $0.orientationDeg - 180 : $0.orientationDeg }
        #expect(Self.sample().allSatisfy { (0..<180).contains($0.orientationDeg) })
        Self.expectShares(wrapped, edges: [-22.5, 22.5, 67.5, 112.5, 157.5], counts: [66, 49, 77, 54], "orientation")
    }

    @Test func frequenciesFollowDeValoisAlbrechtThorell1982() {
        Self.expectShares(Self.sample().map(\.cpd), edges: [0.5, 0.7, 1.0, 1.4, 2.0, 2.8, 4.0, 5.6, 8, 11.2],
                          counts: [4, 4, 8, 25, 32, 26, 28, 12, 8], "frequency")
    }

    @Test func envelopeSizesFollowRingach2002() {
        // n_x = σ_across · f: marginal counts 3, 22, 42, 12, 0 over bins 10^(−1 + 0.24 i).
        let edges = (0...5).map { pow(10, -1 + 0.24 * Double($0)) }
        let filters = Self.sample()
        Self.expectShares(filters.map { $0.sigmaAcrossDeg * $0.cpd }, edges: edges, counts: [3, 22, 42, 12, 0], "n_x")
        // n_y given n_x in the third bin: counts 1, 2, 19, 17, 3.
        let third = filters.filter { ($0.sigmaAcrossDeg * $0.cpd) >= edges[2] && ($0.sigmaAcrossDeg * $0.cpd) < edges[3] }
        Self.expectShares(third.map { $0.sigmaAlongDeg * $0.cpd }, edges: edges, counts: [1, 2, 19, 17, 3], "n_y | n_x")
    }

    @Test func aBandsFrequenciesStayInItsOctaveAndTheSeedFixesTheBank() throws {
        let c = V1Configuration(fieldDeg: 4, pixelsPerDegree: 24, sampling: .vonenet(seed: 3))
        try c.validate()
        for (band, cpd) in c.spatialFrequenciesCpd.enumerated() {
            let filters = c.filters(band: band)
            #expect(filters.count == c.orientationsDeg.count)
            #expect(filters.allSatisfy { $0.cpd >= cpd / 2.0.squareRoot() && $0.cpd <= cpd * 2.0.squareRoot() }, "\(cpd) cpd")
        }
        let again = GaborBank(cpd: 1.5, configuration: c)
        #expect(GaborBank(cpd: 1.5, configuration: c).weights.data == again.weights.data)
        var other = c
        other.sampling = .vonenet(seed: 4)
        #expect(other.filters(band: 1) != c.filters(band: 1))
        // The regular grid is still the default, and the same filters as before: circular envelopes.
        let grid = V1Configuration(fieldDeg: 4, pixelsPerDegree: 24)
        #expect(grid.sampling == .regularGrid)
        #expect(grid.filters(band: 1).map(\.orientationDeg) == grid.orientationsDeg)
    }

    @Test func aSampledBankGivesAGratingItsContrastAtEachFiltersOwnTuning() throws {
        // Each filter is normalised so that a full-contrast grating at its own orientation and
        // frequency, in its own phase, gives 1 at the kernel's centre.
        let c = V1Configuration(fieldDeg: 4, pixelsPerDegree: 24, sampling: .vonenet(seed: 11))
        let bank = GaborBank(cpd: 3, configuration: c)
        let filter = c.filters(band: 2)[0]
        let n = bank.size * bank.size, half = Double(bank.size / 2)
        let theta = filter.orientationDeg * Double.pi / 180, f = filter.cpd / c.pixelsPerDegree
        var response = 0.0
        for row in 0..<bank.size {
            for col in 0..<bank.size {
                let x = Double(col) - half, y = half - Double(row)
                response += Double(bank.weights.data[row * bank.size + col]) * cos(2 * Double.pi * f * (-sin(theta) * x + cos(theta) * y))
            }
        }
        #expect(bank.weights.data.count == c.orientationsDeg.count * 2 * n)
        #expect(abs(response - 1) < 1e-3)
    }
}
