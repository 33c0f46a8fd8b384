import Foundation
import ProtocolKit
import StimulusKit

/// The colours later phases take from flicker-photometry phases (`from_flicker_photometry`). Each
/// starts as the nominal colour validation rendered (the phase's green at the middle of its start
/// gains) and becomes the participant's setting once the phase has been measured; the stimuli that
/// use it are then parsed again, so that their textures can be made again before they are shown.
public final class MeasuredColours {
    private let spec: ProtocolSpec
    private let file: URL
    private let pixelsPerDegree: Double
    private let references: [FlickerColourReference]
    /// Colour by flicker-photometry phase name (linear RGB, 0…1 per gun).
    public private(set) var colours: [String: SIMD3<Double>]
    /// Every stimulus the protocol can show, with the current colours.
    public private(set) var stimuli: [String: StimulusSpec]

    /// Loads the protocol's stimuli (library, then inline) with the nominal colours; sizes given in px
    /// are read at `pixelsPerDegree` (px/deg), the display's.
    public init(spec: ProtocolSpec, file: URL, stimulusDirectory: URL?, pixelsPerDegree: Double) throws {
        self.spec = spec
        self.file = file
        self.pixelsPerDegree = pixelsPerDegree
        references = spec.flickerColourReferences
        colours = spec.nominalFlickerColours
        stimuli = try ProtocolStimuli.load(spec, file: file, directory: stimulusDirectory, pixelsPerDegree: pixelsPerDegree, colours: colours)
    }

    /// Names of the stimuli whose colour comes from the flicker-photometry phase `phase`.
    public func dependents(ofPhase phase: String) -> Set<String> {
        Set(references.filter { $0.phase == phase }.map(\.stimulus))
    }

    /// Sets the colour of flicker-photometry phase `flicker` to its green × `meanGain` and parses its
    /// dependent stimuli again; returns the colour (linear RGB).
    @discardableResult
    public func measure(_ flicker: FlickerPhotometrySpec, meanGain: Double) throws -> SIMD3<Double> {
        let colour = flicker.green * meanGain
        colours[flicker.name] = colour
        for name in dependents(ofPhase: flicker.name) {
            stimuli[name] = try ProtocolStimuli.inline(spec, name: name, file: file, pixelsPerDegree: pixelsPerDegree, colours: colours)
        }
        return colour
    }
}
