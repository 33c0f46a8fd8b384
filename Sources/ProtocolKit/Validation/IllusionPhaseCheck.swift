import StimulusKit

/// Checks of `illusion_pse` phases that need the resolved stimuli: the stimulus must draw an illusion, and every
/// strength with the lowest and highest difference must give a figure the illusion can draw.
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
            for (k, strength) in p.strengths.enumerated() {
                for (key, difference) in [("min_difference", p.minDifference), ("max_difference", p.maxDifference)] {
                    do { _ = try stimulus.withIllusion(strength: strength, difference: difference)?.illusionGeometry(maxLuminanceCdM2: 100) } catch {
                        diagnostics.append(sourceMap.diagnostic(.error, path: "\(path).\(strength.magnitude > illusion.kind.strengthLimit ? "strengths[\(k)]" : key)",
                            "\(illusion.kind.rawValue) at illusion_strength \(formatNumber(strength)) and difference \(formatNumber(difference)) (\(illusion.kind.differenceUnit)) cannot be drawn: \(error)"))
                    }
                }
            }
        }
        return diagnostics
    }
}
