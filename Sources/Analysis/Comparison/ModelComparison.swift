import Foundation
import NeuralKit

/// A model's predictions set beside the participants' aftereffects, per layer: Spearman's ρ between
/// the predicted and the observed shift per test condition with a bootstrap 95% CI over participants,
/// the leave-one-participant-out noise ceiling, and, where forced-choice data cover at least three
/// test conditions, the rank correlation of the model's and the humans' dissimilarity matrices.
public struct ModelComparison: Sendable {
    /// One layer's predictions and scores.
    public struct Layer: Sendable, Equatable {
        public var name: String
        /// Predicted shift of the nulling setting per condition (unit of the settings, DKL L−M):
        /// the predicted null after adaptation minus the one before it.
        public var predicted: [Double]
        /// Spearman's ρ with the group-mean shift, with its bootstrap CI; nil when a ranking is constant.
        public var spearman: Estimate?
        /// ρ / the noise ceiling's mean; nil without a ceiling.
        public var ceilingNormalized: Double?
        /// Spearman's ρ between the upper triangles of the model's and the humans' RDMs (|difference|
        /// of predicted shifts; |difference| of forced-choice proportion correct); nil without such data.
        public var rdmSpearman: Double?
    }

    /// Trial-condition key the conditions are values of (e.g. `orientation_deg`).
    public var conditionKey: String
    /// Unit of the nulling settings.
    public var unit: String
    /// The test conditions compared, ascending.
    public var conditions: [Double]
    /// Participants with a shift for every compared condition, and those left out for lacking one.
    public var participantCodes: [String]
    public var leftOut: [String]
    /// `observed[p][c]`: participant p's shift for condition c.
    public var observed: [[Double]]
    /// Mean over participants per condition.
    public var groupMean: [Double]
    public var ceiling: NoiseCeiling?
    public var layers: [Layer]
    /// Conditions with forced-choice data after adaptation (the RDM comparison needs at least three).
    public var forcedChoiceConditions: [Double]
    /// Number of bootstrap resamples and their seed.
    public var resamples: Int
    public var seed: UInt64

    /// The layer with the highest ρ.
    public var best: Layer? {
        layers.filter { $0.spearman != nil }.max { $0.spearman!.value < $1.spearman!.value }
    }

    /// Compares `predictions` (one table per layer, of the protocol the sessions ran) with `sessions`.
    /// - Throws: `ComparisonError` when no participant has a before/after shift or when the
    ///   prediction and the data share fewer than two conditions.
    public init(sessions: [SessionData], predictions: [PredictionTable], options: ReportOptions = ReportOptions(),
                databasePath: String, resamples: Int = 2000, seed: UInt64 = 1) throws {
        let effects = ObservedEffects(sessions: sessions, options: options)
        conditionKey = options.conditionKey
        guard !effects.participants.isEmpty else { throw ComparisonError.noObservedEffects(path: databasePath, conditionKey: conditionKey) }
        let shifts = predictions.map(Self.predictedShifts)
        let predictedConditions = Set(shifts.first.map { Array($0.keys) } ?? [])
        let conditions = effects.conditions.filter { predictedConditions.contains($0) }
        self.conditions = conditions
        guard conditions.count >= 2 else {
            throw ComparisonError.tooFewSharedConditions(observed: effects.conditions, predicted: predictedConditions.sorted(), conditionKey: conditionKey)
        }
        let complete = effects.participants.filter { p in conditions.allSatisfy { p.shifts[$0] != nil } }
        let codes = complete.map(\.code)
        participantCodes = codes
        leftOut = effects.participants.map(\.code).filter { !codes.contains($0) }
        unit = effects.unit
        let observed = complete.map { p in conditions.map { p.shifts[$0]! } }
        self.observed = observed
        groupMean = BootstrapCorrelation.groupMean(observed)
        let ceiling = NoiseCeiling(participants: observed)
        self.ceiling = ceiling
        let forcedChoice = ForcedChoiceByCondition(sessions: sessions, options: options).proportionCorrect
        let rdmConditions = conditions.filter { forcedChoice[$0] != nil }
        forcedChoiceConditions = forcedChoice.keys.sorted()
        self.resamples = resamples
        self.seed = seed
        layers = zip(predictions, shifts).map { table, shift in
            let predicted = conditions.map { shift[$0]! }
            let rho = BootstrapCorrelation.spearman(prediction: predicted, participants: observed, resamples: resamples, seed: seed)
            let rdm = rdmConditions.count >= 3
                ? Self.rdmSpearman(model: rdmConditions.map { shift[$0]! }, human: rdmConditions.map { forcedChoice[$0]! }) : nil
            return Layer(name: table.layer, predicted: predicted, spearman: rho,
                         ceilingNormalized: rho.flatMap { r in ceiling.map { r.value / $0.mean } }, rdmSpearman: rdm)
        }
    }

    /// Predicted shift per condition value: the first post-adaptation test phase's predicted null
    /// minus the null predicted before any adaptation (0 without a baseline phase). Several
    /// conditions with one value (e.g. two stimuli at 90°) are averaged.
    static func predictedShifts(_ table: PredictionTable) -> [Double: Double] {
        func nulls(_ rows: [PredictedCondition]) -> [Double: Double] {
            var values: [Double: [Double]] = [:]
            for r in rows { if let o = r.orientationDeg, let null = r.predictedNullDKLLM { values[o, default: []].append(null) } }
            return values.mapValues { $0.reduce(0, +) / Double($0.count) }
        }
        guard let after = table.rows.first(where: { $0.adaptationS > 0 })?.phase else { return [:] }
        let before = table.rows.first(where: { $0.adaptationS == 0 })?.phase
        let baseline = nulls(table.rows.filter { $0.phase == before })
        return nulls(table.rows.filter { $0.phase == after }).reduce(into: [:]) { shifts, entry in
            shifts[entry.key] = entry.value - (baseline[entry.key] ?? 0)
        }
    }

    /// ρ between the upper triangles of the two RDMs (each entry |value i − value j|).
    static func rdmSpearman(model: [Double], human: [Double]) -> Double? {
        func upperTriangle(_ values: [Double]) -> [Double] {
            guard let matrix = try? RDM.compute(values.map { [Float($0)] }, metric: .euclidean) else { return [] }
            let n = values.count
            return (0..<n).flatMap { i in ((i + 1)..<n).map { Double(matrix.data[i * n + $0]) } }
        }
        return SpearmanCorrelation.rho(upperTriangle(model), upperTriangle(human))
    }
}
