import Foundation
import Testing
@testable import ProtocolKit

@Suite struct ShippedProtocolTests {
    static let protocolFiles: [URL] = {
        let folder = repositoryRoot.appendingPathComponent("Protocols")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
    }()

    /// A coarse analysis (320 px renders, 1° cells) keeps the debug-build test fast.
    static let options = ProtocolCheck.Options(analysisWidthPx: 320, analysisCellDeg: 1)

    @Test func theShippedSetIsComplete() {
        let names = Set(Self.protocolFiles.map { $0.deletingPathExtension().lastPathComponent })
        #expect(names.isSuperset(of: ["mccollough-classic", "mccollough-bach", "mccollough-circles-crosses", "mccollough-retest",
                                      "mccollough-reversal", "isoluminance", "tilt-aftereffect", "motion-aftereffect",
                                      "illusion-muller-lyer", "illusion-ebbinghaus", "illusion-tilt"]))
    }

    @Test(arguments: protocolFiles) func validatesAndIsSafe(_ file: URL) {
        let report = ProtocolCheck.run(file: file, options: Self.options)
        #expect(report.errors.isEmpty, "\(report.errors.map(\.description).joined(separator: "\n"))")
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.description).joined(separator: "\n"))")
        #expect(report.safety?.verdict == .safe)
        #expect(report.isRunnable)
        #expect(report.spec?.name == file.deletingPathExtension().lastPathComponent)
    }

    @Test func classicMcColloughPassesTheFlashRuleAndWarnsOnPatterns() throws {
        let report = ProtocolCheck.run(file: repositoryRoot.appendingPathComponent("Protocols/mccollough-classic.yaml"),
                                       options: Self.options)
        let safety = try #require(report.safety)
        let adaptation = try #require(safety.phases.first { $0.phase == "adaptation" })
        // 10 s red / 10 s green: one red transition per 10 s, never more than 1 in a second → 0.5 flashes/s.
        #expect(adaptation.findings.maxRedFlashesPerSecond == 0.5)
        #expect(adaptation.findings.passes)
        // The full-field green/black adapter (brightest stripe 0.7152 × 80 cd/m² > 50) breaks the pattern
        // rule; the red/black one (0.2126 × 80 = 17 cd/m²) does not.
        let warned = Set(safety.patternWarnings.map(\.stimulus))
        #expect(warned.contains("mccollough_adapter_green_vertical"))
        #expect(!warned.contains("mccollough_adapter_red_horizontal"))
        #expect(!safety.consentWarnings.isEmpty)
        // 15 min of timed phases: 10 min adaptation + 5 min reversal at 60 Hz.
        #expect(report.timeline?.fixedFrames == 54_000)
    }

    @Test func flickerPhotometryIsARedFlashInASmallField() throws {
        let report = ProtocolCheck.run(file: repositoryRoot.appendingPathComponent("Protocols/isoluminance.yaml"),
                                       options: Self.options)
        let findings = try #require(report.safety?.phases.first?.findings)
        // 15 Hz red/green: 15 red flashes a second, but only over a 2° disc, 2π(1 − cos 1°) ≈ 0.00096 sr.
        #expect(findings.maxRedFlashesPerSecond == 15)
        #expect(findings.redFlashingAreaSr < FlashFindings.areaLimitSr)
        #expect(findings.passes)
    }
}

@Suite struct ProtocolCatalogueTests {
    @Test func listsEveryShippedProtocolByName() throws {
        let entries = try ProtocolCatalogue.entries(in: repositoryRoot.appendingPathComponent("Protocols"))
        #expect(entries.count == ShippedProtocolTests.protocolFiles.count)
        #expect(entries.allSatisfy { $0.parses })
        #expect(entries.first { $0.name == "isoluminance" }?.title == "Isoluminant red/green by heterochromatic flicker photometry")
    }
}

@Suite struct ResolvedStimuliTests {
    @Test func theTimelineCarriesEveryStimulusItNames() throws {
        let report = ProtocolCheck.run(file: repositoryRoot.appendingPathComponent("Protocols/mccollough-circles-crosses.yaml"),
                                       options: ShippedProtocolTests.options)
        let timeline = try #require(report.timeline)
        #expect(Set(timeline.stimuli.keys) == ["circle_grid_test", "cross_grid_test", "grating_horizontal_bw",
                                               "grating_vertical_bw", "circle_grid_red", "cross_grid_green"])
        #expect(timeline.stimuli["circle_grid_red"]?.pattern.typeName == "circle_grid")
        // What the session store records must read back as the same timeline, stimuli included.
        let json = try #require(report.timelineJSON())
        #expect(try JSONDecoder().decode(Timeline.self, from: Data(json.utf8)) == timeline)
    }
}
