import ProtocolKit

/// A transformed up–down staircase (Levitt 1971) as PsychoPy's `StairHandler` runs it.
///
/// The level is in the units of whatever the staircase varies (e.g. the nulling colour on the
/// DKL L−M axis, or log10 contrast). After `nDown` consecutive `true` ("correct", "yes",
/// "looks reddish") responses the level goes down by `stepDown`; after `nUp` consecutive `false`
/// responses it goes up by `stepUp`. A 1-up/1-down staircase converges on the 50 % point (a
/// nulling staircase), 1-up/2-down on 70.7 %, 1-up/3-down on 79.4 %.
public struct UpDownStaircase: Sendable, Equatable {
    /// What the protocol sets (levels in staircase units).
    public let configuration: StaircaseSpec
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

    public init(_ configuration: StaircaseSpec) {
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
