import Foundation
import ProtocolKit
import StimulusKit

/// The stimuli a protocol can show: the named library (`Stimuli/` beside the protocol's folder, or
/// the given folder), overridden by the protocol's own inline definitions, whose colours written
/// `from_flicker_photometry` take the given colours (linear RGB by phase name). Sizes given in px
/// are read at `pixelsPerDegree` (px/deg), the display's.
enum ProtocolStimuli {
    static func load(_ spec: ProtocolSpec, file: URL, directory: URL?, pixelsPerDegree: Double,
                     colours: [String: SIMD3<Double>]) throws -> [String: StimulusSpec] {
        var stimuli: [String: StimulusSpec] = [:]
        if let folder = directory ?? ProtocolCheck.defaultStimulusDirectory(for: file) {
            stimuli = try StimulusLibrary.load(directory: folder, pixelsPerDegree: pixelsPerDegree)
        }
        for name in spec.inlineStimuli.keys {
            stimuli[name] = try inline(spec, name: name, file: file, pixelsPerDegree: pixelsPerDegree, colours: colours)
        }
        return stimuli
    }

    /// The inline stimulus `name`, parsed with `colours`.
    static func inline(_ spec: ProtocolSpec, name: String, file: URL, pixelsPerDegree: Double,
                       colours: [String: SIMD3<Double>]) throws -> StimulusSpec {
        var inline = try StimulusLibrary.parse(yaml: spec.inlineStimulusYAML(name, colours: colours) ?? "", origin: "stimuli.\(name)",
                                               pixelsPerDegree: pixelsPerDegree)
        inline.baseDirectory = file.deletingLastPathComponent().path
        return inline
    }
}
