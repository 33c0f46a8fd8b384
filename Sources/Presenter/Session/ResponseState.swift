import StimulusKit
import ProtocolKit

/// The running state of a phase's response: turns key presses into recorded responses.
struct ResponseState {
    private(set) var procedure: Procedure
    /// Number of responses completed so far in this phase.
    private(set) var step = 0
    private var generator: SeededGenerator

    enum Procedure {
        case anyKey
        case nulling(NullingAdjustment, NullingKeys, TintMapping, target: Double, contingency: Double, adapted: Bool)
        case staircase(UpDownStaircase, positive: String, negative: String, TintMapping, contingency: Double, adapted: Bool)
        case quest(Quest, positive: String, negative: String, TintMapping, contingency: Double, adapted: Bool)
        case forcedChoice(ForcedChoice, correct: Int?, evidence: [Double])
        case illusion(IllusionJudgement)
    }

    init(_ response: PlannedResponse, seed: UInt64) {
        generator = SeededGenerator(seed: seed)
        switch response {
        case .anyKey: procedure = .anyKey
        case let .nulling(config, keys, tint, target, contingency, adapted):
            procedure = .nulling(NullingAdjustment(config, generator: &generator), keys, tint, target: target, contingency: contingency, adapted: adapted)
        case let .staircase(config, positive, negative, tint, contingency, adapted):
            procedure = .staircase(UpDownStaircase(config), positive: positive, negative: negative, tint, contingency: contingency, adapted: adapted)
        case let .quest(config, positive, negative, tint, contingency, adapted):
            procedure = .quest(Quest(config), positive: positive, negative: negative, tint, contingency: contingency, adapted: adapted)
        case let .forcedChoice(fc, correct, evidence):
            procedure = .forcedChoice(fc, correct: correct, evidence: evidence)
        case let .illusion(config):
            procedure = .illusion(IllusionJudgement(config))
        }
    }

    /// The tint modulation to draw tinted layers with now, if any.
    var modulation: RGB8? {
        switch procedure {
        case let .nulling(a, _, tint, _, _, _): tint.modulation(a.value)
        case let .staircase(s, _, _, tint, _, _): tint.modulation(s.level)
        case let .quest(q, _, _, tint, _, _): tint.modulation(q.mean)
        case .anyKey, .forcedChoice, .illusion: nil
        }
    }

    /// The pre-rendered level that level layers draw now (illusion trials), if any.
    var level: Int? {
        if case let .illusion(j) = procedure { return j.levelIndex }
        return nil
    }

    /// True when an adaptive track has stopped (staircase reversals or trials, QUEST trials);
    /// other procedures end with their trial.
    var isTrackFinished: Bool {
        switch procedure {
        case .anyKey, .forcedChoice, .nulling: step > 0
        case let .staircase(s, _, _, _, _, _): s.isFinished
        case let .quest(q, _, _, _, _, _): q.isFinished
        case let .illusion(j): j.isTrackFinished
        }
    }

    /// The adjustment steps made so far (nulling; empty otherwise): what a timed-out response keeps.
    var trajectory: [NullingAdjustment.Step] {
        if case let .nulling(a, _, _, _, _, _) = procedure { a.trajectory } else { [] }
    }

    /// What a simulated participant is told when this response's window opens.
    var window: ResponseWindow {
        switch procedure {
        case .anyKey: .anyKey(key: "space")
        case let .nulling(a, keys, _, target, contingency, adapted):
            .nulling(start: a.value, method: a.configuration, keys: keys, target: target, contingency: contingency, adapted: adapted)
        case let .staircase(s, positive, negative, _, contingency, adapted):
            .yesNo(value: s.level, positiveKey: positive, negativeKey: negative, contingency: contingency, adapted: adapted)
        case let .quest(q, positive, negative, _, contingency, adapted):
            .yesNo(value: q.mean, positiveKey: positive, negativeKey: negative, contingency: contingency, adapted: adapted)
        case let .forcedChoice(fc, _, evidence): .forcedChoice(keys: fc.keys, evidence: evidence)
        case let .illusion(j): j.window
        }
    }

    /// The method name recorded with each response.
    var methodName: String {
        switch procedure {
        case .anyKey: "any_key"
        case .nulling: "nulling"
        case .staircase: "staircase"
        case .quest: "quest"
        case .forcedChoice: "forced_choice"
        case let .illusion(j): j.methodName
        }
    }

    /// The action a key performs in this procedure (recorded with the key event), or nil.
    func action(forKey key: String) -> String? {
        switch procedure {
        case .anyKey: "continue"
        case let .nulling(_, keys, _, _, _, _): keys.action(forKey: key)?.rawValue
        case let .staircase(_, positive, negative, _, _, _), let .quest(_, positive, negative, _, _, _):
            key == positive ? "positive" : key == negative ? "negative" : nil
        case let .forcedChoice(fc, _, _): fc.alternative(forKey: key).map { "alternative \($0)" }
        case let .illusion(j): j.action(forKey: key)
        }
    }

    /// Applies a key pressed `reactionTime` s after onset. Returns (value, choice, correct,
    /// trajectory, estimate) when the key completes a response, nil otherwise.
    mutating func handle(_ event: KeyEvent, reactionTime: Double) -> Answer? {
        let answer = interpret(event, reactionTime: reactionTime)
        if answer != nil { step += 1 }
        return answer
    }

    private mutating func interpret(_ event: KeyEvent, reactionTime: Double) -> Answer? {
        switch procedure {
        case .anyKey:
            return Answer(value: nil, choice: event.key)
        case .nulling(var a, let keys, let tint, let target, let contingency, let adapted):
            guard let action = keys.action(forKey: event.key) else { return nil }
            a.apply(action, at: reactionTime)
            procedure = .nulling(a, keys, tint, target: target, contingency: contingency, adapted: adapted)
            return a.isConfirmed ? Answer(value: a.value, trajectory: a.trajectory) : nil
        case .staircase(var s, let positive, let negative, let tint, let contingency, let adapted):
            guard event.key == positive || event.key == negative else { return nil }
            let level = s.level
            s.record(event.key == positive)
            procedure = .staircase(s, positive: positive, negative: negative, tint, contingency: contingency, adapted: adapted)
            return Answer(value: level, choice: event.key, estimate: s.thresholdEstimate)
        case .quest(var q, let positive, let negative, let tint, let contingency, let adapted):
            guard event.key == positive || event.key == negative else { return nil }
            let level = q.mean
            q.record(intensity: level, response: event.key == positive)
            procedure = .quest(q, positive: positive, negative: negative, tint, contingency: contingency, adapted: adapted)
            return Answer(value: level, choice: event.key, estimate: q.mean)
        case let .forcedChoice(fc, correct, _):
            guard let a = fc.answer(key: event.key, reactionTime: reactionTime, correctAlternative: correct) else { return nil }
            return Answer(value: nil, choice: event.key, correct: a.correct)
        case .illusion(var j):
            let answer = j.handle(event, reactionTime: reactionTime)
            procedure = .illusion(j)
            return answer
        }
    }

    /// What one completed response says, before the player adds times and indices.
    struct Answer {
        var value: Double?
        var choice: String? = nil
        var correct: Bool? = nil
        var trajectory: [NullingAdjustment.Step] = []
        var estimate: Double? = nil
    }
}
