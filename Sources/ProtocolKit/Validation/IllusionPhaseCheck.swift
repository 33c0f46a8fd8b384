import StimulusKit

/// Checks of `illusion_pse` phases that need the resolved stimuli: the stimulus must draw an illusion, every
/// strength must lie within the illusion's limit, and every strength with the lowest and highest difference must
/// give a figure the illusion can draw (reported once per range bound, at the first strength that fails).
enum IllusionPhaseCheck {
    static func check(_ spec: ProtocolSpec, stimuli: [String: StimulusSpec], sourceMap: SourceMap) -> [ProtocolDiagnostic] {
        var diagnostics: [ProtocolDiagnostic] = []
        let illusions = stimuli.filter { $0.value.illusion != nil }.keys.sorted()
        for (index, phase) in spec.phases.enumerated() {
            guard case .illusionPSE(let p) = phase, let stimulus = stimuli[p.stimulus] else { continue }
            let path = "phases[\(index)]"
            guard let illusion = stimulus.illusion else {
                diagnostics.append(sourceMap.diagnostic(.error, path: "\(path).stimulus",
                    "stimulus '\(p.stimulus)' draws a \(stimulus.pattern.typeName) pattern; an illusion_pse phase needs an illusion", choices: illusions))
                continue
            }
            let limit = illusion.kind.strengthLimit
            var failedBounds: Set<String> = []
            for (k, strength) in p.strengths.enumerated() {
                guard strength.magnitude <= limit else {
                    diagnostics.append(sourceMap.diagnostic(.error, path: "\(path).strengths[\(k)]",
                        "illusion_strength \(formatNumber(strength)) lies outside −\(formatNumber(limit))…\(formatNumber(limit)), the range \(illusion.kind.rawValue) can draw"))
                    continue
                }
                for (key, difference) in [("min_difference", p.minDifference), ("max_difference", p.maxDifference)] where !failedBounds.contains(key) {
                    do { _ = try stimulus.withIllusion(strength: strength, difference: difference)?.illusionGeometry(maxLuminanceCdM2: 100) } catch {
                        failedBounds.insert(key)
                        diagnostics.append(sourceMap.diagnostic(.error, path: "\(path).\(key)",
                            "\(illusion.kind.rawValue) at illusion_strength \(formatNumber(strength)) and difference \(formatNumber(difference)) (\(illusion.kind.differenceUnit)) cannot be drawn: \(error)"))
                    }
                }
            }
        }
        return diagnostics
    }
}
