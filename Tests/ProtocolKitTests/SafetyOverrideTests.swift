import Foundation
import Testing
@testable import ProtocolKit

/// A protocol that flashes a full-field black/white alternation at 5 Hz is refused, unless it
/// carries a written override, which is then part of the report the session records.
@Suite struct SafetyOverrideTests {
    func write(_ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-override-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("flashing.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func flashing(override: String) -> String {
        protocolText(phases: """
          - {kind: consent, name: consent, text: "Flashing ahead."}
          - kind: adaptation
            name: flashing
            sequence: [{stimulus: black, duration: 6 frames}, {stimulus: white, duration: 6 frames}]
            total_duration: 5 s
        """, extra: """
        stimuli:
          black: {name: black, pattern: {type: uniform, colour: black}}
          white: {name: white, pattern: {type: uniform, colour: white}}
        \(override)
        """)
    }

    @Test func fiveHertzFullFieldIsRefused() throws {
        let report = ProtocolCheck.run(file: try write(flashing(override: "")), options: .init(analysisWidthPx: 64))
        #expect(report.safety?.verdict == .refused)
        #expect(report.safety?.phases.first?.findings.maxGeneralFlashesPerSecond == 5)  // 12-frame cycle at 60 Hz
        #expect(!report.isRunnable)
        #expect(report.errors.contains { $0.message.contains("safety_override") })
    }

    @Test func anOverrideLetsItRunAndIsRecorded() throws {
        let override = "safety_override: {reason: \"photic stimulation study, screened participants\", approved_by: \"Ethics board 2026-17\"}"
        let report = ProtocolCheck.run(file: try write(flashing(override: override)), options: .init(analysisWidthPx: 64))
        #expect(report.safety?.verdict == .overridden)
        #expect(report.safety?.override?.approvedBy == "Ethics board 2026-17")
        #expect(report.timeline?.safetyOverride?.reason == "photic stimulation study, screened participants")
        #expect(report.isRunnable)
        #expect(report.safety?.consentWarnings.contains { $0.contains("Ethics board 2026-17") } == true)
        let json = try JSONEncoder().encode(report.safety)
        #expect(try JSONDecoder().decode(SafetyReport.self, from: json) == report.safety)
    }

    @Test func anEmptyReasonIsNoOverride() {
        let found = errors(flashing(override: "safety_override: {reason: \"\", approved_by: me}"))
        #expect(found.contains { $0.fieldPath == "safety_override.reason" && $0.message.contains("must not be empty") })
    }
}
