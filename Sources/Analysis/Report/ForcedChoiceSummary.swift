/// Forced-choice blocks of a session: psychometric functions fitted by maximum likelihood.
public struct ForcedChoiceSummary: Sendable, Equatable {
    public struct Block: Sendable, Equatable {
        /// Phase name and condition, e.g. "test 2 · 90°".
        public var label: String
        /// Unit of the stimulus level.
        public var unit: String
        public var guessRate: Double
        public var points: [PsychometricPoint]
        /// One fit per shape that could be fitted.
        public var fits: [PsychometricFit]
    }

    public var blocks: [Block]

    /// `nil` when the session has no forced-choice responses with a level and a correctness.
    public init?(session: SessionData, options: ReportOptions) {
        let groups = ResponseGroup.make(session, methods: options.forcedChoiceMethods, options: options)
        blocks = groups.compactMap { group in
            let answered = group.responses.filter { $0.value != nil && $0.correct != nil }
            guard !answered.isEmpty else { return nil }
            let points = PsychometricPoint.pool(levels: answered.map { $0.value! }, correct: answered.map { $0.correct! })
            let alternatives = group.conditions[options.alternativesKey]?.number
            let guess = alternatives.map { 1 / $0 } ?? options.defaultGuessRate
            let fits = PsychometricShape.allCases.compactMap {
                PsychometricFit.fit($0, points: points, guessRate: guess, lapse: options.lapse)
            }
            return Block(label: group.label, unit: group.unit, guessRate: guess, points: points, fits: fits)
        }
        if blocks.isEmpty { return nil }
    }
}

/// Staircase tracks of a session with their reversals and threshold estimates.
public struct StaircaseSummary: Sendable, Equatable {
    public struct Track: Sendable, Equatable {
        public var label: String
        /// Unit of the levels.
        public var unit: String
        /// Level presented on each trial, in trial order.
        public var levels: [Double]
        public var analysis: StaircaseAnalysis
    }

    public var tracks: [Track]

    /// `nil` when the session has no staircase responses with a level.
    public init?(session: SessionData, options: ReportOptions) {
        tracks = ResponseGroup.make(session, methods: options.staircaseMethods, options: options).compactMap { group in
            let levels = group.responses.compactMap(\.value)
            guard !levels.isEmpty else { return nil }
            return Track(label: group.label, unit: group.unit, levels: levels,
                         analysis: StaircaseAnalysis(levels: levels, lastReversals: options.lastReversals))
        }
        if tracks.isEmpty { return nil }
    }
}

/// Responses of some methods grouped by phase and test condition, in trial order.
struct ResponseGroup {
    var label: String
    var unit: String
    /// Conditions of the group's first trial.
    var conditions: [String: ConditionValue]
    var responses: [SessionData.Response]

    static func make(_ session: SessionData, methods: Set<String>, options: ReportOptions) -> [ResponseGroup] {
        let trials = Dictionary(session.trials.map { ([$0.phaseIndex, $0.trialIndex], $0.conditions) },
                                uniquingKeysWith: { _, last in last })
        let phaseNames = Dictionary(session.phases.map { ($0.index, $0.name) }, uniquingKeysWith: { a, _ in a })
        var order: [[String]] = []
        var groups: [[String]: ResponseGroup] = [:]
        let responses = session.responses.filter { methods.contains($0.method) }
            .sorted { ($0.phaseIndex, $0.trialIndex) < ($1.phaseIndex, $1.trialIndex) }
        for response in responses {
            let conditions = trials[[response.phaseIndex, response.trialIndex]] ?? [:]
            let condition = conditions[options.conditionKey]?.number
            let phase = phaseNames[response.phaseIndex] ?? "phase \(response.phaseIndex)"
            let key = [String(response.phaseIndex), condition.map { String($0) } ?? "", response.method]
            if groups[key] == nil {
                order.append(key)
                let label = condition.map { "\(phase) · \(NullingSummary.label($0, key: options.conditionKey))" } ?? phase
                groups[key] = ResponseGroup(label: label, unit: response.valueUnit ?? "", conditions: conditions, responses: [])
            }
            groups[key]!.responses.append(response)
        }
        return order.map { groups[$0]! }
    }
}
