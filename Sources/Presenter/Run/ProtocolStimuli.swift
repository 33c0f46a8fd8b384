import Foundation
import ProtocolKit
import StimulusKit

/// The stimuli a protocol can show: the named library (`Stimuli/` beside the protocol's folder, or
/// the given folder), overridden by the protocol's own inline definitions.
enum ProtocolStimuli {
    static func load(_ spec: ProtocolSpec, file: URL, directory: URL?) throws -> [String: StimulusSpec] {
        var stimuli: [String: StimulusSpec] = [:]
        if let folder = directory ?? ProtocolCheck.defaultStimulusDirectory(for: file) {
            stimuli = try StimulusLibrary.load(directory: folder)
        }
        for (name, yaml) in spec.inlineStimuli {
            var inline = try StimulusLibrary.parse(yaml: yaml, origin: "stimuli.\(name)")
            inline.baseDirectory = file.deletingLastPathComponent().path
            stimuli[name] = inline
        }
        return stimuli
    }
}
