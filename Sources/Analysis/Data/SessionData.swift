import Foundation

/// Everything a report needs about one recorded session, as plain values. Times marked "session
/// clock" are seconds since the session clock's zero, which is taken to be `startedAt`.
public struct SessionData: Sendable, Equatable {
    public var id: Int64
    /// The researcher's participant code (user text: escaped in reports).
    public var participantCode: String
    public var protocolName: String
    /// The protocol file's text as run.
    public var protocolText: String
    /// Hex SHA-256 of `protocolText`.
    public var protocolSHA256: String
    /// The monitor profile used (JSON text).
    public var monitorProfileJSON: String
    public var softwareVersion: String
    /// Refresh rate the protocol expects and the one measured at start (Hz).
    public var expectedRefreshHz: Double?
    public var measuredRefreshHz: Double?
    /// The photosensitive-safety analysis (JSON text).
    public var safetyAnalysisJSON: String
    /// The researcher's reason for running despite a failed safety verdict.
    public var safetyOverrideReason: String?
    /// `running`, `completed`, `aborted` or `interrupted`.
    public var status: String
    /// Wall-clock start and end (UTC).
    public var startedAt: Date
    public var endedAt: Date?
    public var resumeCount: Int
    /// Free-text notes on the session (user text).
    public var notes: String?
    public var phases: [Phase]
    public var frames: [Frame]
    public var fixationEvents: [FixationEvent]
    public var trials: [Trial]
    public var responses: [Response]

    public init(
        id: Int64, participantCode: String, protocolName: String, protocolText: String = "",
        protocolSHA256: String = "", monitorProfileJSON: String = "{}", softwareVersion: String,
        expectedRefreshHz: Double? = nil, measuredRefreshHz: Double? = nil, safetyAnalysisJSON: String = "{}",
        safetyOverrideReason: String? = nil, status: String = "completed", startedAt: Date, endedAt: Date? = nil,
        resumeCount: Int = 0, notes: String? = nil, phases: [Phase] = [], frames: [Frame] = [],
        fixationEvents: [FixationEvent] = [], trials: [Trial] = [], responses: [Response] = []
    ) {
        self.id = id
        self.participantCode = participantCode
        self.protocolName = protocolName
        self.protocolText = protocolText
        self.protocolSHA256 = protocolSHA256
        self.monitorProfileJSON = monitorProfileJSON
        self.softwareVersion = softwareVersion
        self.expectedRefreshHz = expectedRefreshHz
        self.measuredRefreshHz = measuredRefreshHz
        self.safetyAnalysisJSON = safetyAnalysisJSON
        self.safetyOverrideReason = safetyOverrideReason
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.resumeCount = resumeCount
        self.notes = notes
        self.phases = phases
        self.frames = frames
        self.fixationEvents = fixationEvents
        self.trials = trials
        self.responses = responses
    }

    /// One phase: what the protocol planned and what was measured.
    public struct Phase: Sendable, Equatable {
        public var index: Int
        public var name: String
        /// The protocol's phase kind, e.g. `adaptation`, `nulling`, `forced_choice`.
        public var kind: String
        public var plannedFrames: Int
        /// Planned duration (s).
        public var plannedDurationS: Double
        public var measuredFrames: Int?
        /// Measured duration, first flip to the flip after the last frame (s).
        public var measuredDurationS: Double?
        /// Flip time of the phase's first frame (s, session clock).
        public var firstFlipS: Double?
        public var droppedFrames: Int?

        public init(index: Int, name: String, kind: String, plannedFrames: Int, plannedDurationS: Double,
                    measuredFrames: Int? = nil, measuredDurationS: Double? = nil, firstFlipS: Double? = nil,
                    droppedFrames: Int? = nil) {
            self.index = index
            self.name = name
            self.kind = kind
            self.plannedFrames = plannedFrames
            self.plannedDurationS = plannedDurationS
            self.measuredFrames = measuredFrames
            self.measuredDurationS = measuredDurationS
            self.firstFlipS = firstFlipS
            self.droppedFrames = droppedFrames
        }

        /// Flip time at which the phase ended (s, session clock), when measured.
        public var endS: Double? {
            guard let first = firstFlipS, let duration = measuredDurationS else { return nil }
            return first + duration
        }
    }

    /// One presented frame.
    public struct Frame: Sendable, Equatable {
        public var index: Int
        public var phaseIndex: Int
        /// Planned and actual flip time (s, session clock).
        public var plannedTimeS: Double
        public var flipTimeS: Double
        /// Time since the previous flip (s); `nil` for the first frame.
        public var intervalS: Double?
        public var dropped: Bool

        public init(index: Int, phaseIndex: Int, plannedTimeS: Double, flipTimeS: Double, intervalS: Double?, dropped: Bool) {
            self.index = index
            self.phaseIndex = phaseIndex
            self.plannedTimeS = plannedTimeS
            self.flipTimeS = flipTimeS
            self.intervalS = intervalS
            self.dropped = dropped
        }
    }

    /// One letter of the fixation task.
    public struct FixationEvent: Sendable, Equatable {
        public enum Outcome: String, Sendable, CaseIterable {
            case hit, miss, falseAlarm = "false_alarm", correctRejection = "correct_rejection"
        }
        public var phaseIndex: Int
        /// Onset flip (s, session clock).
        public var onsetS: Double
        public var isTarget: Bool
        public var outcome: Outcome

        public init(phaseIndex: Int, onsetS: Double, isTarget: Bool, outcome: Outcome) {
            self.phaseIndex = phaseIndex
            self.onsetS = onsetS
            self.isTarget = isTarget
            self.outcome = outcome
        }
    }

    /// One trial and its conditions (keys carry their units, e.g. `orientation_deg`).
    public struct Trial: Sendable, Equatable {
        public var phaseIndex: Int
        public var trialIndex: Int
        public var conditions: [String: ConditionValue]

        public init(phaseIndex: Int, trialIndex: Int, conditions: [String: ConditionValue]) {
            self.phaseIndex = phaseIndex
            self.trialIndex = trialIndex
            self.conditions = conditions
        }
    }

    /// One response.
    public struct Response: Sendable, Equatable {
        public var phaseIndex: Int
        public var trialIndex: Int
        /// e.g. `nulling`, `forced_choice`, `staircase`.
        public var method: String
        /// The answered value (nulling setting, stimulus level), in `valueUnit`.
        public var value: Double?
        public var valueUnit: String?
        public var choice: String?
        public var correct: Bool?
        /// Stimulus onset flip and response time (s, session clock).
        public var onsetS: Double
        public var responseTimeS: Double
        /// The settings passed through, in order.
        public var trajectory: [TrajectoryStep]

        public init(phaseIndex: Int, trialIndex: Int, method: String, value: Double?, valueUnit: String? = nil,
                    choice: String? = nil, correct: Bool? = nil, onsetS: Double, responseTimeS: Double,
                    trajectory: [TrajectoryStep] = []) {
            self.phaseIndex = phaseIndex
            self.trialIndex = trialIndex
            self.method = method
            self.value = value
            self.valueUnit = valueUnit
            self.choice = choice
            self.correct = correct
            self.onsetS = onsetS
            self.responseTimeS = responseTimeS
            self.trajectory = trajectory
        }
    }
}

/// One setting of an adjustment.
public struct TrajectoryStep: Sendable, Equatable {
    /// Time since the stimulus onset (s).
    public var tS: Double
    /// The setting, in the response's unit.
    public var value: Double

    public init(tS: Double, value: Double) {
        self.tS = tS
        self.value = value
    }
}

/// A trial condition's value as recorded in JSON.
public enum ConditionValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case flag(Bool)

    public var number: Double? { if case .number(let v) = self { v } else { nil } }

    public var description: String {
        switch self {
        case .number(let v): NumberFormat.significant(v, digits: 4)
        case .text(let s): s
        case .flag(let b): b ? "true" : "false"
        }
    }
}
