/// Checks every `from_flicker_photometry` colour: the named phase must exist, be a
/// flicker_photometry phase, and come before every phase that shows the stimulus using it.
enum FlickerColourCheck {
    static func check(_ spec: ProtocolSpec, sourceMap: SourceMap) -> [ProtocolDiagnostic] {
        let flickerPhases = spec.phases.compactMap { phase -> String? in
            if case .flickerPhotometry(let f) = phase { return f.name } else { return nil }
        }
        var diagnostics: [ProtocolDiagnostic] = []
        for reference in spec.flickerColourReferences {
            let path = "\(reference.fieldPath).\(FlickerColourReference.key)"
            guard let source = spec.phases.firstIndex(where: { $0.name == reference.phase }) else {
                diagnostics.append(sourceMap.diagnostic(.error, path: path,
                    "no phase named '\(reference.phase)'; a colour from flicker photometry names a flicker_photometry phase",
                    choices: flickerPhases))
                continue
            }
            guard case .flickerPhotometry = spec.phases[source] else {
                diagnostics.append(sourceMap.diagnostic(.error, path: path,
                    "phase '\(reference.phase)' is a \(spec.phases[source].kind.rawValue) phase, not flicker_photometry",
                    choices: flickerPhases))
                continue
            }
            for (index, phase) in spec.phases.enumerated() where index <= source && phase.shows(reference.stimulus) {
                diagnostics.append(sourceMap.diagnostic(.error, path: path,
                    "phases[\(index)] '\(phase.name)' shows '\(reference.stimulus)' but comes before '\(reference.phase)', which measures its colour; move the flicker_photometry phase earlier"))
            }
        }
        return diagnostics
    }
}

extension PhaseSpec {
    /// Whether the phase shows the stimulus `name` (in an adaptation sequence or as a test condition).
    func shows(_ name: String) -> Bool {
        switch self {
        case .adaptation(let a), .reversal(let a): a.sequence.contains { $0.stimulus == name }
        case .test(let t): t.conditions.contains { $0.stimulus == name }
        default: false
        }
    }
}
