/// Reads an `illusion_pse` phase: its stimulus, strengths, difference range and method.
enum IllusionPhaseParser {
    /// Most pre-rendered `difference` levels per strength.
    static let maximumLevels = 401

    static func read(_ value: YAMLValue) -> IllusionPhaseSpec? {
        guard let map = value.mapping(allowed: ["kind", "name", "stimulus", "strengths", "repetitions", "min_difference",
                                                "max_difference", "response_window", "inter_trial_interval", "field_deg", "method"]) else { return nil }
        let name = map.required("name").flatMap(ProtocolParser.readIdentifier)
        let stimulus = map.required("stimulus").flatMap(ProtocolParser.readIdentifier)
        let strengths = map.required("strengths").flatMap { list -> [Double]? in
            guard let items = list.list() else { return nil }
            let read = items.compactMap { $0.double(in: -10...10) }
            guard read.count == items.count else { return nil }
            guard !read.isEmpty else { list.error("give at least one illusion_strength"); return nil }
            guard Set(read).count == read.count else { list.error("a strength appears twice"); return nil }
            return read
        }
        let repetitions = map.value("repetitions", default: 1) { $0.int(in: 1...1000) }
        let minDifference = map.required("min_difference")?.double(in: -1000...1000)
        let maxDifference = map.required("max_difference")?.double(in: -1000...1000)
        let window = map.optionalValue("response_window") { $0.timeSpan() }
        let iti = map.value("inter_trial_interval", default: .seconds(0.5)) { $0.timeSpan(allowZero: true) }
        let field = map.value("field_deg", default: 16) { $0.double(in: 0.5...180) }
        let method = map.required("method").flatMap(readMethod)
        guard let name, let stimulus, let strengths, let repetitions, let minDifference, let maxDifference, let window,
              let iti, let field, let method else { return nil }
        guard minDifference < maxDifference else {
            map.required("max_difference")?.error("'max_difference' must exceed 'min_difference' (\(formatNumber(minDifference)))")
            return nil
        }
        let spec = IllusionPhaseSpec(name: name, stimulus: stimulus, strengths: strengths, repetitions: repetitions,
                                     minDifference: minDifference, maxDifference: maxDifference, responseWindow: window,
                                     interTrialInterval: iti, fieldDeg: field, method: method)
        let steps = (maxDifference - minDifference) / spec.gridStep
        guard abs(steps - steps.rounded()) < 1e-6 else {
            map.owner.error("max_difference − min_difference (\(formatNumber(maxDifference - minDifference))) must be a whole number of steps of \(formatNumber(spec.gridStep)), so that every level can be pre-rendered")
            return nil
        }
        var trialsPerTrack = 1
        if case .staircase(let s) = method { trialsPerTrack = s.maxTrials }
        let trialCount = strengths.count * repetitions * trialsPerTrack
        guard trialCount <= PhaseParser.maximumTrials else {
            value.error("\(trialCount) trials (strengths × repetitions × trials per track) exceed the limit of \(PhaseParser.maximumTrials) per phase")
            return nil
        }
        guard spec.levelCount <= maximumLevels else {
            map.owner.error("\(spec.levelCount) difference levels (range / step + 1) exceed the limit of \(maximumLevels) per strength; use a larger step or a narrower range")
            return nil
        }
        return spec
    }

    private static func readMethod(_ value: YAMLValue) -> IllusionMethodSpec? {
        guard case .mapping(let mapping) = value.node else {
            value.error("expected a method (a mapping with 'type'), found \(value.shown)", choices: IllusionMethodSpec.Method.allCases.map(\.rawValue))
            return nil
        }
        guard let typeNode = mapping["type"] else {
            value.error("missing required field 'type'", choices: IllusionMethodSpec.Method.allCases.map(\.rawValue))
            return nil
        }
        guard let type = YAMLValue(node: typeNode, path: "\(value.path).type", sink: value.sink).choice(IllusionMethodSpec.Method.self) else { return nil }
        switch type {
        case .adjustment:
            guard let map = value.mapping(allowed: ["type", "coarse_step", "fine_step", "keys"]) else { return nil }
            let coarse = map.required("coarse_step")?.double(in: 1e-6...1000)
            let fine = map.required("fine_step")?.double(in: 1e-6...1000)
            let keys = map.value("keys", default: .standard, ResponseParser.readNullingKeys)
            guard let coarse, let fine, let keys else { return nil }
            let ratio = coarse / fine
            guard ratio >= 1, abs(ratio - ratio.rounded()) < 1e-6 else {
                map.required("coarse_step")?.error("the coarse step must be a whole multiple of the fine step (\(formatNumber(fine)))")
                return nil
            }
            return .adjustment(IllusionAdjustmentSpec(coarseStep: coarse, fineStep: fine, keys: keys))
        case .staircase:
            guard let map = value.mapping(allowed: ["type", "step", "max_trials", "stop_after_reversals", "reversals_for_estimate",
                                                    "more_key", "less_key"]) else { return nil }
            let step = map.required("step")?.double(in: 1e-6...1000)
            let maxTrials = map.value("max_trials", default: 40) { $0.int(in: 1...1000) }
            let reversals = map.value("stop_after_reversals", default: 10) { $0.int(in: 1...1000) }
            let forEstimate = map.value("reversals_for_estimate", default: 6) { $0.int(in: 1...1000) }
            let more = map.required("more_key")?.nonEmptyString()
            let less = map.required("less_key")?.nonEmptyString()
            guard let step, let maxTrials, let reversals, let forEstimate, let more, let less else { return nil }
            guard forEstimate <= reversals else {
                map.owner.error("'reversals_for_estimate' (\(forEstimate)) exceeds 'stop_after_reversals' (\(reversals))"); return nil
            }
            guard more != less else { map.owner.error("'more_key' and 'less_key' must differ"); return nil }
            return .staircase(IllusionStaircaseSpec(step: step, maxTrials: maxTrials, stopAfterReversals: reversals,
                                                    reversalsForEstimate: forEstimate, moreKey: more, lessKey: less))
        }
    }
}
