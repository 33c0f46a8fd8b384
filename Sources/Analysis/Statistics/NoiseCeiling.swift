import Foundation

/// How well the group's data can be explained at all, given how much participants disagree:
/// leave-one-participant-out reliability. Each participant's condition means are correlated
/// (Spearman's ρ, the same measure the model is scored with) with the mean of all the others; the
/// mean of these ρ is the ceiling a model's ρ with the group mean can be compared with (Nili et al.
/// 2014 give the same construction for RDMs: their lower bound).
public struct NoiseCeiling: Sendable, Equatable {
    /// Each participant's ρ with the mean of the others, in input order; nil where a ranking is constant.
    public var perParticipant: [Double?]
    /// Mean of the defined ρ (dimensionless, −1…1).
    public var mean: Double
    /// Smallest and largest ρ.
    public var lowest: Double
    public var highest: Double

    /// `participants[i][c]`: participant i's value for condition c. Nil with fewer than two
    /// participants or when no participant's ρ is defined.
    public init?(participants: [[Double]]) {
        guard participants.count >= 2 else { return nil }
        perParticipant = participants.indices.map { i in
            let others = participants.indices.filter { $0 != i }.map { participants[$0] }
            return SpearmanCorrelation.rho(participants[i], BootstrapCorrelation.groupMean(others))
        }
        let defined = perParticipant.compactMap { $0 }
        guard let mean = Descriptive.mean(defined), let lowest = defined.min(), let highest = defined.max() else { return nil }
        self.mean = mean
        self.lowest = lowest
        self.highest = highest
    }
}
