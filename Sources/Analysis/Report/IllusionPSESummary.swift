import Foundation

/// Illusion PSE phases of a session: the point of subjective equality on `difference` at each
/// `illusion_strength`, and a least-squares line of PSE against strength per phase. Adjustments give one PSE
/// per trial (the confirmed setting); staircases one per track (the mean of its last reversals).
public struct IllusionPSESummary: Sendable, Equatable {
    /// One PSE.
    public struct PSE: Sendable, Equatable {
        public var phaseIndex: Int
        /// `illusion_adjustment` or `illusion_staircase`.
        public var method: String
        public var illusion: String
        /// Dimensionless.
        public var strength: Double
        public var repetition: Int
        /// The PSE, in `unit`.
        public var value: Double
        /// The illusion's difference unit.
        public var unit: String
        /// Responses that went into it (1 for an adjustment, the track's trials for a staircase).
        public var responses: Int
    }

    /// One phase's PSEs and fitted line.
    public struct Block: Sendable, Equatable {
        /// "phase name · illusion".
        public var label: String
        public var unit: String
        public var pses: [PSE]
        /// nil with fewer than three PSEs or a single strength.
        public var fit: LinearFit?
    }

    public var sessionID: Int64
    public var participantCode: String
    public var blocks: [Block]

    /// The response methods an illusion PSE phase records.
    public static let methods: Set<String> = ["illusion_adjustment", "illusion_staircase"]

    /// nil when the session has no illusion PSE responses.
    public init?(session: SessionData, options: ReportOptions) {
        let conditions = Dictionary(session.trials.map { ([$0.phaseIndex, $0.trialIndex], $0.conditions) }, uniquingKeysWith: { _, last in last })
        let responses = session.responses.filter { Self.methods.contains($0.method) && $0.value != nil }
            .sorted { ($0.phaseIndex, $0.trialIndex) < ($1.phaseIndex, $1.trialIndex) }
        var pses: [PSE] = []
        var tracks: [[Int]: (first: SessionData.Response, levels: [Double])] = [:]
        var trackOrder: [[Int]] = []
        for r in responses {
            let c = conditions[[r.phaseIndex, r.trialIndex]] ?? [:]
            if r.method == "illusion_staircase", let track = c["track"]?.number {
                let key = [r.phaseIndex, Int(track)]
                if tracks[key] == nil { trackOrder.append(key); tracks[key] = (r, []) }
                tracks[key]!.levels.append(r.value!)
            } else if let pse = Self.pse(r, c, value: r.value!, responses: 1) {
                pses.append(pse)
            }
        }
        for key in trackOrder {
            let (first, levels) = tracks[key]!
            guard let threshold = StaircaseAnalysis(levels: levels, lastReversals: options.lastReversals).threshold,
                  let pse = Self.pse(first, conditions[[first.phaseIndex, first.trialIndex]] ?? [:], value: threshold, responses: levels.count)
            else { continue }
            pses.append(pse)
        }
        guard !pses.isEmpty else { return nil }
        let phaseNames = Dictionary(session.phases.map { ($0.index, $0.name) }, uniquingKeysWith: { a, _ in a })
        let phases = Array(Set(pses.map(\.phaseIndex))).sorted()
        blocks = phases.map { phase in
            let these = pses.filter { $0.phaseIndex == phase }.sorted { ($0.strength, $0.repetition) < ($1.strength, $1.repetition) }
            return Block(label: "\(phaseNames[phase] ?? "phase \(phase)") · \(these[0].illusion)", unit: these[0].unit, pses: these,
                         fit: LinearFit(x: these.map(\.strength), y: these.map(\.value)))
        }
        sessionID = session.id
        participantCode = session.participantCode
    }

    private static func pse(_ r: SessionData.Response, _ c: [String: ConditionValue], value: Double, responses: Int) -> PSE? {
        guard let strength = c["illusion_strength"]?.number else { return nil }
        return PSE(phaseIndex: r.phaseIndex, method: r.method, illusion: c["illusion"]?.description ?? "", strength: strength,
                   repetition: Int(c["repetition"]?.number ?? 0), value: value, unit: c["difference_unit"]?.description ?? r.valueUnit ?? "",
                   responses: responses)
    }

    /// The header of the tidy PSE table.
    public static let csvHeader = "session_id,participant,phase_index,illusion,method,illusion_strength,repetition,pse,difference_unit,responses"

    /// One row per PSE (RFC 4180 quoting for text), under `csvHeader`.
    public var csv: String {
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let rows = blocks.flatMap(\.pses).map { p in
            [String(sessionID), quoted(participantCode), String(p.phaseIndex), p.illusion, p.method, "\(p.strength)", String(p.repetition),
             "\(p.value)", quoted(p.unit), String(p.responses)].joined(separator: ",")
        }
        return ([Self.csvHeader] + rows).joined(separator: "\n") + "\n"
    }
}
