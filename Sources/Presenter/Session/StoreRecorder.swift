import Foundation
import SessionStore

/// Records what the frame loop reports into a session's `SessionWriter`. Every call only hands an
/// event to the writer (which commits responses at once and frames in batches on its own queue),
/// so nothing here waits for the disk while frames are being shown.
public final class StoreRecorder: SessionRecorder {
    private let writer: SessionWriter
    private let sessionID: Int64
    private let refreshHz: Double
    private var phases: [Int: PhaseRecord] = [:]
    /// Called on the writer's queue once a response is durable: (response row id, phase, trial).
    private let onResponseCommitted: (@Sendable (Int64, Int, Int) -> Void)?

    /// Responses handed to the writer so far.
    public private(set) var responseCount = 0

    public init(session: ActiveSession, refreshHz: Double, onResponseCommitted: (@Sendable (Int64, Int, Int) -> Void)? = nil) {
        writer = session.writer
        sessionID = session.id
        self.refreshHz = refreshHz
        self.onResponseCommitted = onResponseCommitted
    }

    public func phaseStarted(_ phase: Int, name: String, kind: String, plannedFrames: Int, firstFlip: Double) {
        let record = PhaseRecord(sessionId: sessionID, phaseIndex: phase, name: name, kind: kind, plannedFrames: plannedFrames,
                                 plannedDurationS: Double(plannedFrames) / refreshHz, firstFlipS: firstFlip, status: .running)
        phases[phase] = record
        writer.record(.phase(record))
    }

    public func phaseEnded(_ phase: Int, frames: Int, endFlip: Double, dropped: Int, completed: Bool) {
        guard var record = phases[phase] else { return }
        record.measuredFrames = frames
        record.measuredDurationS = endFlip - (record.firstFlipS ?? endFlip)
        record.droppedFrames = dropped
        record.status = completed ? .completed : .aborted
        phases[phase] = record
        writer.record(.phase(record))
    }

    public func trialStarted(phase: Int, trial: Int, conditionsJSON: String, onset: Double) {
        writer.record(.trial(TrialRecord(sessionId: sessionID, phaseIndex: phase, trialIndex: trial, conditionsJSON: conditionsJSON,
                                         status: .running, onsetFlipS: onset)))
    }

    public func trialEnded(phase: Int, trial: Int, conditionsJSON: String, onset: Double, completed: Bool) {
        writer.record(.trial(TrialRecord(sessionId: sessionID, phaseIndex: phase, trialIndex: trial, conditionsJSON: conditionsJSON,
                                         status: completed ? .completed : .aborted, onsetFlipS: onset)))
    }

    public func frameFlipped(_ frame: PresentedFrame) {
        writer.record(.frame(FrameRecord(sessionId: sessionID, frameIndex: frame.index, phaseIndex: frame.phase,
                                         plannedTimeS: frame.plannedTime, flipTimeS: frame.flipTime,
                                         intervalS: frame.interval, dropped: frame.dropped)))
    }

    public func keyPressed(_ event: KeyEvent, phase: Int, action: String?) {
        writer.record(.key(KeyEventRecord(sessionId: sessionID, phaseIndex: phase, key: event.key, action: action,
                                          sdlTimestampMs: event.sdlTimestampMs ?? 0, monotonicS: event.time)))
    }

    public func responded(_ response: CompletedResponse) {
        responseCount += 1
        let record = ResponseRecord(
            sessionId: sessionID, phaseIndex: response.phase, trialIndex: response.trial, method: response.method,
            value: response.value, valueUnit: response.valueUnit, choice: response.choice, correct: response.correct,
            onsetFlipS: response.onset, responseTimeS: response.responseTime, timedOut: response.timedOut,
            trajectory: response.trajectory.map { TrajectoryPoint(tS: $0.time, value: $0.value) })
        let callback = onResponseCommitted
        let (phase, trial) = (response.phase, response.trial)
        writer.record(.response(record)) { result in
            if case let .success(id?) = result { callback?(id, phase, trial) }
        }
    }

    public func fixationScored(_ score: FixationScore, phase: Int) {
        writer.record(.fixation(FixationEventRecord(sessionId: sessionID, phaseIndex: phase, letter: score.letter,
                                                    onsetFlipS: score.onset, isTarget: score.isTarget, outcome: score.outcome,
                                                    responseTimeS: score.responseTime)))
    }

    /// On pause nothing is on screen that needs timing: make everything so far durable.
    public func paused(at time: Double) { try? writer.flush() }
    public func resumed(at time: Double) {}
}
