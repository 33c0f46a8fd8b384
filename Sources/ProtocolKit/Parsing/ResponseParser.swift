/// Reads a test phase's `response:` block; the fields allowed depend on its `method`.
enum ResponseParser {
    static func readResponse(_ value: YAMLValue) -> ResponseMethodSpec? {
        guard case .mapping(let mapping) = value.node else {
            value.error("expected a response method (a mapping with 'method'), found \(value.shown)")
            return nil
        }
        guard let methodNode = mapping["method"] else {
            value.error("missing required field 'method'", choices: ResponseMethodSpec.Method.allCases.map(\.rawValue))
            return nil
        }
        guard let method = YAMLValue(node: methodNode, path: "\(value.path).method", sink: value.sink)
            .choice(ResponseMethodSpec.Method.self) else { return nil }
        switch method {
        case .nulling: return readNulling(value).map(ResponseMethodSpec.nulling)
        case .forcedChoice: return readForcedChoice(value).map(ResponseMethodSpec.forcedChoice)
        case .staircase: return readStaircase(value).map(ResponseMethodSpec.staircase)
        case .quest: return readQuest(value).map(ResponseMethodSpec.quest)
        }
    }

    private static func readNulling(_ value: YAMLValue) -> NullingSpec? {
        guard let map = value.mapping(allowed: ["method", "axis", "coarse_step", "fine_step", "min", "max",
                                                "start_centre", "start_spread", "keys"]) else { return nil }
        let axis = map.required("axis")?.choice(NullingAxis.self)
        let coarse = map.required("coarse_step")?.double(in: 1e-6...10)
        let fine = map.required("fine_step")?.double(in: 1e-6...10)
        let minValue = map.required("min")?.double(in: -10...10)
        let maxValue = map.required("max")?.double(in: -10...10)
        let centre = map.value("start_centre", default: 0) { $0.double(in: -10...10) }
        let spread = map.required("start_spread")?.double(in: 0...10)
        let keys = map.value("keys", default: .standard, readNullingKeys)
        guard let axis, let coarse, let fine, let minValue, let maxValue, let centre, let spread, let keys else { return nil }
        if minValue >= maxValue { map.required("max")?.error("'max' must exceed 'min' (\(formatNumber(minValue)))"); return nil }
        if fine > coarse { map.required("fine_step")?.error("the fine step must not exceed the coarse step"); return nil }
        if centre < minValue || centre > maxValue {
            map.owner.error("'start_centre' \(formatNumber(centre)) lies outside min...max"); return nil
        }
        return NullingSpec(axis: axis, coarseStep: coarse, fineStep: fine, minValue: minValue, maxValue: maxValue,
                           startCentre: centre, startSpread: spread, keys: keys)
    }

    static func readNullingKeys(_ value: YAMLValue) -> NullingKeys? {
        guard let map = value.mapping(allowed: ["coarse_up", "coarse_down", "fine_up", "fine_down", "confirm"]) else { return nil }
        let standard = NullingKeys.standard
        let keys = NullingKeys(
            coarseUp: map.optional("coarse_up").flatMap { $0.nonEmptyString() } ?? standard.coarseUp,
            coarseDown: map.optional("coarse_down").flatMap { $0.nonEmptyString() } ?? standard.coarseDown,
            fineUp: map.optional("fine_up").flatMap { $0.nonEmptyString() } ?? standard.fineUp,
            fineDown: map.optional("fine_down").flatMap { $0.nonEmptyString() } ?? standard.fineDown,
            confirm: map.optional("confirm").flatMap { $0.nonEmptyString() } ?? standard.confirm)
        let all = [keys.coarseUp, keys.coarseDown, keys.fineUp, keys.fineDown, keys.confirm]
        guard Set(all).count == all.count else { value.error("each key must be different: \(all.joined(separator: ", "))"); return nil }
        return keys
    }

    private static func readForcedChoice(_ value: YAMLValue) -> ForcedChoiceSpec? {
        guard let map = value.mapping(allowed: ["method", "choices"]) else { return nil }
        guard let list = map.required("choices"), let items = list.list() else { return nil }
        let choices = items.compactMap { item -> ForcedChoiceSpec.Choice? in
            guard let fields = item.mapping(allowed: ["key", "label"]) else { return nil }
            let key = fields.required("key")?.nonEmptyString()
            let label = fields.required("label").flatMap(ProtocolParser.readIdentifier)
            guard let key, let label else { return nil }
            return ForcedChoiceSpec.Choice(key: key, label: label)
        }
        guard choices.count == items.count else { return nil }
        guard choices.count >= 2 else { list.error("a forced choice needs at least two choices"); return nil }
        guard Set(choices.map(\.key)).count == choices.count else { list.error("two choices share a key"); return nil }
        guard Set(choices.map(\.label)).count == choices.count else { list.error("two choices share a label"); return nil }
        return ForcedChoiceSpec(choices: choices)
    }

    private static func readStaircase(_ value: YAMLValue) -> StaircaseSpec? {
        guard let map = value.mapping(allowed: ["method", "axis", "start_level", "n_up", "n_down", "step_up", "step_down",
                                                "min", "max", "stop_after_reversals", "max_trials",
                                                "reversals_for_estimate", "true_key", "false_key"]) else { return nil }
        let axis = map.required("axis")?.choice(NullingAxis.self)
        let start = map.required("start_level")?.double(in: -10...10)
        let nUp = map.value("n_up", default: 1) { $0.int(in: 1...10) }
        let nDown = map.value("n_down", default: 1) { $0.int(in: 1...10) }
        let stepUp = map.required("step_up")?.double(in: 1e-6...10)
        let stepDown = map.required("step_down")?.double(in: 1e-6...10)
        let minLevel = map.required("min")?.double(in: -10...10)
        let maxLevel = map.required("max")?.double(in: -10...10)
        let reversals = map.value("stop_after_reversals", default: 10) { $0.int(in: 1...1000) }
        let maxTrials = map.value("max_trials", default: 50) { $0.int(in: 1...10_000) }
        let forEstimate = map.value("reversals_for_estimate", default: 6) { $0.int(in: 1...1000) }
        let trueKey = map.required("true_key")?.nonEmptyString()
        let falseKey = map.required("false_key")?.nonEmptyString()
        guard let axis, let start, let nUp, let nDown, let stepUp, let stepDown, let minLevel, let maxLevel,
              let reversals, let maxTrials, let forEstimate, let trueKey, let falseKey else { return nil }
        guard minLevel < maxLevel, (minLevel...maxLevel).contains(start) else {
            map.owner.error("needs min < max and start_level inside them"); return nil
        }
        guard forEstimate <= reversals else {
            map.owner.error("'reversals_for_estimate' (\(forEstimate)) exceeds 'stop_after_reversals' (\(reversals))"); return nil
        }
        guard trueKey != falseKey else { map.owner.error("'true_key' and 'false_key' must differ"); return nil }
        return StaircaseSpec(axis: axis, startLevel: start, nUp: nUp, nDown: nDown, stepUp: stepUp, stepDown: stepDown,
                             minLevel: minLevel, maxLevel: maxLevel, stopAfterReversals: reversals, maxTrials: maxTrials,
                             reversalsForEstimate: forEstimate, trueKey: trueKey, falseKey: falseKey)
    }

    private static func readQuest(_ value: YAMLValue) -> QuestSpec? {
        guard let map = value.mapping(allowed: ["method", "axis", "t_guess", "t_guess_sd", "p_threshold", "beta", "delta",
                                                "gamma", "grain", "range", "trials", "true_key", "false_key"]) else { return nil }
        let axis = map.required("axis")?.choice(NullingAxis.self)
        let tGuess = map.required("t_guess")?.double(in: -10...10)
        let tGuessSd = map.required("t_guess_sd")?.double(in: 1e-6...100)
        let pThreshold = map.value("p_threshold", default: 0.82) { $0.double(in: 0.01...0.99) }
        let beta = map.value("beta", default: 3.5) { $0.double(in: 0.1...100) }
        let delta = map.value("delta", default: 0.01) { $0.double(in: 0...0.5) }
        let gamma = map.value("gamma", default: 0.5) { $0.double(in: 0...0.99) }
        let grain = map.value("grain", default: 0.01) { $0.double(in: 1e-6...1) }
        let range = map.value("range", default: 5) { $0.double(in: 1e-3...100) }
        let trials = map.required("trials")?.int(in: 1...10_000)
        let trueKey = map.required("true_key")?.nonEmptyString()
        let falseKey = map.required("false_key")?.nonEmptyString()
        guard let axis, let tGuess, let tGuessSd, let pThreshold, let beta, let delta, let gamma, let grain, let range,
              let trials, let trueKey, let falseKey else { return nil }
        guard grain < range else { map.owner.error("'grain' must be smaller than 'range'"); return nil }
        // The Weibull runs from γ (guessing) to δγ + 1 − δ (lapses): only values between are reached.
        let lowest = gamma, highest = delta * gamma + 1 - delta
        guard pThreshold > lowest, pThreshold < highest else {
            map.owner.error("'p_threshold' (\(pThreshold)) must lie strictly between gamma (\(lowest)) and delta·gamma + 1 − delta (\(highest)), the range the psychometric function covers")
            return nil
        }
        guard trueKey != falseKey else { map.owner.error("'true_key' and 'false_key' must differ"); return nil }
        return QuestSpec(axis: axis, tGuess: tGuess, tGuessSd: tGuessSd, pThreshold: pThreshold, beta: beta,
                         delta: delta, gamma: gamma, grain: grain, range: range, trials: trials,
                         trueKey: trueKey, falseKey: falseKey)
    }
}
