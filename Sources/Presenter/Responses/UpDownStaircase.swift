/// A transformed up–down staircase (Levitt 1971) as PsychoPy's `StairHandler` runs it.
///
/// The level is in the units of whatever the staircase varies (e.g. the nulling colour on the
/// DKL L−M axis, or log10 contrast). After `nDown` consecutive `true` ("correct", "yes",
/// "looks reddish") responses the level goes down by `stepDown`; after `nUp` consecutive `false`
/// responses it goes up by `stepUp`. A 1-up/1-down staircase converges on the 50 % point (a
/// nulling staircase), 1-up/2-down on 70.7 %, 1-up/3-down on 79.4 %.
public struct UpDownStaircase: Sendable, Equatable {
    /// What the protocol sets.
    public struct Configuration: Codable, Sendable, Equatable {
        /// First level presented (staircase units).
        public var startLevel: Double
        /// Consecutive `false` responses before the level goes up (≥ 1).
        public var nUp: Int
        /// Consecutive `true` responses before the level goes down (≥ 1).
        public var nDown: Int
        /// Step taken upwards (staircase units, > 0).
        public var stepUp: Double
        /// Step taken downwards (staircase units, > 0).
        public var stepDown: Double
        /// Lowest and highest level allowed; steps are clamped to these.
        public var minLevel: Double
        public var maxLevel: Double
        /// The staircase ends after this many reversals …
        public var stopAfterReversals: Int
        /// … or after this many trials, whichever comes first.
        public var maxTrials: Int
        /// The threshold estimate is the mean level of the last this-many reversals.
        public var reversalsForEstimate: Int

        public init(startLevel: Double, nUp: Int = 1, nDown: Int = 1, stepUp: Double, stepDown: Double,
                    minLevel: Double = -.infinity, maxLevel: Double = .infinity,
                    stopAfterReversals: Int = 8, maxTrials: Int = 50, reversalsForEstimate: Int = 6) {
            self.startLevel = startLevel; self.nUp = nUp; self.nDown = nDown
            self.stepUp = stepUp; self.stepDown = stepDown
            self.minLevel = minLevel; self.maxLevel = maxLevel
            self.stopAfterReversals = stopAfterReversals; self.maxTrials = maxTrials
            self.reversalsForEstimate = reversalsForEstimate
        }

        /// Describes the first problem with these settings, or nil when they are usable.
        public func problem() -> String? {
            if nUp < 1 || nDown < 1 { return "nUp and nDown must be at least 1 (got \(nUp), \(nDown))" }
            if !(stepUp > 0) || !(stepDown > 0) { return "stepUp and stepDown must be > 0 (got \(stepUp), \(stepDown))" }
            if !(minLevel < maxLevel) { return "minLevel (\(minLevel)) must be below maxLevel (\(maxLevel))" }
            if !(minLevel...maxLevel).contains(startLevel) {
                return "startLevel \(startLevel) lies outside \(minLevel)...\(maxLevel)"
            }
            if stopAfterReversals < 1 || maxTrials < 1 { return "stopAfterReversals and maxTrials must be at least 1" }
            if reversalsForEstimate < 1 { return "reversalsForEstimate must be at least 1" }
            return nil
        }
    }

    public let configuration: Configuration
    /// The level to present on the next trial.
    public private(set) var level: Double
    /// Level presented on each trial so far, in order.
    public private(set) var presentedLevels: [Double] = []
    /// Response given on each trial so far, in order.
    public private(set) var responses: [Bool] = []
    /// The level of each trial at which the direction of the steps changed.
    public private(set) var reversalLevels: [Double] = []

    private var runOfTrue = 0
    private var runOfFalse = 0
    /// −1 after a step down, +1 after a step up, 0 before the first step.
    private var lastDirection = 0

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        self.level = configuration.startLevel
    }

    /// True once enough reversals or trials have been collected.
    public var isFinished: Bool {
        reversalLevels.count >= configuration.stopAfterReversals || responses.count >= configuration.maxTrials
    }

    /// Mean of the last `reversalsForEstimate` reversal levels (fewer if fewer exist); nil before any reversal.
    public var thresholdEstimate: Double? {
        guard !reversalLevels.isEmpty else { return nil }
        let last = reversalLevels.suffix(configuration.reversalsForEstimate)
        return last.reduce(0, +) / Double(last.count)
    }

    /// Records the response to the trial presented at `level` and moves the level.
    public mutating func record(_ response: Bool) {
        presentedLevels.append(level)
        responses.append(response)
        if response { runOfTrue += 1; runOfFalse = 0 } else { runOfFalse += 1; runOfTrue = 0 }
        var direction = 0
        if runOfTrue >= configuration.nDown { direction = -1 }
        if runOfFalse >= configuration.nUp { direction = +1 }
        guard direction != 0 else { return }
        if lastDirection != 0 && direction != lastDirection { reversalLevels.append(level) }
        lastDirection = direction
        runOfTrue = 0
        runOfFalse = 0
        let step = direction < 0 ? -configuration.stepDown : configuration.stepUp
        level = min(configuration.maxLevel, max(configuration.minLevel, level + step))
    }
}
