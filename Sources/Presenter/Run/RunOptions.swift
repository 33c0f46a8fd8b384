import Foundation
import SessionStore

/// Everything `stimgen run` was asked to do.
public struct RunOptions {
    /// Who answers.
    public enum Participant {
        /// A person at the keyboard.
        case keyboard
        /// The simulated observer (`--simulate`), seeded.
        case simulated(SimulatedObserver.Configuration, seed: UInt64)
        /// Replayed key presses (`--script FILE`).
        case script(URL)
    }

    public var protocolFile: URL
    public var participantCode: String
    public var database: URL
    /// A monitor profile file replacing the protocol's `viewing.monitor`.
    public var monitorFile: URL?
    /// Folder of named stimuli; nil = `Stimuli/` beside the protocol's folder.
    public var stimulusDirectory: URL?
    public var display: DisplayMode
    public var participant: Participant
    /// Session id to continue (`--resume`).
    public var resume: Int64?
    /// Write every `captureEvery`-th frame as PNG into this folder (`--capture DIR`).
    public var captureDirectory: URL?
    public var captureEvery: Int
    /// Virtual clock (`--fast`): frames as fast as possible, flip times = planned times; only without a real display.
    public var fast: Bool
    /// Pace frames in real time at this rate (Hz) instead of by vsync, without measuring the display
    /// (`--pace-refresh`): for displays without a real vertical blank such as Xvfb. Recorded in the
    /// session's notes; must lie within the protocol's refresh tolerance.
    public var paceRefreshHz: Double?

    public init(protocolFile: URL, participantCode: String, database: URL, monitorFile: URL? = nil, stimulusDirectory: URL? = nil,
                display: DisplayMode, participant: Participant, resume: Int64? = nil, captureDirectory: URL? = nil,
                captureEvery: Int = 60, fast: Bool = false, paceRefreshHz: Double? = nil) {
        self.protocolFile = protocolFile; self.participantCode = participantCode; self.database = database
        self.monitorFile = monitorFile; self.stimulusDirectory = stimulusDirectory; self.display = display
        self.participant = participant; self.resume = resume; self.captureDirectory = captureDirectory
        self.captureEvery = captureEvery; self.fast = fast; self.paceRefreshHz = paceRefreshHz
    }
}

/// What a run did, as `stimgen run` prints it.
public struct RunResult: Sendable {
    public var sessionID: Int64
    /// completed, aborted (Esc → abort, or consent declined).
    public var status: String
    /// Rows in the database for this session, all runs of it together.
    public var trialsRecorded: Int
    public var responsesRecorded: Int
    public var framesRecorded: Int
    /// Responses whose window passed unanswered (all runs of the session).
    public var timedOutResponses: Int
    /// Fixation-task outcomes recorded for the session, by outcome (empty without a scored task).
    public var fixationOutcomes: [FixationOutcome: Int]
    /// Frames of this run.
    public var timing: TimingSummary
    /// Refresh rate measured at start (Hz); nil without vsync.
    public var measuredRefreshHz: Double?
    /// Response commit latency (s), nil when no response was made.
    public var responseCommitP50S: Double?
    public var responseCommitP99S: Double?
    /// PNG files written by `--capture`.
    public var capturedFrames: Int
    /// CPU time of the frame loop's thread per flipped frame, without pacing waits (ms).
    public var loopCPUPerFrameMs: Double?
    /// CPU time of the whole process (writer thread and texture making included) per flipped frame (ms).
    public var processCPUPerFrameMs: Double?
    /// The SDL renderer used: its name and flags (SDL_GetRendererInfo), and SDL's video driver.
    public var renderer: String
}

/// A run that cannot start or could not finish; the message says why and what would be valid.
public struct RunError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
