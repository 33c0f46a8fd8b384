import Foundation
@testable import Analysis

/// Hand-made sessions whose every figure can be worked out by hand.
enum SessionFactory {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// Nulling settings: one trial per value with `orientation_deg` = condition.
    static func nulling(phase: Int, condition: Double, values: [Double], firstTrial: Int, time: Double)
        -> (trials: [SessionData.Trial], responses: [SessionData.Response]) {
        let trials = values.indices.map {
            SessionData.Trial(phaseIndex: phase, trialIndex: firstTrial + $0, conditions: ["orientation_deg": .number(condition)])
        }
        let responses = values.enumerated().map { i, v in
            SessionData.Response(phaseIndex: phase, trialIndex: firstTrial + i, method: "nulling", value: v, valueUnit: "dkl_lm",
                                 onsetS: time, responseTimeS: time, trajectory: [TrajectoryStep(tS: 0, value: 0), TrajectoryStep(tS: 1.5, value: v)])
        }
        return (trials, responses)
    }

    /// Baseline nulling (phase 0), 10 s adaptation ending at 12 s (phase 1), nulling after (phase 2).
    /// Before: 90° [1,2,3], 0° [−1,0,1], 45° [0,0.5,1]; after: 90° [6,7,8], 0° [−5,−4,−3], 45° [1,1.5,2].
    static func classicSession(id: Int64 = 1, participant: String = "P01", startedAt: Date = start) -> SessionData {
        var session = SessionData(id: id, participantCode: participant, protocolName: "classic McCollough",
                                  protocolText: "name: classic", softwareVersion: "0.1.0", startedAt: startedAt,
                                  endedAt: startedAt.addingTimeInterval(60))
        session.phases = [
            .init(index: 0, name: "baseline", kind: "nulling", plannedFrames: 60, plannedDurationS: 1.0,
                  measuredFrames: 61, measuredDurationS: 1.0167, firstFlipS: 0.5, droppedFrames: 1),
            .init(index: 1, name: "adapt", kind: "adaptation", plannedFrames: 600, plannedDurationS: 10,
                  measuredFrames: 600, measuredDurationS: 10, firstFlipS: 2, droppedFrames: 0),
            .init(index: 2, name: "test", kind: "nulling", plannedFrames: 60, plannedDurationS: 1.0),
        ]
        let blocks = [
            nulling(phase: 0, condition: 90, values: [1, 2, 3], firstTrial: 0, time: 1),
            nulling(phase: 0, condition: 0, values: [-1, 0, 1], firstTrial: 3, time: 1),
            nulling(phase: 0, condition: 45, values: [0, 0.5, 1], firstTrial: 6, time: 1),
            nulling(phase: 2, condition: 90, values: [6, 7, 8], firstTrial: 0, time: 20),
            nulling(phase: 2, condition: 0, values: [-5, -4, -3], firstTrial: 3, time: 20),
            nulling(phase: 2, condition: 45, values: [1, 1.5, 2], firstTrial: 6, time: 20),
        ]
        session.trials = blocks.flatMap(\.trials)
        session.responses = blocks.flatMap(\.responses)
        // Intervals 16.7 ms except one dropped frame of 33.4 ms.
        session.frames = (0..<10).map { i in
            SessionData.Frame(index: i, phaseIndex: i < 5 ? 0 : 1, plannedTimeS: Double(i) * 0.0167, flipTimeS: Double(i) * 0.0167,
                              intervalS: i == 0 ? nil : (i == 4 ? 0.0334 : 0.0167), dropped: i == 4)
        }
        session.fixationEvents = [.hit, .hit, .hit, .miss, .falseAlarm, .correctRejection, .correctRejection]
            .enumerated().map { SessionData.FixationEvent(phaseIndex: 1, onsetS: Double($0) + 2, isTarget: $1 == .hit || $1 == .miss, outcome: $1) }
        return session
    }

    /// A retest session `days` after `start` with 90° and 0° settings at 100 s on its clock whose
    /// means differ by `difference` (values mean ± 1).
    static func retest(id: Int64, participant: String, days: Double, difference: Double) -> SessionData {
        var session = SessionData(id: id, participantCode: participant, protocolName: "retest", softwareVersion: "0.1.0",
                                  startedAt: start.addingTimeInterval(days * 86_400))
        session.phases = [.init(index: 0, name: "retest", kind: "nulling", plannedFrames: 60, plannedDurationS: 1)]
        let a = nulling(phase: 0, condition: 90, values: [difference / 2 - 1, difference / 2 + 1], firstTrial: 0, time: 100)
        let b = nulling(phase: 0, condition: 0, values: [-difference / 2 - 1, -difference / 2 + 1], firstTrial: 2, time: 100)
        session.trials = a.trials + b.trials
        session.responses = a.responses + b.responses
        return session
    }
}
