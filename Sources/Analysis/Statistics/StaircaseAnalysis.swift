import Foundation

/// Reversals of an adaptive staircase track and the threshold estimated from them.
public struct StaircaseAnalysis: Sendable, Equatable {
    /// Trial indices (0-based) at which the track turned: the level there is a local extreme.
    public var reversalIndices: [Int]
    /// The stimulus levels at those reversals, in the unit of the track.
    public var reversalLevels: [Double]
    /// Mean of the last `reversalsUsed` reversal levels; `nil` when the track never reversed.
    public var threshold: Double?
    /// How many reversals went into `threshold` (fewer than requested when the track is short).
    public var reversalsUsed: Int
    /// How many reversals were asked for.
    public var reversalsRequested: Int

    /// Finds the reversals of `levels` (the level presented on each trial, in order) and
    /// averages the last `lastReversals` of them. A reversal is a change in the direction of
    /// the level's steps; repeated levels (zero steps) keep the previous direction.
    public init(levels: [Double], lastReversals: Int = 6) {
        precondition(lastReversals > 0, "average at least one reversal")
        var indices: [Int] = []
        var direction = 0
        for i in levels.indices.dropFirst() {
            let step = levels[i] - levels[i - 1]
            let newDirection = step > 0 ? 1 : (step < 0 ? -1 : 0)
            guard newDirection != 0 else { continue }
            if direction != 0 && newDirection != direction { indices.append(i - 1) }
            direction = newDirection
        }
        reversalIndices = indices
        reversalLevels = indices.map { levels[$0] }
        reversalsRequested = lastReversals
        reversalsUsed = min(lastReversals, indices.count)
        threshold = Descriptive.mean(Array(reversalLevels.suffix(lastReversals)))
    }
}
