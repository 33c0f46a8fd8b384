import Foundation
import SessionStore

/// Reads sessions from a session database into `SessionData` values.
public enum SessionLoader {
    /// The selected sessions of the database at `url`, oldest first.
    /// - Throws: `AnalysisError` when the file is missing, a selected session or participant is
    ///   not in it, or a trial's conditions are not a JSON object; `SessionStoreError` when the
    ///   file is not a readable session database.
    public static func load(databaseAt url: URL, selection: SessionSelection) throws -> [SessionData] {
        guard FileManager.default.fileExists(atPath: url.path) else { throw AnalysisError.databaseNotFound(path: url.path) }
        let database = try SessionDatabase(url: url)
        let overviews = try database.sessions(selection)
        switch selection {
        case .all: break
        case .sessions(let ids):
            let missing = ids.filter { id in !overviews.contains { $0.session.id == id } }
            if !missing.isEmpty { throw AnalysisError.sessionsNotFound(ids: missing, path: url.path) }
        case .participants(let codes):
            let missing = codes.filter { code in !overviews.contains { $0.participantCode == code } }
            if !missing.isEmpty { throw AnalysisError.participantsNotFound(codes: missing, path: url.path) }
        }
        return try overviews.map { overview in
            let id = overview.session.id!
            return try sessionData(overview: overview, phases: database.phases(sessionID: id), trials: database.trials(sessionID: id),
                                   frames: database.frames(sessionID: id), responses: database.responses(sessionID: id).map(\.response),
                                   fixation: database.fixationEvents(sessionID: id))
        }
    }

    /// Maps stored records to `SessionData`.
    static func sessionData(
        overview: SessionOverview, phases: [PhaseRecord], trials: [TrialRecord], frames: [FrameRecord],
        responses: [ResponseRecord], fixation: [FixationEventRecord]
    ) throws -> SessionData {
        let s = overview.session
        return SessionData(
            id: s.id!, participantCode: overview.participantCode, protocolName: s.protocolName, protocolText: s.protocolText,
            protocolSHA256: s.protocolSHA256, monitorProfileJSON: s.monitorProfileJSON, softwareVersion: s.softwareVersion,
            expectedRefreshHz: s.expectedRefreshHz, measuredRefreshHz: s.measuredRefreshHz, safetyAnalysisJSON: s.safetyAnalysisJSON,
            safetyOverrideReason: s.safetyOverrideReason, status: s.status.rawValue, startedAt: s.startedAt, endedAt: s.endedAt,
            resumeCount: s.resumeCount, notes: s.notes,
            phases: phases.map {
                .init(index: $0.phaseIndex, name: $0.name, kind: $0.kind, plannedFrames: $0.plannedFrames,
                      plannedDurationS: $0.plannedDurationS, measuredFrames: $0.measuredFrames, measuredDurationS: $0.measuredDurationS,
                      firstFlipS: $0.firstFlipS, droppedFrames: $0.droppedFrames)
            },
            frames: frames.map {
                .init(index: $0.frameIndex, phaseIndex: $0.phaseIndex, plannedTimeS: $0.plannedTimeS, flipTimeS: $0.flipTimeS,
                      intervalS: $0.intervalS, dropped: $0.dropped)
            },
            fixationEvents: fixation.map {
                .init(phaseIndex: $0.phaseIndex, onsetS: $0.onsetFlipS, isTarget: $0.isTarget,
                      outcome: outcome($0.outcome))
            },
            trials: try trials.map {
                .init(phaseIndex: $0.phaseIndex, trialIndex: $0.trialIndex,
                      conditions: try conditions($0.conditionsJSON, session: s.id!, phase: $0.phaseIndex, trial: $0.trialIndex))
            },
            responses: responses.map {
                .init(phaseIndex: $0.phaseIndex, trialIndex: $0.trialIndex, method: $0.method, value: $0.value,
                      valueUnit: $0.valueUnit, choice: $0.choice, correct: $0.correct, onsetS: $0.onsetFlipS,
                      responseTimeS: $0.responseTimeS, trajectory: $0.trajectory.map { TrajectoryStep(tS: $0.tS, value: $0.value) })
            })
    }

    static func outcome(_ stored: FixationOutcome) -> SessionData.FixationEvent.Outcome {
        switch stored {
        case .hit: .hit
        case .miss: .miss
        case .falseAlarm: .falseAlarm
        case .correctRejection: .correctRejection
        }
    }

    /// A trial's conditions JSON object as condition values (nested values become JSON text).
    static func conditions(_ text: String, session: Int64, phase: Int, trial: Int) throws -> [String: ConditionValue] {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)) else {
            throw AnalysisError.invalidConditions(sessionID: session, phaseIndex: phase, trialIndex: trial, text: text)
        }
        return object.mapValues {
            switch $0 {
            case .number(let n): .number(n)
            case .bool(let b): .flag(b)
            case .string(let s): .text(s)
            default: .text($0.description)
            }
        }
    }
}
