/// The flip times of a run of frames and what they say about timing, as Psychtoolbox and
/// PsychoPy report it: every flip has a timestamp; a frame whose interval to the previous flip
/// exceeds 1.5 refresh periods counts as dropped (a missed deadline), and none is hidden.
public struct FrameTimingLog: Sendable, Equatable {
    /// Nominal refresh period (s).
    public let period: Double
    /// Intervals longer than this many periods mark the later frame as dropped.
    public static let droppedThreshold = 1.5

    /// Flip timestamp of every frame so far (s, monotonic clock).
    public private(set) var flipTimes: [Double] = []
    /// Interval of the latest flip to the one before it (s); nil for the first flip of a run.
    public private(set) var lastInterval: Double?
    /// Number of frames whose interval exceeded `droppedThreshold` periods.
    public private(set) var droppedCount = 0
    /// Longest interval between consecutive flips (s); 0 before the second flip.
    public private(set) var worstInterval: Double = 0

    public init(period: Double) { self.period = period }

    /// Index in `flipTimes` of the first flip of the current run (intervals across a pause are not counted).
    private var runStart = 0
    private var judgedIntervals = 0
    private var judgedIntervalSum = 0.0

    /// Starts a new run: the next flip's interval to the previous one (e.g. across a pause menu) is not judged.
    public mutating func startNewRun() { runStart = flipTimes.count }

    /// Records the flip of the next frame and returns whether that frame was late (dropped).
    @discardableResult
    public mutating func recordFlip(at time: Double) -> Bool {
        defer { flipTimes.append(time) }
        guard flipTimes.count > runStart, let last = flipTimes.last else {
            lastInterval = nil
            return false
        }
        let interval = time - last
        lastInterval = interval
        judgedIntervals += 1
        judgedIntervalSum += interval
        worstInterval = max(worstInterval, interval)
        let dropped = interval > Self.droppedThreshold * period
        if dropped { droppedCount += 1 }
        return dropped
    }

    /// Number of frames flipped.
    public var frameCount: Int { flipTimes.count }

    /// Mean interval between consecutive flips of the same run (s); nil before the second flip.
    public var meanInterval: Double? {
        judgedIntervals > 0 ? judgedIntervalSum / Double(judgedIntervals) : nil
    }
}

/// What `stimgen run` prints at the end of a session.
public struct TimingSummary: Codable, Sendable, Equatable {
    /// Frames flipped.
    public var frames: Int
    /// Frames that came more than 1.5 periods after the previous one.
    public var dropped: Int
    /// Longest interval between consecutive flips (ms).
    public var worstIntervalMs: Double
    /// Mean interval between flips (ms); nil with fewer than two frames.
    public var meanIntervalMs: Double?
    /// True when the flip times are planned times from a virtual clock (`--fast`), not measured.
    public var simulatedTiming: Bool

    public init(log: FrameTimingLog, simulatedTiming: Bool) {
        frames = log.frameCount
        dropped = log.droppedCount
        worstIntervalMs = log.worstInterval * 1000
        meanIntervalMs = log.meanInterval.map { $0 * 1000 }
        self.simulatedTiming = simulatedTiming
    }
}
