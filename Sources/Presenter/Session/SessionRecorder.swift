/// Where the frame loop reports what happened. The session store's writer implements it; it must
/// return at once (commits happen off the frame loop's thread).
public protocol SessionRecorder: AnyObject {
    func phaseStarted(_ phase: Int, name: String, kind: String, trialIndex: Int?, conditions: [String: String], at time: Double)
    func phaseEnded(_ phase: Int, frames: Int, at time: Double)
    /// Called for every flip of a stimulus frame (pause-menu frames are not stimulus frames).
    func frameFlipped(_ frame: FrameRecord)
    func keyPressed(_ event: KeyEvent, phase: Int)
    /// Called the moment a response is complete.
    func responded(_ response: ResponseRecord)
    func paused(at time: Double)
    func resumed(at time: Double)
}

/// One flipped frame.
public struct FrameRecord: Sendable, Equatable, Codable {
    /// Frame index within the session (0-based) and within its phase.
    public var index: Int
    public var phase: Int
    public var indexInPhase: Int
    /// Planned and actual flip time (s, session clock).
    public var plannedTime: Double
    public var flipTime: Double
    /// Interval to the previous flip over 1.5 periods.
    public var dropped: Bool
}

/// One completed response.
public struct ResponseRecord: Sendable, Equatable, Codable {
    public var phase: Int
    public var trialIndex: Int?
    /// Trial number within an adaptive procedure (0-based); 0 for single-response phases.
    public var step: Int
    /// "nulling", "staircase", "quest", "forced-choice", "any-key".
    public var method: String
    /// Nulling setting or presented level (axis units), or the chosen alternative.
    public var value: Double
    /// The key that completed the response.
    public var key: String
    /// Yes/no answer for adaptive procedures; correctness for forced choice; nil otherwise.
    public var answer: Bool?
    /// Seconds from the stimulus-onset flip to the completing key press.
    public var reactionTime: Double
    /// Every adjustment key press (nulling only).
    public var trajectory: [NullingAdjustment.Step]
    /// Threshold estimate after this response (adaptive procedures), axis units.
    public var estimate: Double?
}
