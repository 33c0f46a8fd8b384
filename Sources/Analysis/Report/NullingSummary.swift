import Foundation

/// One final nulling setting with its test condition.
struct NullingSetting: Sendable, Equatable {
    var phaseIndex: Int
    /// Value of the condition key (e.g. orientation in deg); `nil` when the trial lacks it.
    var condition: Double?
    /// The setting that made the test look neutral, in `unit`.
    var value: Double
    var unit: String
    /// Response time (s, session clock).
    var responseTimeS: Double
    var trajectory: [TrajectoryStep]

    /// The session's nulling responses that carry a value.
    static func extract(_ session: SessionData, options: ReportOptions) -> [NullingSetting] {
        let conditions = Dictionary(session.trials.map { ([$0.phaseIndex, $0.trialIndex], $0.conditions) },
                                    uniquingKeysWith: { _, last in last })
        return session.responses.compactMap { r in
            guard options.nullingMethods.contains(r.method), let value = r.value else { return nil }
            let condition = conditions[[r.phaseIndex, r.trialIndex]]?[options.conditionKey]?.number
            return NullingSetting(phaseIndex: r.phaseIndex, condition: condition, value: value, unit: r.valueUnit ?? "",
                                  responseTimeS: r.responseTimeS, trajectory: r.trajectory)
        }
    }
}

/// Where a measurement stands relative to the session's adaptation.
public enum AdaptationStage: String, Sendable, CaseIterable {
    case before = "before adaptation"
    case after = "after adaptation"
    /// The session has no adaptation phase (e.g. a retest).
    case noAdaptation = "no adaptation in this session"

    /// The stage of phase `phaseIndex` of `session`.
    static func of(phaseIndex: Int, in session: SessionData, options: ReportOptions) -> AdaptationStage {
        let adaptation = session.phases.filter { options.adaptationKinds.contains($0.kind) }.map(\.index)
        guard let first = adaptation.min() else { return .noAdaptation }
        return phaseIndex < first ? .before : .after
    }
}

/// Nulling results of one session: the mean setting per condition and stage with 95% CIs,
/// the shift each adaptation caused, and the orientation-contingent effect.
public struct NullingSummary: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        /// Condition value (e.g. orientation, deg); `nil` when unrecorded.
        public var condition: Double?
        public var stage: AdaptationStage
        public var values: [Double]
        public var summary: MeanSummary?
        /// Every adjustment's trajectory, in response order.
        public var trajectories: [[TrajectoryStep]]
    }

    public struct Contrast: Sendable, Equatable {
        /// What was compared, e.g. "shift 90° − shift 45°".
        public var label: String
        public var estimate: Estimate
    }

    /// Unit of the settings (e.g. `dkl_lm`).
    public var unit: String
    /// Condition key of the options (e.g. `orientation_deg`).
    public var conditionKey: String
    public var cells: [Cell]
    /// after − before per condition (Welch 95% CI).
    public var shifts: [Contrast]
    /// The contingent effect: paired condition A − paired condition B, of the shifts when both
    /// stages were measured, else of the settings after adaptation (or in the session).
    public var contingentEffect: Contrast?
    /// Each paired condition's shift minus each control condition's shift (drift removed).
    public var controlCorrected: [Contrast]

    /// `nil` when the session has no nulling settings.
    public init?(session: SessionData, options: ReportOptions) {
        let settings = NullingSetting.extract(session, options: options)
        guard !settings.isEmpty else { return nil }
        unit = settings.first(where: { !$0.unit.isEmpty })?.unit ?? ""
        conditionKey = options.conditionKey
        let stageOf = { (s: NullingSetting) in AdaptationStage.of(phaseIndex: s.phaseIndex, in: session, options: options) }
        let conditionValues = Set(settings.map(\.condition)).sorted { ($0 ?? -.infinity) < ($1 ?? -.infinity) }
        var cells: [Cell] = []
        for stage in AdaptationStage.allCases {
            for condition in conditionValues {
                let matching = settings.filter { $0.condition == condition && stageOf($0) == stage }
                guard !matching.isEmpty else { continue }
                let values = matching.map(\.value)
                cells.append(Cell(condition: condition, stage: stage, values: values, summary: MeanSummary(values),
                                  trajectories: matching.map(\.trajectory)))
            }
        }
        self.cells = cells
        func values(_ condition: Double?, _ stage: AdaptationStage) -> [Double] {
            cells.first { $0.condition == condition && $0.stage == stage }?.values ?? []
        }
        let label = { (c: Double?) in Self.label(c, key: options.conditionKey) }

        shifts = conditionValues.compactMap { c in
            WelchContrast.estimate(groups: [values(c, .after), values(c, .before)], weights: [1, -1])
                .map { Contrast(label: "shift \(label(c))", estimate: $0) }
        }
        let pairedA = options.pairedConditions.first, pairedB = options.pairedConditions.dropFirst().first
        if let a = pairedA, let b = pairedB {
            let both = WelchContrast.estimate(groups: [values(a, .after), values(a, .before), values(b, .after), values(b, .before)],
                                              weights: [1, -1, -1, 1])
            let single = [AdaptationStage.after, .noAdaptation].lazy.compactMap {
                WelchContrast.estimate(groups: [values(a, $0), values(b, $0)], weights: [1, -1])
            }.first
            if let both {
                contingentEffect = Contrast(label: "shift \(label(a)) − shift \(label(b))", estimate: both)
            } else if let single {
                contingentEffect = Contrast(label: "\(label(a)) − \(label(b))", estimate: single)
            } else {
                contingentEffect = nil
            }
        } else {
            contingentEffect = nil
        }
        let controls = conditionValues.compactMap { $0 }.filter { !options.pairedConditions.contains($0) }
        controlCorrected = options.pairedConditions.flatMap { paired in
            controls.compactMap { control in
                WelchContrast.estimate(groups: [values(paired, .after), values(paired, .before),
                                                values(control, .after), values(control, .before)],
                                       weights: [1, -1, -1, 1])
                    .map { Contrast(label: "shift \(label(paired)) − shift \(label(control))", estimate: $0) }
            }
        }
    }

    /// "90°" for a key in degrees, "key = value" otherwise, "all trials" without a value.
    static func label(_ condition: Double?, key: String) -> String {
        guard let condition else { return "all trials" }
        let value = NumberFormat.short(condition)
        return key.hasSuffix("_deg") ? "\(value)°" : "\(key) = \(value)"
    }
}
