import Foundation
import Testing
@testable import ProtocolKit

/// Colours written `from_flicker_photometry: PHASE` in inline stimuli.
@Suite struct FlickerColourTests {
    static let stimuli = """
    stimuli:
      iso_grating:
        name: iso_grating
        description: red/green grating
        pattern: {type: square_grating, orientation_deg: 0, cycles_per_degree: 1, colour_a: {linear_rgb: [1, 0, 0]}, colour_b: {from_flicker_photometry: hfp}}
    """
    static let flicker = """
      - kind: flicker_photometry
        name: hfp
        field_diameter_deg: 2
        frequency_hz: 15
        red_linear_rgb: [1, 0, 0]
        green_linear_rgb: [0, 0.8, 0]
        start_gain_range: [0.2, 0.6]
        result_name: iso_gain
    """
    static let show = """
      - kind: adaptation
        name: look
        sequence:
          - {stimulus: iso_grating, duration: 1 s}
        total_duration: 1 s
    """
    static let consent = """
      - kind: consent
        name: consent
        text: Agree?
    """

    func check(_ phases: String) throws -> [ProtocolDiagnostic] {
        let (spec, map) = try parseValid(protocolText(phases: phases, extra: Self.stimuli))
        return FlickerColourCheck.check(spec, sourceMap: map)
    }

    @Test func aReferenceToAnEarlierFlickerPhaseIsFoundAndValid() throws {
        let (spec, _) = try parseValid(protocolText(phases: Self.consent + "\n" + Self.flicker + "\n" + Self.show, extra: Self.stimuli))
        #expect(spec.flickerColourReferences == [
            FlickerColourReference(stimulus: "iso_grating", fieldPath: "stimuli.iso_grating.pattern.colour_b", phase: "hfp"),
        ])
        #expect(FlickerColourCheck.check(spec, sourceMap: SourceMap(file: "t")).isEmpty)
        // Nominal colour: the green at the middle of the start gains, 0.8 × 0.4 = 0.32.
        let nominal = try #require(spec.nominalFlickerColours["hfp"])
        #expect(abs(nominal.y - 0.32) < 1e-12 && nominal.x == 0 && nominal.z == 0)
    }

    @Test func theColourIsWrittenIntoTheStimulusAsLinearRGB() throws {
        let (spec, _) = try parseValid(protocolText(phases: Self.flicker + "\n" + Self.show, extra: Self.stimuli))
        let yaml = try #require(spec.inlineStimulusYAML("iso_grating", colours: ["hfp": SIMD3(0, 0.25, 0)]))
        #expect(!yaml.contains(FlickerColourReference.key))
        #expect(yaml.contains("colour_b: {linear_rgb: [0.0, 0.25, 0.0]}") || yaml.contains("linear_rgb: [0.0, 0.25, 0.0]"))
        #expect(spec.inlineStimulusYAML("iso_grating", colours: [:])?.contains(FlickerColourReference.key) == true)
    }

    @Test func theNamedPhaseMustExistBeFlickerPhotometryAndComeFirst() throws {
        let unknown = try check((Self.flicker + "\n" + Self.show).replacingOccurrences(of: "name: hfp", with: "name: other"))
        #expect(unknown.count == 1 && unknown[0].message.contains("no phase named 'hfp'") && unknown[0].validChoices == ["other"])
        #expect(unknown[0].fieldPath == "stimuli.iso_grating.pattern.colour_b.from_flicker_photometry")

        let wrongKind = try check(Self.consent.replacingOccurrences(of: "name: consent", with: "name: hfp") + "\n" + Self.show)
        #expect(wrongKind.count == 1 && wrongKind[0].message.contains("is a consent phase, not flicker_photometry"))

        let tooLate = try check(Self.show + "\n" + Self.flicker)
        #expect(tooLate.count == 1 && tooLate[0].message.contains("phases[0] 'look' shows 'iso_grating' but comes before 'hfp'"))
    }

    @Test func validationRendersTheNominalColourAndAcceptsTheShippedProtocol() throws {
        let report = ProtocolCheck.run(file: repositoryRoot.appendingPathComponent("Protocols/isoluminance.yaml"))
        #expect(report.errors.isEmpty, "\(report.summary)")
        #expect(report.spec?.flickerColourReferences.map(\.phase) == ["flicker-photometry"])
    }
}
