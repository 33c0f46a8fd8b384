import StimulusKit

/// Checks that need the whole protocol: unique phase names, stimulus references, forced-choice
/// answers, the order of consent and adaptation, and the monitor's requirements.
enum ProtocolValidator {
    static func check(_ spec: ProtocolSpec, knownStimuli: Set<String>, sourceMap: SourceMap) -> [ProtocolDiagnostic] {
        var diagnostics: [ProtocolDiagnostic] = []
        let choices = knownStimuli.sorted()
        func reference(_ name: String, at path: String) {
            guard !knownStimuli.contains(name) else { return }
            var message = "unknown stimulus '\(name)'"
            if let near = closestName(to: name, among: choices) { message += "; did you mean '\(near)'?" }
            diagnostics.append(sourceMap.diagnostic(.error, path: path, message, choices: choices))
        }
        var seen: [String: Int] = [:]
        var consentSeen = false
        for (index, phase) in spec.phases.enumerated() {
            let path = "phases[\(index)]"
            if let first = seen[phase.name] {
                diagnostics.append(sourceMap.diagnostic(.error, path: "\(path).name",
                    "phase name '\(phase.name)' is already used by phases[\(first)]; data and reports need unique names"))
            } else {
                seen[phase.name] = index
            }
            switch phase {
            case .consent:
                consentSeen = true
            case .adaptation(let a), .reversal(let a):
                for (i, item) in a.sequence.enumerated() { reference(item.stimulus, at: "\(path).sequence[\(i)].stimulus") }
                if !consentSeen {
                    diagnostics.append(sourceMap.diagnostic(.warning, path: path,
                        "adaptation before any consent phase: participants should consent (and be screened for photosensitivity) first"))
                }
            case .test(let t):
                for (i, condition) in t.conditions.enumerated() {
                    reference(condition.stimulus, at: "\(path).conditions[\(i)].stimulus")
                    guard let correct = condition.correctChoice else { continue }
                    guard case .forcedChoice(let fc) = t.response else {
                        diagnostics.append(sourceMap.diagnostic(.error, path: "\(path).conditions[\(i)].correct_choice",
                            "'correct_choice' only applies to the forced_choice method"))
                        continue
                    }
                    let labels = fc.choices.map(\.label)
                    if !labels.contains(correct) {
                        diagnostics.append(sourceMap.diagnostic(.error, path: "\(path).conditions[\(i)].correct_choice",
                            "'\(correct)' is not one of the choices", choices: labels))
                    }
                }
            case .flickerPhotometry(let f):
                if f.fieldDiameterDeg > 5 {
                    diagnostics.append(sourceMap.diagnostic(.warning, path: "\(path).field_diameter_deg",
                        "a \(formatNumber(f.fieldDiameterDeg))° field is larger than the ~5° usual for flicker photometry; saturated red flickering above 3 Hz over a larger field is a red flash"))
                }
            case .illusionPSE(let i):
                reference(i.stimulus, at: "\(path).stimulus")
            case .instructions, .rest:
                break
            }
        }
        return diagnostics
    }

    /// The monitor's white luminance against the protocol's requirement.
    static func checkMonitor(_ profile: MonitorProfile, against viewing: ViewingConditions,
                             sourceMap: SourceMap) -> [ProtocolDiagnostic] {
        guard let minimum = viewing.minimumWhiteLuminanceCdM2, profile.maxLuminanceCdM2 < minimum else { return [] }
        return [sourceMap.diagnostic(.error, path: "viewing.minimum_white_luminance_cd_m2",
            "the monitor profile '\(profile.name)' gives \(formatNumber(profile.maxLuminanceCdM2)) cd/m² white; the protocol needs at least \(formatNumber(minimum)) cd/m²")]
    }

    /// A measured or requested refresh rate against the protocol's expectation.
    static func checkRefresh(_ refreshHz: Double, against viewing: ViewingConditions, sourceMap: SourceMap) -> [ProtocolDiagnostic] {
        guard abs(refreshHz - viewing.refreshHz) > viewing.refreshToleranceHz else { return [] }
        return [sourceMap.diagnostic(.error, path: "viewing.refresh_hz",
            "the display runs at \(formatNumber(refreshHz)) Hz; the protocol expects \(formatNumber(viewing.refreshHz)) ± \(formatNumber(viewing.refreshToleranceHz)) Hz")]
    }
}
