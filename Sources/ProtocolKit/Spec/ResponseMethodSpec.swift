/// How the participant answers a test trial. Field names follow the Presenter's response
/// methods, which run them.
public enum ResponseMethodSpec: Codable, Sendable, Equatable {
    case nulling(NullingSpec)
    case forcedChoice(ForcedChoiceSpec)
    case staircase(StaircaseSpec)
    case quest(QuestSpec)

    /// Trial slots per adaptive track: `maxTrials` for staircases, `trials` for QUEST, 1 otherwise
    /// (nulling and forced choice run one trial per condition and repetition).
    public var slotsPerTrack: Int {
        switch self {
        case .nulling, .forcedChoice: return 1
        case .staircase(let s): return s.maxTrials
        case .quest(let q): return q.trials
        }
    }

    /// Whether trials feed adaptive tracks (staircases, QUEST).
    public var isAdaptive: Bool {
        switch self {
        case .nulling, .forcedChoice: return false
        case .staircase, .quest: return true
        }
    }

    /// The names a protocol file uses in `method:`.
    public enum Method: String, Codable, Sendable, CaseIterable {
        case nulling
        case forcedChoice = "forced_choice"
        case staircase
        case quest
    }
}

/// Method of adjustment along a colour axis until the test looks neutral (nulling).
public struct NullingSpec: Codable, Sendable, Equatable {
    public var axis: NullingAxis
    /// Change per coarse / fine key press (axis units, > 0).
    public var coarseStep: Double
    public var fineStep: Double
    /// Reachable range (axis units).
    public var minValue: Double
    public var maxValue: Double
    /// Each trial starts at a seeded uniform draw from `startCentre ± startSpread` (axis units).
    public var startCentre: Double
    public var startSpread: Double
    /// SDL key names (lower case).
    public var keys: NullingKeys
}

public struct NullingKeys: Codable, Sendable, Equatable {
    public var coarseUp: String
    public var coarseDown: String
    public var fineUp: String
    public var fineDown: String
    public var confirm: String

    public static let standard = NullingKeys(coarseUp: "up", coarseDown: "down", fineUp: "right",
                                             fineDown: "left", confirm: "return")
}

/// Keys mapped to labelled choices; the first mapped key pressed is the answer.
public struct ForcedChoiceSpec: Codable, Sendable, Equatable {
    public var choices: [Choice]

    public struct Choice: Codable, Sendable, Equatable {
        /// SDL key name (lower case).
        public var key: String
        /// What the choice means, e.g. `reddish`.
        public var label: String
    }
}

/// A transformed up–down staircase (Levitt 1971) on `axis`, answered yes/no with two keys.
/// Levels in axis units (DKL contrast units).
public struct StaircaseSpec: Codable, Sendable, Equatable {
    public var axis: NullingAxis
    public var startLevel: Double
    public var nUp: Int
    public var nDown: Int
    public var stepUp: Double
    public var stepDown: Double
    public var minLevel: Double
    public var maxLevel: Double
    public var stopAfterReversals: Int
    /// Most trials per condition; the staircase may stop earlier on reversals.
    public var maxTrials: Int
    public var reversalsForEstimate: Int
    /// Key meaning "yes / looks like the named direction" (true) and the key meaning no (false).
    public var trueKey: String
    public var falseKey: String

    /// Defaults are the protocol language's (docs/PROTOCOLS.md); min and max default to unbounded here.
    public init(axis: NullingAxis = .dklLM, startLevel: Double, nUp: Int = 1, nDown: Int = 1, stepUp: Double, stepDown: Double,
                minLevel: Double = -.infinity, maxLevel: Double = .infinity, stopAfterReversals: Int = 10,
                maxTrials: Int = 50, reversalsForEstimate: Int = 6, trueKey: String = "y", falseKey: String = "n") {
        self.axis = axis; self.startLevel = startLevel; self.nUp = nUp; self.nDown = nDown
        self.stepUp = stepUp; self.stepDown = stepDown; self.minLevel = minLevel; self.maxLevel = maxLevel
        self.stopAfterReversals = stopAfterReversals; self.maxTrials = maxTrials
        self.reversalsForEstimate = reversalsForEstimate; self.trueKey = trueKey; self.falseKey = falseKey
    }
}

/// QUEST (Watson & Pelli 1983) on `axis`, answered yes/no. Intensities in axis units.
public struct QuestSpec: Codable, Sendable, Equatable {
    public var axis: NullingAxis
    public var tGuess: Double
    public var tGuessSd: Double
    public var pThreshold: Double
    public var beta: Double
    public var delta: Double
    public var gamma: Double
    public var grain: Double
    public var range: Double
    /// Trials per condition.
    public var trials: Int
    public var trueKey: String
    public var falseKey: String

    /// Defaults are the protocol language's (docs/PROTOCOLS.md).
    public init(axis: NullingAxis = .dklLM, tGuess: Double, tGuessSd: Double, pThreshold: Double = 0.82, beta: Double = 3.5,
                delta: Double = 0.01, gamma: Double = 0.5, grain: Double = 0.01, range: Double = 5, trials: Int = 40,
                trueKey: String = "y", falseKey: String = "n") {
        self.axis = axis; self.tGuess = tGuess; self.tGuessSd = tGuessSd; self.pThreshold = pThreshold
        self.beta = beta; self.delta = delta; self.gamma = gamma; self.grain = grain; self.range = range
        self.trials = trials; self.trueKey = trueKey; self.falseKey = falseKey
    }
}
