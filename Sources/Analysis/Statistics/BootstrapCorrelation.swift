import Foundation
import StimulusKit

/// Spearman's ρ between a model's prediction and a group's mean, with a percentile bootstrap
/// confidence interval that resamples participants with replacement (Efron & Tibshirani 1993, ch. 13).
public enum BootstrapCorrelation {
    /// ρ(`prediction`, mean over `participants`), where each participant gives one value per condition
    /// in the order of `prediction`. The interval: `resamples` draws of as many participants as there
    /// are, with replacement, from a `SeededGenerator` seeded with `seed`; each draw's group mean is
    /// correlated with the prediction, and the `level` interval is the central span of those ρ (draws
    /// whose ranking is constant give no ρ and are left out). Nil when the point estimate is undefined
    /// (fewer than two conditions or a constant ranking).
    public static func spearman(prediction: [Double], participants: [[Double]], resamples: Int = 2000,
                                level: Double = 0.95, seed: UInt64 = 1) -> Estimate? {
        precondition(participants.allSatisfy { $0.count == prediction.count }, "one value per condition for every participant")
        guard !participants.isEmpty, let rho = SpearmanCorrelation.rho(prediction, groupMean(participants)) else { return nil }
        var random = SeededGenerator(seed: seed)
        var draws: [Double] = []
        draws.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let sample = participants.indices.map { _ in participants[random.index(below: participants.count)] }
            if let r = SpearmanCorrelation.rho(prediction, groupMean(sample)) { draws.append(r) }
        }
        guard !draws.isEmpty else { return Estimate(value: rho, lower: -.infinity, upper: .infinity, level: level) }
        draws.sort()
        func quantile(_ q: Double) -> Double { draws[Int((q * Double(draws.count - 1)).rounded())] }
        return Estimate(value: rho, lower: quantile((1 - level) / 2), upper: quantile((1 + level) / 2), level: level)
    }

    /// The mean over participants of each condition's value.
    static func groupMean(_ participants: [[Double]]) -> [Double] {
        participants[0].indices.map { c in participants.reduce(0) { $0 + $1[c] } / Double(participants.count) }
    }
}
