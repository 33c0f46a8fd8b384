import Foundation
import SessionStore

/// Records a `SessionData` (e.g. a simulated one) into a session database through SessionStore's
/// writer, as a presenter would: for benchmarks, demos and round-trip tests.
public enum SessionRecorder {
    /// Stores `session` as a new, completed session and returns its id. The database assigns
    /// the id and the wall-clock start (now); everything else is stored as given.
    public static func record(_ session: SessionData, into database: SessionDatabase) throws -> Int64 {
        let active = try database.beginSession(NewSession(
            participantCode: session.participantCode, protocolName: session.protocolName, protocolText: session.protocolText,
            monitorProfileJSON: session.monitorProfileJSON, softwareVersion: session.softwareVersion,
            expectedRefreshHz: session.expectedRefreshHz, measuredRefreshHz: session.measuredRefreshHz,
            safetyAnalysisJSON: session.safetyAnalysisJSON, safetyOverrideReason: session.safetyOverrideReason, notes: session.notes))
        let id = active.id
        let writer = active.writer
        for phase in session.phases {
            writer.record(.phase(PhaseRecord(
                sessionId: id, phaseIndex: phase.index, name: phase.name, kind: phase.kind, plannedFrames: phase.plannedFrames,
                plannedDurationS: phase.plannedDurationS, measuredFrames: phase.measuredFrames, measuredDurationS: phase.measuredDurationS,
                firstFlipS: phase.firstFlipS, droppedFrames: phase.droppedFrames, status: .completed)))
        }
        for trial in session.trials {
            writer.record(.trial(TrialRecord(sessionId: id, phaseIndex: trial.phaseIndex, trialIndex: trial.trialIndex,
                                             conditionsJSON: conditionsJSON(trial.conditions), status: .completed)))
        }
        for r in session.responses {
            writer.record(.response(ResponseRecord(
                sessionId: id, phaseIndex: r.phaseIndex, trialIndex: r.trialIndex, method: r.method, value: r.value,
                valueUnit: r.valueUnit, choice: r.choice, correct: r.correct, onsetFlipS: r.onsetS, responseTimeS: r.responseTimeS,
                trajectory: r.trajectory.map { TrajectoryPoint(tS: $0.tS, value: $0.value) })))
        }
        for event in session.fixationEvents {
            writer.record(.fixation(FixationEventRecord(
                sessionId: id, phaseIndex: event.phaseIndex, letter: event.isTarget ? "X" : "O", onsetFlipS: event.onsetS,
                isTarget: event.isTarget, outcome: outcome(event.outcome))))
        }
        for frame in session.frames {
            writer.record(.frame(FrameRecord(sessionId: id, frameIndex: frame.index, phaseIndex: frame.phaseIndex,
                                             plannedTimeS: frame.plannedTimeS, flipTimeS: frame.flipTimeS,
                                             intervalS: frame.intervalS, dropped: frame.dropped)))
        }
        try active.finish(.completed)
        return id
    }

    static func outcome(_ outcome: SessionData.FixationEvent.Outcome) -> FixationOutcome {
        switch outcome {
        case .hit: .hit
        case .miss: .miss
        case .falseAlarm: .falseAlarm
        case .correctRejection: .correctRejection
        }
    }

    /// The conditions as a flat JSON object with sorted keys.
    static func conditionsJSON(_ conditions: [String: ConditionValue]) -> String {
        let object = conditions.mapValues { value -> JSONValue in
            switch value {
            case .number(let n): .number(n)
            case .text(let s): .string(s)
            case .flag(let b): .bool(b)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

extension SessionSimulator {
    /// Simulates `sessionsEach` classic sessions for each of `participants` participants
    /// (codes S001, S002, …, thresholds spread over 0.4 log10 units) and records them into
    /// `database`; returns the new session ids. `progress(done, total)` follows the sessions.
    public static func recordStudy(
        into database: SessionDatabase, participants: Int, sessionsEach: Int, seed: UInt64,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> [Int64] {
        var simulator = SessionSimulator(seed: seed)
        var ids: [Int64] = []
        let total = participants * sessionsEach
        for p in 0..<participants {
            let code = String(format: "S%03d", p + 1)
            let threshold = -2.0 + 0.4 * Double(p) / Double(max(participants - 1, 1))
            for _ in 0..<sessionsEach {
                let session = simulator.classicSession(id: 0, participant: code, startedAt: Date(), thresholdLog10: threshold)
                ids.append(try SessionRecorder.record(session, into: database))
                progress(ids.count, total)
            }
        }
        return ids
    }
}
