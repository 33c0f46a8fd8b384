import StimulusKit

/// The outcome of `ProtocolCheck.run`: what `stimgen validate` prints and what `run` refuses on.
public struct ValidationReport: Sendable {
    public var file: String
    public var spec: ProtocolSpec?
    public var timeline: Timeline?
    /// Present when the protocol got as far as the safety analysis (no errors before it).
    public var safety: SafetyReport?
    /// Every error and warning, in the order found.
    public var diagnostics: [ProtocolDiagnostic]
    /// What the timeline's stimulus names resolve to, with the monitor and viewing geometry they are
    /// shown through (set once the timeline compiles), so that consumers render exactly these.
    public var resolved: ResolvedStimuli?

    public init(file: String, spec: ProtocolSpec? = nil, timeline: Timeline? = nil, safety: SafetyReport? = nil,
                diagnostics: [ProtocolDiagnostic]) {
        self.file = file
        self.spec = spec
        self.timeline = timeline
        self.safety = safety
        self.diagnostics = diagnostics
    }

    public var errors: [ProtocolDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [ProtocolDiagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Valid and safe (or safe by a recorded override): the protocol may run.
    public var isRunnable: Bool { errors.isEmpty && safety != nil && safety?.verdict != .refused }

    /// The human-readable summary: phases with durations in s and frames, trial counts, total time,
    /// the safety verdict with its figures, then every diagnostic.
    public var summary: String {
        var lines: [String] = []
        if let spec { lines.append("\(spec.name): \(spec.title)") } else { lines.append(file) }
        if let timeline {
            let hz = timeline.refreshHz
            lines.append("compiled at \(formatNumber(hz)) Hz, seed \(timeline.seed)")
            for phase in timeline.phases {
                lines.append("  " + Self.describe(phase, refreshHz: hz))
            }
            let paced = timeline.phases.filter { $0.frameCount == nil }.count
            var total = "total: \(Self.clock(timeline.fixedSeconds)) (\(timeline.fixedFrames) frames) timed"
            if paced > 0 { total += " + \(paced) participant-paced phase\(paced == 1 ? "" : "s")" }
            lines.append(total)
            if !timeline.retestAfterSeconds.isEmpty {
                lines.append("retest after: " + timeline.retestAfterSeconds.map(Self.clock).joined(separator: ", "))
            }
        }
        if let safety {
            lines.append("safety: \(safety.verdict.rawValue) (grid \(safety.gridColumns)×\(safety.gridRows) cells of ~\(formatNumber(safety.cellDeg))°, viewed at \(formatNumber(safety.distanceCm)) cm)")
            for phase in safety.phases {
                let f = phase.findings
                var line = "  \(phase.phase): general \(formatNumber(f.maxGeneralFlashesPerSecond)) flashes/s (area \(formatNumber(f.generalFlashingAreaSr, digits: 4)) sr), red \(formatNumber(f.maxRedFlashesPerSecond)) flashes/s (area \(formatNumber(f.redFlashingAreaSr, digits: 4)) sr) → \(f.passes ? "pass" : "FAIL")"
                if let worst = f.passes ? nil : (f.passesGeneral ? f.worstRedAt : f.worstGeneralAt) {
                    line += " at \(formatNumber(worst.seconds, digits: 2)) s (\(worst.showing))"
                }
                lines.append(line)
                if let assumption = phase.assumption { lines.append("    (\(assumption))") }
            }
            lines.append("  limits: ≤ \(formatNumber(FlashFindings.flashesPerSecondLimit)) flashes in any 1 s, or ≤ \(FlashFindings.areaLimitSr) sr flashing in any \(formatNumber(FlashFindings.fieldDiameterDeg))° field")
            for warning in safety.patternWarnings {
                lines.append("  pattern warning: '\(warning.stimulus)' has \(warning.lightDarkPairs) light–dark pairs (limit \(warning.pairLimit)) over \(formatNumber(warning.stripedAreaSr, digits: 3)) sr, brightest \(formatNumber(warning.brightestCdM2, digits: 1)) cd/m² (Harding pattern rule; shown on the consent screen)")
            }
            if let override = safety.override {
                lines.append("  safety override: \(override.reason) — approved by \(override.approvedBy)")
            }
        }
        lines += diagnostics.map(\.description)
        lines.append(isRunnable ? "valid: \(errors.count) errors, \(warnings.count) warnings"
                                : "NOT VALID: \(errors.count) error\(errors.count == 1 ? "" : "s"), \(warnings.count) warning\(warnings.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }

    static func describe(_ phase: TimelinePhase, refreshHz: Double) -> String {
        var text = "\(phase.kind.rawValue) '\(phase.name)': "
        switch phase.content {
        case .presentation(let p):
            let frames = phase.frameCount ?? 0
            text += "\(clock(Double(frames) / refreshHz)) (\(frames) frames), \(p.onsets.count) stimulus onsets"
            if !p.fixationChanges.isEmpty {
                text += ", \(p.fixationChanges.count) fixation letters (\(p.fixationChanges.filter(\.isTarget).count) targets)"
            }
        case .trials(let block):
            text += "\(block.trials.count) trials"
            if let frames = block.stimulusFrames {
                text += ", stimulus \(formatNumber(Double(frames) / refreshHz, digits: 3)) s (\(frames) frames)"
            } else {
                text += ", stimulus until response"
            }
            text += ", ITI \(formatNumber(Double(block.interTrialFrames) / refreshHz, digits: 3)) s"
        case .flickerPhotometry(let f):
            text += "\(f.startGains.count) settings, \(formatNumber(f.achievedFrequencyHz, digits: 3)) Hz flicker (\(f.halfPeriodFrames) frames per colour), \(formatNumber(f.spec.fieldDiameterDeg))° field"
        case .illusionPSE(let block):
            text += "\(block.trials.count) trials, \(block.spec.strengths.count) strengths, \(block.spec.levelCount) difference levels each, ITI \(formatNumber(Double(block.interTrialFrames) / refreshHz, digits: 3)) s"
        case .rest:
            if let frames = phase.frameCount { text += "\(clock(Double(frames) / refreshHz)) (\(frames) frames)" } else { text += "until a key" }
        case .text, .consent:
            text += "participant-paced"
        }
        return text
    }

    /// 754.5 → "12 min 34.5 s"; 3600 → "1 h"; 86 400 → "24 h"; 604 800 → "7 d"; under a minute in seconds.
    static func clock(_ seconds: Double) -> String {
        if seconds >= 2 * 86_400, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(formatNumber(seconds / 86_400, digits: 2)) d" }
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(formatNumber(seconds / 3600, digits: 2)) h" }
        if seconds < 60 { return "\(formatNumber(seconds, digits: 3)) s" }
        let minutes = Int(seconds / 60)
        let rest = seconds - Double(minutes * 60)
        return rest < 1e-9 ? "\(minutes) min" : "\(minutes) min \(formatNumber(rest, digits: 3)) s"
    }
}

import Foundation

extension ValidationReport {
    /// The compiled timeline as pretty-printed JSON with sorted keys (what the session store records).
    public func timelineJSON() -> String? {
        guard let timeline else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(timeline)).flatMap { String(data: $0, encoding: .utf8) }
    }
}

/// The stimuli, monitor profile and viewing geometry a checked protocol is shown with.
public struct ResolvedStimuli: Sendable {
    public var stimuli: [String: StimulusSpec]
    public var profile: MonitorProfile
    public var geometry: ViewingGeometry
}
