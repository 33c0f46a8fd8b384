import Foundation
import Testing
@testable import ProtocolKit

/// The `illusion_pse` phase: parsing with located errors, the checks that need the stimulus, and the compiled
/// trial order, start levels and difference grid.
@Suite struct IllusionPhaseTests {
    static func phase(_ method: String, extra: String = "", range: (Double, Double) = (-1, 1), stimulus: String = "illusion_muller_lyer") -> String {
        """
          - kind: illusion_pse
            name: pse
            stimulus: \(stimulus)
            strengths: [-1, 0, 0.5, 1]
            repetitions: 3
            min_difference: \(range.0)
            max_difference: \(range.1)
        \(extra.isEmpty ? "" : "    " + extra + "\n")    method:
        \(method)
        """
    }
    static let adjustment = "      type: adjustment\n      coarse_step: 0.2\n      fine_step: 0.05"
    static let staircase = "      type: staircase\n      step: 0.1\n      max_trials: 12\n      more_key: left\n      less_key: right"

    @Test func adjustmentRunsEveryStrengthOncePerRepetitionFromSeededStarts() throws {
        let (spec, map) = try parseValid(protocolText(phases: Self.phase(Self.adjustment)))
        guard case .illusionPSE(let p) = spec.phases[0] else { Issue.record("not an illusion phase"); return }
        // (1 − (−1)) / 0.05 + 1 levels.
        #expect(p.levelCount == 41 && p.difference(atLevel: 0) == -1 && p.difference(atLevel: 40) == 1 && p.difference(atLevel: 21) == 0.05)
        let (timeline, diagnostics) = TimelineCompiler.compile(spec, refreshHz: 60, sourceMap: map)
        #expect(diagnostics.isEmpty)
        guard case .illusionPSE(let block) = timeline.phases[0].content else { Issue.record("no illusion block"); return }
        #expect(block.trials.count == 12 && block.interTrialFrames == 30 && block.responseWindowFrames == nil)
        for repetition in 0..<3 {
            let strengths = block.trials[(4 * repetition)..<(4 * repetition + 4)].map(\.strength)
            #expect(strengths.sorted() == [-1, 0, 0.5, 1], "repetition \(repetition): \(strengths)")
            #expect(block.trials[4 * repetition].repetition == repetition)
        }
        #expect(block.trials.allSatisfy { (0..<41).contains($0.startLevel) && $0.track == nil && p.strengths[$0.strengthIndex] == $0.strength })
        #expect(Set(block.trials.map(\.startLevel)).count > 3, "seeded starts vary")
        let again = TimelineCompiler.compile(spec, refreshHz: 60, sourceMap: map).timeline
        #expect(again == timeline, "the same seed gives the same timeline")
    }

    @Test func staircaseInterleavesOneTrackPerStrengthAndRepetition() throws {
        let (spec, map) = try parseValid(protocolText(phases: Self.phase(Self.staircase, extra: "response_window: 4 s")))
        let (timeline, _) = TimelineCompiler.compile(spec, refreshHz: 60, sourceMap: map)
        guard case .illusionPSE(let block) = timeline.phases[0].content else { Issue.record("no illusion block"); return }
        // 4 strengths × 3 repetitions = 12 tracks, 12 slots each, in rounds that hold every track once.
        #expect(block.trials.count == 144 && block.responseWindowFrames == 240)
        for round in 0..<12 { #expect(Set(block.trials[(12 * round)..<(12 * round + 12)].compactMap(\.track)) == Set(0..<12)) }
        for track in 0..<12 {
            let slots = block.trials.filter { $0.track == track }
            #expect(Set(slots.map(\.startLevel)).count == 1 && Set(slots.map(\.strength)).count == 1)
            // Starts lie in the middle half of the 21 levels.
            #expect((5...15).contains(slots[0].startLevel))
        }
    }

    @Test func parseErrorsAreLocatedAndListTheChoices() {
        let unknown = errors(protocolText(phases: Self.phase(Self.adjustment, extra: "strenghts: [1]")))
        #expect(unknown.contains { $0.fieldPath == "phases[0].strenghts" && $0.line != nil && $0.message.contains("did you mean 'strengths'") && $0.validChoices.contains("field_deg") })
        let method = errors(protocolText(phases: Self.phase("      type: bisection")))
        #expect(method.contains { $0.fieldPath == "phases[0].method.type" && $0.validChoices == ["adjustment", "staircase"] })
        let grid = errors(protocolText(phases: Self.phase(Self.adjustment, range: (-1, 1.02))))
        #expect(grid.contains { $0.message.contains("whole number of steps of 0.05") })
        let coarse = errors(protocolText(phases: Self.phase("      type: adjustment\n      coarse_step: 0.12\n      fine_step: 0.05")))
        #expect(coarse.contains { $0.fieldPath == "phases[0].method.coarse_step" && $0.message.contains("whole multiple") })
        let keys = errors(protocolText(phases: Self.phase("      type: staircase\n      step: 0.1\n      more_key: left\n      less_key: left")))
        #expect(keys.contains { $0.message.contains("must differ") })
        #expect(errors(protocolText(phases: Self.phase(Self.adjustment, range: (1, -1)))).contains { $0.fieldPath == "phases[0].max_difference" })
    }

    /// Writes a protocol with one illusion phase and checks it against the shipped stimulus library.
    func check(_ phase: String) throws -> ValidationReport {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("illusion-phase-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("p.yaml")
        try protocolText(phases: phase).write(to: file, atomically: true, encoding: .utf8)
        return ProtocolCheck.run(file: file, options: .init(stimulusDirectory: repositoryRoot.appendingPathComponent("Stimuli"),
                                                            analysisWidthPx: 160, analysisCellDeg: 2))
    }

    @Test func theStimulusMustBeAnIllusionThatCanDrawTheWholeRange() throws {
        #expect(try check(Self.phase(Self.adjustment)).errors.isEmpty)
        let grating = try check(Self.phase(Self.adjustment, stimulus: "gabor_45"))
        #expect(grating.errors.contains { $0.fieldPath == "phases[0].stimulus" && $0.message.contains("needs an illusion") && $0.validChoices.contains("illusion_cafe_wall") })
        // Ebbinghaus at size 2 deg: |difference| must stay below 4 deg so that both discs have a size.
        let range = try check(Self.phase("      type: adjustment\n      coarse_step: 1\n      fine_step: 0.5", range: (-1, 5), stimulus: "illusion_ebbinghaus"))
        let atMax = range.errors.filter { $0.fieldPath == "phases[0].max_difference" }
        #expect(atMax.count == 1 && atMax[0].message.contains("difference 5") && atMax[0].line != nil, "\(atMax)")
        #expect(!range.errors.contains { $0.fieldPath == "phases[0].min_difference" })
        let strength = try check(Self.phase(Self.adjustment, stimulus: "illusion_vertical_horizontal").replacingOccurrences(of: "[-1, 0, 0.5, 1]", with: "[0, 2]"))
        let atStrength = strength.errors.filter { $0.fieldPath == "phases[0].strengths[1]" }
        #expect(atStrength.count == 1 && atStrength[0].message.contains("illusion_strength 2 lies outside −1…1"), "\(atStrength)")
    }
}
