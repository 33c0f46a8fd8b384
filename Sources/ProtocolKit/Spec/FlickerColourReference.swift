import Yams

/// A colour of an inline stimulus written `{from_flicker_photometry: PHASE}`: the participant's
/// isoluminant green as measured by that flicker-photometry phase, i.e. the phase's
/// `green_linear_rgb` times the mean green gain of its settings.
public struct FlickerColourReference: Sendable, Equatable {
    /// The key that marks such a colour.
    public static let key = "from_flicker_photometry"

    /// The inline stimulus that uses the colour.
    public var stimulus: String
    /// Where the colour is written (e.g. `stimuli.adapter_green.pattern.colour_a`).
    public var fieldPath: String
    /// Name of the flicker-photometry phase it comes from.
    public var phase: String
}

extension ProtocolSpec {
    /// Every `from_flicker_photometry` colour of the inline stimuli, by stimulus name then field path.
    public var flickerColourReferences: [FlickerColourReference] {
        var references: [FlickerColourReference] = []
        for name in inlineStimuli.keys.sorted() {
            guard let text = inlineStimuli[name], let node = try? Yams.compose(yaml: text) else { continue }
            _ = Self.replacingFlickerColours(node, path: "stimuli.\(name)") { path, phase in
                references.append(FlickerColourReference(stimulus: name, fieldPath: path, phase: phase))
                return nil
            }
        }
        return references
    }

    /// The stimulus language text of inline stimulus `name`, with each `from_flicker_photometry`
    /// colour replaced by `{linear_rgb: [r, g, b]}` from `colours` (linear RGB, 0…1, by phase name).
    /// A colour whose phase has no entry is left as written (and fails to parse as a stimulus).
    public func inlineStimulusYAML(_ name: String, colours: [String: SIMD3<Double>]) -> String? {
        guard let text = inlineStimuli[name] else { return nil }
        guard text.contains(FlickerColourReference.key), let node = try? Yams.compose(yaml: text) else { return text }
        let resolved = Self.replacingFlickerColours(node, path: "stimuli.\(name)") { _, phase in
            colours[phase].map { c in Node([(Node("linear_rgb"), Node([c.x, c.y, c.z].map { Node(String($0)) }, .implicit, .flow))]) }
        }
        return (try? Yams.serialize(node: resolved)) ?? text
    }

    /// The colour each flicker-photometry phase stands for before it has been measured: its green at
    /// the middle of `start_gain_range` (what validation renders and the safety analysis models).
    public var nominalFlickerColours: [String: SIMD3<Double>] {
        var colours: [String: SIMD3<Double>] = [:]
        for case .flickerPhotometry(let f) in phases where f.greenLinearRGB.count == 3 && f.startGainRange.count == 2 {
            colours[f.name] = f.green * ((f.startGainRange[0] + f.startGainRange[1]) / 2)
        }
        return colours
    }

    /// `node` with every mapping `{from_flicker_photometry: PHASE}` replaced by what `replace` returns
    /// for its field path and phase name (kept when it returns nil).
    private static func replacingFlickerColours(_ node: Node, path: String, _ replace: (String, String) -> Node?) -> Node {
        switch node {
        case .mapping(let mapping):
            if mapping.count == 1, let only = mapping.first, only.key.string == FlickerColourReference.key,
               let phase = only.value.string {
                return replace(path, phase) ?? node
            }
            let pairs = mapping.map { key, value in
                (key, replacingFlickerColours(value, path: "\(path).\(key.string ?? "?")", replace))
            }
            return Node(pairs, mapping.tag, mapping.style)
        case .sequence(let sequence):
            let items = sequence.enumerated().map { replacingFlickerColours($1, path: "\(path)[\($0)]", replace) }
            return Node(items, sequence.tag, sequence.style)
        case .scalar, .alias:
            return node
        }
    }
}

extension FlickerPhotometrySpec {
    /// The adjustable green at gain 1 (linear RGB).
    public var green: SIMD3<Double> { SIMD3(greenLinearRGB[0], greenLinearRGB[1], greenLinearRGB[2]) }
}
