import Foundation

/// Forced-choice accuracy per test condition after adaptation, pooled over sessions and
/// participants: the human side of an RDM comparison.
struct ForcedChoiceByCondition {
    /// Condition value (e.g. orientation, deg) → proportion of correct answers (0…1).
    var proportionCorrect: [Double: Double]

    init(sessions: [SessionData], options: ReportOptions) {
        var counts: [Double: (correct: Int, total: Int)] = [:]
        for session in sessions {
            let conditions = Dictionary(session.trials.map { ([$0.phaseIndex, $0.trialIndex], $0.conditions) },
                                        uniquingKeysWith: { _, last in last })
            for r in session.responses where options.forcedChoiceMethods.contains(r.method) {
                guard let correct = r.correct, let condition = conditions[[r.phaseIndex, r.trialIndex]]?[options.conditionKey]?.number,
                      AdaptationStage.of(phaseIndex: r.phaseIndex, in: session, options: options) == .after else { continue }
                counts[condition, default: (0, 0)].correct += correct ? 1 : 0
                counts[condition, default: (0, 0)].total += 1
            }
        }
        proportionCorrect = counts.mapValues { Double($0.correct) / Double($0.total) }
    }
}
