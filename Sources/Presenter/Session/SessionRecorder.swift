/// Where the frame loop reports what happened. The session store's writer implements it; every
/// call must return at once (commits happen off the frame loop's thread).
public protocol SessionRecorder: AnyObject {
    /// A protocol phase's first flip (s, session clock).
    func phaseStarted(_ phase: Int, name: String, kind: String, plannedFrames: Int, firstFlip: Double)
    /// A phase ended (completed, or stopped by an abort): frames shown, time of the flip after its last frame.
    func phaseEnded(_ phase: Int, frames: Int, endFlip: Double, dropped: Int, completed: Bool)
    /// A trial's stimulus-onset flip (s).
    func trialStarted(phase: Int, trial: Int, conditionsJSON: String, onset: Double)
    /// A trial's response was recorded (completed) or the session stopped during it.
    func trialEnded(phase: Int, trial: Int, conditionsJSON: String, onset: Double, completed: Bool)
    /// Every flip of a stimulus frame (pause-menu frames are not stimulus frames).
    func frameFlipped(_ frame: PresentedFrame)
    func keyPressed(_ event: KeyEvent, phase: Int, action: String?)
    /// The moment a response is complete (or its response window has passed unanswered).
    func responded(_ response: CompletedResponse)
    /// A fixation-task letter or press has been scored (hit, miss, false alarm, correct rejection).
    func fixationScored(_ score: FixationScore, phase: Int)
    func paused(at time: Double)
    func resumed(at time: Double)
}

/// One flipped frame.
public struct PresentedFrame: Sendable, Equatable {
    /// Frame index within the session (0-based; a resumed session continues the count).
    public var index: Int
    public var phase: Int
    /// Planned and actual flip time (s, session clock).
    public var plannedTime: Double
    public var flipTime: Double
    /// Time since the previous flip (s); nil for the first frame of a run.
    public var interval: Double?
    /// Interval over 1.5 periods.
    public var dropped: Bool
}

/// One completed response.
public struct CompletedResponse: Sendable, Equatable {
    public var phase: Int
    public var trial: Int
    /// "nulling", "staircase", "quest", "forced_choice", "any_key".
    public var method: String
    /// Nulling setting or presented level (in `valueUnit`); nil for forced choice and any-key.
    public var value: Double?
    public var valueUnit: String?
    /// The key that gave a forced choice or a yes/no answer.
    public var choice: String?
    /// Whether a forced choice was correct, when that is defined.
    public var correct: Bool?
    /// Stimulus-onset flip and completing key press (s, session clock); for a timed-out response,
    /// the end of its response window (onset + window).
    public var onset: Double
    public var responseTime: Double
    /// The response window passed without an answer: no value, choice or correctness.
    public var timedOut: Bool = false
    /// Every adjustment key press (nulling only): time after onset (s) and value.
    public var trajectory: [NullingAdjustment.Step]
    /// Threshold estimate after this response (adaptive procedures, `valueUnit`).
    public var estimate: Double?
}
