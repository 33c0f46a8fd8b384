import Foundation
import Testing
@testable import Analysis

/// The comparison of hand-made predictions with hand-made sessions: which conditions and
/// participants enter, the predicted shifts, ρ per layer, the ceiling and the best layer.
@Suite struct ModelComparisonTests {
    /// A session of `participant`: baseline nulling (phase 0) of 0 in every condition, adaptation
    /// (phase 1), then nulling (phase 2) equal to `shifts[condition]`, so its shifts are `shifts`.
    static func session(_ id: Int64, _ participant: String, shifts: [Double: Double]) -> SessionData {
        var s = SessionData(id: id, participantCode: participant, protocolName: "p", softwareVersion: "test",
                            startedAt: SessionFactory.start.addingTimeInterval(Double(id) * 100))
        s.phases = [.init(index: 0, name: "baseline", kind: "nulling", plannedFrames: 60, plannedDurationS: 1),
                    .init(index: 1, name: "adapt", kind: "adaptation", plannedFrames: 60, plannedDurationS: 1),
                    .init(index: 2, name: "after", kind: "nulling", plannedFrames: 60, plannedDurationS: 1)]
        for (k, (condition, shift)) in shifts.sorted(by: { $0.key < $1.key }).enumerated() {
            for (phase, value) in [(0, 0.0), (2, shift)] {
                let block = SessionFactory.nulling(phase: phase, condition: condition, values: [value], firstTrial: k, time: 1)
                s.trials += block.trials
                s.responses += block.responses
            }
        }
        return s
    }

    /// A prediction table whose post-adaptation nulls are `after` and baseline nulls `before`.
    static func table(_ layer: String, before: [Double: Double], after: [Double: Double]) -> PredictionTable {
        func rows(_ phase: String, _ s: Double, _ nulls: [Double: Double]) -> [PredictedCondition] {
            nulls.map { PredictedCondition(phase: phase, condition: "c\($0.key)", stimulus: "t", orientationDeg: $0.key, adaptationS: s,
                                           perceivedTintDKLLM: -$0.value, predictedNullDKLLM: $0.value) }
        }
        return PredictionTable(protocolName: "p", model: "v1", adaptation: "decorrelation", layer: layer,
                               rows: rows("baseline", 0, before) + rows("after", 600, after))
    }

    static let sessions = [
        session(1, "A", shifts: [0: 1, 45: 2, 90: 3]),
        session(2, "B", shifts: [0: 1, 45: 3, 90: 2]),
        session(3, "C", shifts: [0: 1, 45: 2, 90: 3]),
        session(4, "D", shifts: [0: 5]),  // lacks 45° and 90°: left out
    ]

    @Test func scoresEachLayerAgainstTheGroupAndTheCeiling() throws {
        let up = Self.table("up", before: [0: 1, 45: 1, 90: 1, 135: 1], after: [0: 11, 45: 21, 90: 31, 135: 0])
        let down = Self.table("down", before: [:], after: [0: 30, 45: 20, 90: 10])
        let c = try ModelComparison(sessions: Self.sessions, predictions: [up, down], databasePath: "db", resamples: 500, seed: 1)
        // 135° is predicted but never observed; D lacks conditions.
        #expect(c.conditions == [0, 45, 90])
        #expect(c.participantCodes == ["A", "B", "C"])
        #expect(c.leftOut == ["D"])
        // Predicted shift = post-adaptation null − baseline null.
        #expect(c.layers[0].predicted == [10, 20, 30])
        #expect(c.layers[1].predicted == [30, 20, 10])
        // Group mean [1, 7/3, 8/3] rises: ρ(up) = 1, ρ(down) = −1.
        #expect(abs(c.groupMean[1] - 7.0 / 3) < 1e-12)
        #expect(c.layers[0].spearman?.value == 1)
        #expect(c.layers[1].spearman?.value == -1)
        #expect(c.best?.name == "up")
        // Ceiling: A and C against the others' mean [1, 2.5, 2.5]: ranks [1, 2.5, 2.5] vs [1, 2, 3],
        // ρ = 1.5 / √(2 · 1.5) = √3/2; B ([1, 3, 2]) against [1, 2, 3]: ρ = 0.5.
        let ceiling = try #require(c.ceiling)
        let expected = (2 * 3.0.squareRoot() / 2 + 0.5) / 3
        #expect(abs(ceiling.mean - expected) < 1e-12)
        #expect(abs(ceiling.lowest - 0.5) < 1e-12)
        #expect(abs(c.layers[0].ceilingNormalized! - 1 / expected) < 1e-12)
        // No forced-choice data: no RDM comparison.
        #expect(c.forcedChoiceConditions.isEmpty)
        #expect(c.layers[0].rdmSpearman == nil)
    }

    @Test func rdmCorrelationComparesUpperTriangles() {
        // Model |differences| (1, 3, 2) and human (0.1, 0.4, 0.3) rank alike: ρ = 1.
        #expect(ModelComparison.rdmSpearman(model: [1, 2, 4], human: [0.5, 0.6, 0.9]) == 1)
    }

    @Test func tooFewSharedConditionsIsAnErrorNamingBothSides() {
        let only90 = Self.table("all", before: [:], after: [90: 1, 135: 2])
        #expect(throws: ComparisonError.tooFewSharedConditions(observed: [0, 45, 90], predicted: [90, 135], conditionKey: "orientation_deg")) {
            try ModelComparison(sessions: Self.sessions, predictions: [only90], databasePath: "db")
        }
        #expect(throws: ComparisonError.noObservedEffects(path: "db", conditionKey: "orientation_deg")) {
            try ModelComparison(sessions: [], predictions: [only90], databasePath: "db")
        }
    }
}
