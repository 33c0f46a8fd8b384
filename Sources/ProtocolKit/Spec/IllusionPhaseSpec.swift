/// A phase that measures an illusion's strength: the point of subjective equality (PSE) on the illusion's
/// `difference` (target A − target B, in the illusion's unit) at several `illusion_strength` values, by method of
/// adjustment or by a 1-up/1-down staircase. The stimulus is shown at every difference on a grid of `levels`
/// from `minDifference` to `maxDifference` in steps of `gridStep`, each level pre-rendered before the phase.
public struct IllusionPhaseSpec: Codable, Sendable, Equatable {
    public var name: String
    /// Name of a stimulus whose pattern is an illusion; its own strength and difference are replaced per trial.
    public var stimulus: String
    /// The `illusion_strength` values measured (dimensionless), each once per repetition, in seeded random order.
    public var strengths: [Double]
    /// How many PSEs (adjustments, or staircase tracks) per strength.
    public var repetitions: Int
    /// Lowest and highest `difference` the participant can reach (the illusion's unit).
    public var minDifference: Double
    public var maxDifference: Double
    /// How long after onset a response is accepted; nil = no limit.
    public var responseWindow: TimeSpan?
    /// Blank between the end of one trial and the onset of the next.
    public var interTrialInterval: TimeSpan
    /// Side of the square about the screen centre that is redrawn for each difference level (deg); the figure
    /// must fit inside it. Outside it the stimulus's background is shown.
    public var fieldDeg: Double
    public var method: IllusionMethodSpec

    public init(name: String, stimulus: String, strengths: [Double], repetitions: Int, minDifference: Double, maxDifference: Double,
                responseWindow: TimeSpan?, interTrialInterval: TimeSpan, fieldDeg: Double, method: IllusionMethodSpec) {
        self.name = name; self.stimulus = stimulus; self.strengths = strengths; self.repetitions = repetitions
        self.minDifference = minDifference; self.maxDifference = maxDifference; self.responseWindow = responseWindow
        self.interTrialInterval = interTrialInterval; self.fieldDeg = fieldDeg; self.method = method
    }

    /// Spacing of the pre-rendered `difference` levels (the illusion's unit): the fine step, or the staircase step.
    public var gridStep: Double {
        switch method {
        case .adjustment(let a): return a.fineStep
        case .staircase(let s): return s.step
        }
    }

    /// Number of `difference` levels from `minDifference` to `maxDifference` at `gridStep`.
    public var levelCount: Int { Int(((maxDifference - minDifference) / gridStep).rounded()) + 1 }

    /// The `difference` (the illusion's unit) of pre-rendered level `index` (0 = `minDifference`), rounded to 1e-9
    /// so that the grid's values print as written.
    public func difference(atLevel index: Int) -> Double {
        ((minDifference + Double(index) * gridStep) * 1e9).rounded() / 1e9
    }
}

/// How an illusion phase finds the PSE.
public enum IllusionMethodSpec: Codable, Sendable, Equatable {
    /// Method of adjustment: keys change `difference` in coarse and fine steps from a seeded random start;
    /// the confirmed setting is the PSE.
    case adjustment(IllusionAdjustmentSpec)
    /// A 1-up/1-down staircase on `difference`, answered "does A look more than B?"; it converges on the 50 %
    /// point, the PSE, estimated as the mean of the last reversals.
    case staircase(IllusionStaircaseSpec)

    /// The names a protocol file uses in `method:`.
    public enum Method: String, Codable, Sendable, CaseIterable {
        case adjustment, staircase
    }
}

public struct IllusionAdjustmentSpec: Codable, Sendable, Equatable {
    /// Change per coarse and fine key press (the illusion's unit); coarse is a whole multiple of fine.
    public var coarseStep: Double
    public var fineStep: Double
    public var keys: NullingKeys

    public init(coarseStep: Double, fineStep: Double, keys: NullingKeys) {
        self.coarseStep = coarseStep; self.fineStep = fineStep; self.keys = keys
    }
}

public struct IllusionStaircaseSpec: Codable, Sendable, Equatable {
    /// Change of `difference` per trial (the illusion's unit), up and down alike.
    public var step: Double
    /// Trials per track at most; a track stops earlier after `stopAfterReversals` reversals.
    public var maxTrials: Int
    public var stopAfterReversals: Int
    /// The PSE is the mean level of this many last reversals.
    public var reversalsForEstimate: Int
    /// Key meaning "A looks more than B" (longer, larger, lighter, more clockwise…) and the key meaning less.
    public var moreKey: String
    public var lessKey: String

    public init(step: Double, maxTrials: Int, stopAfterReversals: Int, reversalsForEstimate: Int, moreKey: String, lessKey: String) {
        self.step = step; self.maxTrials = maxTrials; self.stopAfterReversals = stopAfterReversals
        self.reversalsForEstimate = reversalsForEstimate; self.moreKey = moreKey; self.lessKey = lessKey
    }
}
