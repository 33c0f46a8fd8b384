/// Reads one entry of `phases:`; the fields allowed depend on its `kind`.
enum PhaseParser {
    /// Most trials one test phase may hold.
    static let maximumTrials = 10_000

    static func readPhase(_ value: YAMLValue) -> PhaseSpec? {
        guard case .mapping(let mapping) = value.node else {
            value.error("expected a phase (a mapping with 'kind' and 'name'), found \(value.shown)")
            return nil
        }
        // Read `kind` first: it decides which other keys are allowed.
        let kindNode = mapping["kind"].map { YAMLValue(node: $0, path: "\(value.path).kind", sink: value.sink) }
        guard let kindNode else {
            value.error("missing required field 'kind'", choices: PhaseSpec.Kind.allCases.map(\.rawValue))
            return nil
        }
        guard let kind = kindNode.choice(PhaseSpec.Kind.self) else { return nil }
        switch kind {
        case .instructions:
            guard let map = value.mapping(allowed: ["kind", "name", "text"]) else { return nil }
            let name = map.required("name").flatMap(ProtocolParser.readIdentifier)
            let text = map.required("text")?.nonEmptyString()
            guard let name, let text else { return nil }
            return .instructions(TextScreenSpec(name: name, text: text))
        case .consent:
            guard let map = value.mapping(allowed: ["kind", "name", "text", "ask_photosensitivity", "warn_lasting_effect"]) else { return nil }
            let name = map.required("name").flatMap(ProtocolParser.readIdentifier)
            let text = map.required("text")?.nonEmptyString()
            let ask = map.value("ask_photosensitivity", default: true) { $0.bool() }
            let warn = map.value("warn_lasting_effect", default: false) { $0.bool() }
            guard let name, let text, let ask, let warn else { return nil }
            return .consent(ConsentSpec(name: name, text: text, askPhotosensitivity: ask, warnLastingEffect: warn))
        case .adaptation, .reversal:
            guard let spec = readAdaptation(value) else { return nil }
            return kind == .adaptation ? .adaptation(spec) : .reversal(spec)
        case .test:
            return readTest(value).map(PhaseSpec.test)
        case .flickerPhotometry:
            return readFlickerPhotometry(value).map(PhaseSpec.flickerPhotometry)
        case .illusionPSE:
            return IllusionPhaseParser.read(value).map(PhaseSpec.illusionPSE)
        case .rest:
            guard let map = value.mapping(allowed: ["kind", "name", "text", "duration"]) else { return nil }
            let name = map.required("name").flatMap(ProtocolParser.readIdentifier)
            let text = map.optionalValue("text") { $0.nonEmptyString() }
            let duration = map.optionalValue("duration") { $0.timeSpan() }
            guard let name, let text, let duration else { return nil }
            return .rest(BreakSpec(name: name, text: text, duration: duration))
        }
    }

    private static func readAdaptation(_ value: YAMLValue) -> AdaptationSpec? {
        guard let map = value.mapping(allowed: ["kind", "name", "sequence", "blank_between", "total_duration",
                                                "repetitions", "fixation", "countdown", "optional"]) else { return nil }
        let name = map.required("name").flatMap(ProtocolParser.readIdentifier)
        let sequence = map.required("sequence").flatMap { list -> [AdaptationSpec.SequenceItem]? in
            guard let items = list.list() else { return nil }
            if items.isEmpty { list.error("the sequence needs at least one stimulus") }
            let read = items.compactMap { item -> AdaptationSpec.SequenceItem? in
                guard let fields = item.mapping(allowed: ["stimulus", "duration"]) else { return nil }
                let stimulus = fields.required("stimulus").flatMap(ProtocolParser.readIdentifier)
                let duration = fields.required("duration")?.timeSpan()
                guard let stimulus, let duration else { return nil }
                return AdaptationSpec.SequenceItem(stimulus: stimulus, duration: duration)
            }
            return read.count == items.count && !items.isEmpty ? read : nil
        }
        let blank = map.optionalValue("blank_between") { $0.timeSpan(allowZero: true) }
        let total: AdaptationLength?
        switch (map.optional("total_duration"), map.optional("repetitions")) {
        case (let duration?, nil): total = duration.timeSpan().map(AdaptationLength.duration)
        case (nil, let repetitions?): total = repetitions.int(in: 1...1_000_000).map(AdaptationLength.repetitions)
        case (_?, let repetitions?):
            repetitions.error("give either 'total_duration' or 'repetitions', not both"); total = nil
        case (nil, nil):
            map.owner.error("missing 'total_duration' or 'repetitions'", choices: ["total_duration", "repetitions"]); total = nil
        }
        let fixation = map.optionalValue("fixation", readFixation)
        let countdown = map.value("countdown", default: true) { $0.bool() }
        let optional = map.value("optional", default: false) { $0.bool() }
        guard let name, let sequence, let blank, let total, let fixation, let countdown, let optional else { return nil }
        let blankBetween: TimeSpan? = (blank.map { $0.seconds(atRefresh: 1) == 0 } ?? true) ? nil : blank
        return AdaptationSpec(name: name, sequence: sequence, blankBetween: blankBetween, total: total,
                              fixation: fixation, countdown: countdown, optional: optional)
    }

    private static func readFixation(_ value: YAMLValue) -> FixationTaskSpec? {
        guard let map = value.mapping(allowed: ["letters", "interval", "jitter_deg", "size_deg", "target",
                                                "target_probability", "response_key"]) else { return nil }
        let letters = map.required("letters").flatMap { field -> [String]? in
            guard let text = field.nonEmptyString() else { return nil }
            let letters = text.filter { !$0.isWhitespace }.map(String.init)
            guard letters.count >= 2 else { field.error("needs at least two letters so that a change is visible"); return nil }
            guard Set(letters).count == letters.count else { field.error("a letter appears twice"); return nil }
            return letters
        }
        let interval = map.required("interval")?.timeSpan()
        let jitter = map.value("jitter_deg", default: 0) { $0.double(in: 0...20) }
        let size = map.value("size_deg", default: 0.5) { $0.double(in: 0.05...10) }
        let target = map.optionalValue("target") { $0.nonEmptyString() }
        let probability = map.value("target_probability", default: (map.has("target") ? 0.1 : 0)) { $0.double(in: 0...1) }
        let key = map.value("response_key", default: "space") { $0.nonEmptyString() }
        if let target = target ?? nil, let letters, !letters.contains(target), let field = map.optional("target") {
            field.error("the target '\(target)' is not among the letters", choices: letters)
            return nil
        }
        if let target = target ?? nil, let letters, letters.count < 3, let field = map.optional("letters") {
            field.error("with a target letter ('\(target)') at least two other letters are needed, so that every change shows a new letter")
            return nil
        }
        if map.has("target_probability"), !map.has("target"), let field = map.optional("target_probability") {
            field.error("'target_probability' needs a 'target' letter")
            return nil
        }
        guard let letters, let interval, let jitter, let size, let target, let probability, let key else { return nil }
        return FixationTaskSpec(letters: letters, interval: interval, jitterDeg: jitter, sizeDeg: size, target: target,
                                targetProbability: probability, responseKey: key)
    }

    private static func readTest(_ value: YAMLValue) -> TestSpec? {
        guard let map = value.mapping(allowed: ["kind", "name", "conditions", "repetitions", "order", "stimulus_duration",
                                                "response_window", "inter_trial_interval", "response"]) else { return nil }
        let name = map.required("name").flatMap(ProtocolParser.readIdentifier)
        let conditions = map.required("conditions").flatMap { list -> [TestCondition]? in
            guard let items = list.list() else { return nil }
            if items.isEmpty { list.error("a test needs at least one condition") }
            let read = items.compactMap { item -> TestCondition? in
                guard let fields = item.mapping(allowed: ["label", "stimulus", "correct_choice"]) else { return nil }
                let label = fields.required("label").flatMap(ProtocolParser.readIdentifier)
                let stimulus = fields.required("stimulus").flatMap(ProtocolParser.readIdentifier)
                let correct = fields.optionalValue("correct_choice") { $0.nonEmptyString() }
                guard let label, let stimulus, let correct else { return nil }
                return TestCondition(label: label, stimulus: stimulus, correctChoice: correct)
            }
            return read.count == items.count && !items.isEmpty ? read : nil
        }
        let repetitions = map.value("repetitions", default: 1) { $0.int(in: 1...10_000) }
        let order = map.value("order", default: .shuffled) { $0.choice(TrialOrder.self) }
        let stimulusDuration = readUntilResponse(map.optional("stimulus_duration"), word: "until_response")
        let window = readUntilResponse(map.optional("response_window"), word: "unlimited")
        let iti = map.value("inter_trial_interval", default: .seconds(0.5)) { $0.timeSpan(allowZero: true) }
        let response = map.required("response").flatMap(ResponseParser.readResponse)
        guard let name, let conditions, let repetitions, let order, let stimulusDuration, let window, let iti,
              let response else { return nil }
        let trialCount = conditions.count * repetitions * response.slotsPerTrack
        guard trialCount <= maximumTrials else {
            value.error("\(trialCount) trials (conditions × repetitions × trials per track) exceed the limit of \(maximumTrials) per phase")
            return nil
        }
        return TestSpec(name: name, conditions: conditions, repetitions: repetitions, order: order,
                        stimulusDuration: stimulusDuration, responseWindow: window, interTrialInterval: iti,
                        response: response)
    }

    /// A duration, or `word` (also the default) meaning "no limit"; `.some(nil)` stands for no limit.
    private static func readUntilResponse(_ value: YAMLValue?, word: String) -> TimeSpan?? {
        guard let value else { return .some(nil) }
        if case .scalar(let scalar) = value.node, scalar.string == word { return .some(nil) }
        if case .scalar(let scalar) = value.node, TimeSpan.parse(scalar.string).isFailure {
            value.error("expected a duration or '\(word)', found \(value.shown)", choices: [word] + TimeSpan.unitNames)
            return nil
        }
        guard let span = value.timeSpan() else { return nil }
        return .some(span)
    }

    private static func readFlickerPhotometry(_ value: YAMLValue) -> FlickerPhotometrySpec? {
        guard let map = value.mapping(allowed: ["kind", "name", "field_diameter_deg", "frequency_hz", "red_linear_rgb",
                                                "green_linear_rgb", "settings", "start_gain_range", "coarse_step",
                                                "fine_step", "result_name", "keys"]) else { return nil }
        let name = map.required("name").flatMap(ProtocolParser.readIdentifier)
        let diameter = map.required("field_diameter_deg")?.double(in: 0.1...60)
        let frequency = map.required("frequency_hz")?.double(in: 1...60)
        let red = map.required("red_linear_rgb")?.numbers(count: 3, in: 0...1)
        let green = map.required("green_linear_rgb")?.numbers(count: 3, in: 0...1)
        let settings = map.value("settings", default: 6) { $0.int(in: 1...100) }
        let startRange = map.value("start_gain_range", default: [0.2, 0.8]) { field -> [Double]? in
            guard let range = field.numbers(count: 2, in: 0...1) else { return nil }
            guard range[0] <= range[1] else { field.error("the first value must not exceed the second"); return nil }
            return range
        }
        let coarse = map.value("coarse_step", default: 0.05) { $0.double(in: 0.0001...1) }
        let fine = map.value("fine_step", default: 0.01) { $0.double(in: 0.0001...1) }
        let result = map.required("result_name").flatMap(ProtocolParser.readIdentifier)
        let keys = map.value("keys", default: .standard, ResponseParser.readNullingKeys)
        guard let name, let diameter, let frequency, let red, let green, let settings, let startRange, let coarse,
              let fine, let result, let keys else { return nil }
        return FlickerPhotometrySpec(name: name, fieldDiameterDeg: diameter, frequencyHz: frequency, redLinearRGB: red,
                                     greenLinearRGB: green, settings: settings, startGainRange: startRange,
                                     coarseStep: coarse, fineStep: fine, resultName: result, keys: keys)
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { return true } else { return false } }
}
