import Foundation

/// One participant's contingent effect against time since adaptation, across sessions, with
/// exponential and power-law decay fitted and compared.
public struct ParticipantDecay: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var sessionID: Int64
        public var phaseName: String
        /// Mean response time of the phase minus the end of the latest adaptation before it (h).
        public var hoursSinceAdaptation: Double
        /// Paired condition A − B of the phase's settings, minus the same difference before
        /// adaptation when the participant has such a baseline (Welch 95% CI), in `unit`.
        public var effect: Estimate
    }

    public var participantCode: String
    public var unit: String
    public var points: [Point]
    /// `nil` with fewer than three points at two or more distinct times.
    public var decay: DecayComparison?
    /// Spearman ρ of effect against time (negative for a decaying effect); `nil` below two points.
    public var rankCorrelation: Double?
    /// Whether a pre-adaptation baseline was subtracted.
    public var baselineSubtracted: Bool

    /// Builds the decay series from all sessions of one participant (any order). A phase
    /// counts when it has at least two settings of each paired condition and an adaptation
    /// (in its session or an earlier one) ended before it. Session clocks are taken to start at
    /// each session's `startedAt`.
    public init(participantCode: String, sessions: [SessionData], options: ReportOptions = ReportOptions()) {
        self.participantCode = participantCode
        let ordered = sessions.sorted { $0.startedAt < $1.startedAt }
        let settings = ordered.map { NullingSetting.extract($0, options: options) }
        unit = settings.joined().first { !$0.unit.isEmpty }?.unit ?? ""
        let paired = options.pairedConditions
        guard paired.count >= 2 else {
            points = []; decay = nil; rankCorrelation = nil; baselineSubtracted = false
            return
        }
        let (a, b) = (paired[0], paired[1])
        // Baseline: the earliest session with pre-adaptation settings of both paired conditions.
        var baseline: ([Double], [Double])?
        for (session, list) in zip(ordered, settings) {
            let before = list.filter { AdaptationStage.of(phaseIndex: $0.phaseIndex, in: session, options: options) == .before }
            let base = (before.filter { $0.condition == a }.map(\.value), before.filter { $0.condition == b }.map(\.value))
            if base.0.count >= 2 && base.1.count >= 2 { baseline = base; break }
        }
        baselineSubtracted = baseline != nil
        let adaptationEnds: [Date] = ordered.flatMap { session in
            session.phases.filter { options.adaptationKinds.contains($0.kind) }.compactMap(\.endS)
                .map { session.startedAt.addingTimeInterval($0) }
        }.sorted()

        var points: [Point] = []
        for (session, list) in zip(ordered, settings) {
            for phase in session.phases.sorted(by: { $0.index < $1.index }) {
                let inPhase = list.filter { $0.phaseIndex == phase.index }
                guard !inPhase.isEmpty,
                      AdaptationStage.of(phaseIndex: phase.index, in: session, options: options) != .before else { continue }
                let meanTime = session.startedAt.addingTimeInterval(Descriptive.mean(inPhase.map(\.responseTimeS))!)
                guard let adaptationEnd = adaptationEnds.last(where: { $0 <= meanTime }) else { continue }
                let groups = [inPhase.filter { $0.condition == a }.map(\.value), inPhase.filter { $0.condition == b }.map(\.value)]
                let estimate = baseline.map {
                    WelchContrast.estimate(groups: groups + [$0.0, $0.1], weights: [1, -1, -1, 1])
                } ?? WelchContrast.estimate(groups: groups, weights: [1, -1])
                guard let estimate else { continue }
                points.append(Point(sessionID: session.id, phaseName: phase.name,
                                    hoursSinceAdaptation: meanTime.timeIntervalSince(adaptationEnd) / 3600, effect: estimate))
            }
        }
        self.points = points
        let times = points.map(\.hoursSinceAdaptation), effects = points.map(\.effect.value)
        decay = DecayComparison(times: times, effects: effects)
        rankCorrelation = points.count >= 2 ? SpearmanCorrelation.rho(times, effects) : nil
    }
}

/// Per-participant figures and the group mean.
public struct GroupSummary: Sendable, Equatable {
    public var participants: [ParticipantDecay]
    /// Each participant's earliest post-adaptation effect (code, effect in the nulling unit).
    public var initialEffects: [(code: String, effect: Double)]
    /// Mean of the initial effects over participants, with a 95% t interval.
    public var groupMean: MeanSummary?

    public init(participants: [ParticipantDecay]) {
        self.participants = participants
        initialEffects = participants.compactMap { p in
            p.points.min { $0.hoursSinceAdaptation < $1.hoursSinceAdaptation }.map { (p.participantCode, $0.effect.value) }
        }
        groupMean = MeanSummary(initialEffects.map(\.effect))
    }

    public static func == (x: GroupSummary, y: GroupSummary) -> Bool {
        x.participants == y.participants && x.initialEffects.map(\.code) == y.initialEffects.map(\.code)
            && x.initialEffects.map(\.effect) == y.initialEffects.map(\.effect) && x.groupMean == y.groupMean
    }
}
