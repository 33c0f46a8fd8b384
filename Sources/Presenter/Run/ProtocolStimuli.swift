import Foundation
import ProtocolKit
import StimulusKit

/// The stimuli a protocol can show: the named library (`Stimuli/` beside the protocol's folder, or
/// the given folder), overridden by the protocol's own inline definitions; sizes given in px are read
/// at `pixelsPerDegree` (px/deg), the display's.
enum ProtocolStimuli {
    static func load(_ spec: ProtocolSpec, file: URL, directory: URL?, pixelsPerDegree: Double) throws -> [String: StimulusSpec] {
        var stimuli: [String: StimulusSpec] = [:]
        if let folder = directory ?? ProtocolCheck.defaultStimulusDirectory(for: file) {
            stimuli = try StimulusLibrary.load(directory: folder, pixelsPerDegree: pixelsPerDegree)
        }
        for (name, yaml) in spec.inlineStimuli {
            var inline = try StimulusLibrary.parse(yaml: yaml, origin: "stimuli.\(name)", pixelsPerDegree: pixelsPerDegree)
            inline.baseDirectory = file.deletingLastPathComponent().path
            stimuli[name] = inline
        }
        return stimuli
    }
}
