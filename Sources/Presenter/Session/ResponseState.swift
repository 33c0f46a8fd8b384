/// The running state of a phase's response: turns key presses into recorded responses.
struct ResponseState {
    private(set) var procedure: Procedure
    /// Number of responses completed so far in this phase.
    private(set) var step = 0
    private var generator: SeededGenerator

    enum Procedure {
        case anyKey
        case nulling(NullingAdjustment, NullingKeys, TintMapping, contingency: Double, adapted: Bool)
        case staircase(UpDownStaircase, positive: String, negative: String, TintMapping, contingency: Double, adapted: Bool)
        case quest(Quest, positive: String, negative: String, TintMapping, contingency: Double, adapted: Bool)
        case forcedChoice(ForcedChoice, correct: Int?, evidence: [Double])
    }

    init(_ response: PlannedResponse, seed: UInt64) {
        generator = SeededGenerator(seed: seed)
        switch response {
        case .anyKey: procedure = .anyKey
        case let .nulling(config, keys, tint, contingency, adapted):
            procedure = .nulling(NullingAdjustment(config, generator: &generator), keys, tint, contingency: contingency, adapted: adapted)
        case let .staircase(config, positive, negative, tint, contingency, adapted):
            procedure = .staircase(UpDownStaircase(config), positive: positive, negative: negative, tint, contingency: contingency, adapted: adapted)
        case let .quest(config, positive, negative, tint, contingency, adapted):
            procedure = .quest(Quest(config), positive: positive, negative: negative, tint, contingency: contingency, adapted: adapted)
        case let .forcedChoice(fc, correct, evidence):
            procedure = .forcedChoice(fc, correct: correct, evidence: evidence)
        }
    }

    /// The tint modulation to draw tinted layers with now, if any.
    var modulation: RGB8? {
        switch procedure {
        case let .nulling(a, _, tint, _, _): tint.modulation(a.value)
        case let .staircase(s, _, _, tint, _, _): tint.modulation(s.level)
        case let .quest(q, _, _, tint, _, _): tint.modulation(q.mean)
        case .anyKey, .forcedChoice: nil
        }
    }

    /// True when the phase needs no more responses.
    var isFinished: Bool {
        switch procedure {
        case .anyKey, .forcedChoice: step > 0
        case let .nulling(a, _, _, _, _): a.isConfirmed
        case let .staircase(s, _, _, _, _, _): s.isFinished
        case let .quest(q, _, _, _, _, _): q.isFinished
        }
    }

    /// What a simulated participant is told when this response's window opens.
    var window: ResponseWindow {
        switch procedure {
        case .anyKey: .anyKey(key: "space")
        case let .nulling(a, keys, _, contingency, adapted):
            .nulling(start: a.value, method: a.configuration, keys: keys, contingency: contingency, adapted: adapted)
        case let .staircase(s, positive, negative, _, contingency, adapted):
            .yesNo(value: s.level, positiveKey: positive, negativeKey: negative, contingency: contingency, adapted: adapted)
        case let .quest(q, positive, negative, _, contingency, adapted):
            .yesNo(value: q.mean, positiveKey: positive, negativeKey: negative, contingency: contingency, adapted: adapted)
        case let .forcedChoice(fc, _, evidence): .forcedChoice(keys: fc.keys, evidence: evidence)
        }
    }

    /// Applies a key pressed `reactionTime` s after onset; returns a record when it completes a response.
    mutating func handle(_ event: KeyEvent, reactionTime: Double, phase: Int, trialIndex: Int?) -> ResponseRecord? {
        func record(_ method: String, _ value: Double, answer: Bool?, trajectory: [NullingAdjustment.Step] = [],
                    estimate: Double? = nil) -> ResponseRecord {
            defer { step += 1 }
            return ResponseRecord(phase: phase, trialIndex: trialIndex, step: step, method: method, value: value,
                                  key: event.key, answer: answer, reactionTime: reactionTime,
                                  trajectory: trajectory, estimate: estimate)
        }
        switch procedure {
        case .anyKey:
            return record("any-key", 0, answer: nil)
        case .nulling(var a, let keys, let tint, let contingency, let adapted):
            guard let action = keys.action(forKey: event.key) else { return nil }
            a.apply(action, at: reactionTime)
            procedure = .nulling(a, keys, tint, contingency: contingency, adapted: adapted)
            return a.isConfirmed ? record("nulling", a.value, answer: nil, trajectory: a.trajectory) : nil
        case .staircase(var s, let positive, let negative, let tint, let contingency, let adapted):
            guard event.key == positive || event.key == negative else { return nil }
            let level = s.level
            s.record(event.key == positive)
            procedure = .staircase(s, positive: positive, negative: negative, tint, contingency: contingency, adapted: adapted)
            return record("staircase", level, answer: event.key == positive, estimate: s.thresholdEstimate)
        case .quest(var q, let positive, let negative, let tint, let contingency, let adapted):
            guard event.key == positive || event.key == negative else { return nil }
            let level = q.mean
            q.record(intensity: level, response: event.key == positive)
            procedure = .quest(q, positive: positive, negative: negative, tint, contingency: contingency, adapted: adapted)
            return record("quest", level, answer: event.key == positive, estimate: q.mean)
        case let .forcedChoice(fc, correct, _):
            guard let answer = fc.answer(key: event.key, reactionTime: reactionTime, correctAlternative: correct) else { return nil }
            return record("forced-choice", Double(answer.choice), answer: answer.correct)
        }
    }
}
