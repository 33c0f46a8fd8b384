import ProtocolKit
import StimulusKit

/// The response of one illusion PSE trial (method of adjustment) or one staircase track, on a grid of
/// pre-rendered `difference` levels: the frame loop draws level `levelIndex`, so a key press only changes which
/// texture is blitted.
public struct IllusionJudgement: Sendable, Equatable {
    public struct Configuration: Sendable, Equatable {
        /// The phase: its difference grid (`minDifference`, `gridStep`, `levelCount`) and method.
        public var phase: IllusionPhaseSpec
        /// The level the adjustment or the track starts at.
        public var startLevel: Int
        /// The trial's `illusion_strength` (dimensionless), for the simulated participant.
        public var strength: Double

        public init(phase: IllusionPhaseSpec, startLevel: Int, strength: Double) {
            self.phase = phase; self.startLevel = startLevel; self.strength = strength
        }

        var minDifference: Double { phase.minDifference }
        var maxDifference: Double { phase.maxDifference }
    }

    enum Procedure: Sendable, Equatable {
        case adjustment(NullingAdjustment, NullingKeys)
        case staircase(UpDownStaircase, more: String, less: String)
    }

    public let configuration: Configuration
    private(set) var procedure: Procedure

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        let c = configuration, start = c.phase.difference(atLevel: c.startLevel)
        switch c.phase.method {
        case .adjustment(let a):
            var unused = SeededGenerator(seed: 0)   // the start is already drawn: no spread
            procedure = .adjustment(NullingAdjustment(.init(coarseStep: a.coarseStep, fineStep: a.fineStep, minValue: c.minDifference,
                                                            maxValue: c.maxDifference, startCentre: start, startSpread: 0),
                                                      generator: &unused), a.keys)
        case .staircase(let s):
            procedure = .staircase(UpDownStaircase(.init(startLevel: start, nUp: 1, nDown: 1, stepUp: s.step, stepDown: s.step,
                                                         minLevel: c.minDifference, maxLevel: c.maxDifference,
                                                         stopAfterReversals: s.stopAfterReversals, maxTrials: s.maxTrials,
                                                         reversalsForEstimate: s.reversalsForEstimate)),
                                   more: s.moreKey, less: s.lessKey)
        }
    }

    /// The `difference` shown now (the illusion's unit).
    public var difference: Double {
        switch procedure {
        case .adjustment(let a, _): a.value
        case .staircase(let s, _, _): s.level
        }
    }

    /// The pre-rendered level shown now.
    public var levelIndex: Int {
        let phase = configuration.phase
        return min(phase.levelCount - 1, max(0, Int(((difference - phase.minDifference) / phase.gridStep).rounded())))
    }

    /// True once a staircase track has stopped; an adjustment ends with its trial.
    var isTrackFinished: Bool {
        if case .staircase(let s, _, _) = procedure { return s.isFinished }
        return false
    }

    /// The method name recorded with each response.
    var methodName: String {
        switch procedure {
        case .adjustment: "illusion_adjustment"
        case .staircase: "illusion_staircase"
        }
    }

    /// What the simulated participant is told when the trial opens.
    var window: ResponseWindow { .illusion(IllusionWindow(difference: difference, configuration: configuration)) }

    /// The action a key performs (recorded with the key event), or nil.
    func action(forKey key: String) -> String? {
        switch procedure {
        case .adjustment(_, let keys): keys.action(forKey: key)?.rawValue
        case let .staircase(_, more, less): key == more ? "more" : key == less ? "less" : nil
        }
    }

    /// Applies a key pressed `reactionTime` s after onset; returns the answer when the key completes a response:
    /// the confirmed setting with its trajectory (adjustment), or the presented difference with the choice and the
    /// track's PSE estimate so far (staircase: "A looks more" moves the difference down). Recorded values are the
    /// grid level's difference as shown.
    mutating func handle(_ event: KeyEvent, reactionTime: Double) -> ResponseState.Answer? {
        let shown = configuration.phase.difference(atLevel: levelIndex)
        switch procedure {
        case .adjustment(var a, let keys):
            guard let action = keys.action(forKey: event.key) else { return nil }
            a.apply(action, at: reactionTime)
            procedure = .adjustment(a, keys)
            return a.isConfirmed ? ResponseState.Answer(value: shown, trajectory: a.trajectory) : nil
        case .staircase(var s, let more, let less):
            guard event.key == more || event.key == less else { return nil }
            s.record(event.key == more)
            procedure = .staircase(s, more: more, less: less)
            return ResponseState.Answer(value: shown, choice: event.key, estimate: s.thresholdEstimate)
        }
    }
}

/// What a simulated participant needs to answer an illusion trial.
public struct IllusionWindow: Sendable {
    /// The `difference` shown at onset (the illusion's unit).
    public var difference: Double
    public var configuration: IllusionJudgement.Configuration
}
