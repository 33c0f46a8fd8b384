import Foundation

/// What the participants reported: each participant's aftereffect per test condition, the mean
/// nulling setting after adaptation minus the mean before it in the same session (as the session
/// report's `NullingSummary` computes them), averaged over the participant's sessions.
public struct ObservedEffects: Sendable, Equatable {
    public struct Participant: Sendable, Equatable {
        public var code: String
        /// Condition value (e.g. orientation, deg) → shift of the nulling setting (unit of the settings).
        public var shifts: [Double: Double]
    }

    /// Participants in order of first appearance.
    public var participants: [Participant]
    /// Unit of the settings (e.g. `dkl_lm`); empty when unrecorded.
    public var unit: String

    public init(sessions: [SessionData], options: ReportOptions) {
        var order: [String] = []
        var shifts: [String: [Double: [Double]]] = [:]
        var unit = ""
        for session in sessions {
            guard let nulling = NullingSummary(session: session, options: options) else { continue }
            if unit.isEmpty { unit = nulling.unit }
            func mean(_ condition: Double, _ stage: AdaptationStage) -> Double? {
                nulling.cells.first { $0.condition == condition && $0.stage == stage }?.summary?.mean
            }
            for condition in Set(nulling.cells.compactMap(\.condition)) {
                guard let after = mean(condition, .after), let before = mean(condition, .before) else { continue }
                if shifts[session.participantCode] == nil { order.append(session.participantCode) }
                shifts[session.participantCode, default: [:]][condition, default: []].append(after - before)
            }
        }
        participants = order.map { code in
            Participant(code: code, shifts: shifts[code]!.mapValues { $0.reduce(0, +) / Double($0.count) })
        }
        self.unit = unit
    }

    /// Every condition value some participant has a shift for, ascending.
    public var conditions: [Double] { Set(participants.flatMap(\.shifts.keys)).sorted() }
}
