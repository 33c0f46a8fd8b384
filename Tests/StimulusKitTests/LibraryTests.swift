import Foundation
import Testing
@testable import StimulusKit

@Suite struct LibraryTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Stimuli")

    func parse(_ yaml: String) throws -> StimulusSpec { try StimulusLibrary.parse(yaml: yaml, origin: "test.yaml") }

    func expectError(_ yaml: String, line: Int?, column: Int? = nil, path: String, mentions: [String]) {
        #expect {
            _ = try parse(yaml)
        } throws: { error in
            guard let e = error as? YAMLFileError else { Issue.record("not a YAMLFileError: \(error)"); return false }
            let ok = e.file == "test.yaml" && e.line == line && (column == nil || e.column == column) && e.fieldPath == path
                && mentions.allSatisfy { e.description.contains($0) }
            if !ok { Issue.record("got \(e)") }
            return ok
        }
    }

    @Test func everyShippedStimulusLoadsAndRenders() throws {
        let specs = try StimulusLibrary.load(directory: Self.shipped)
        #expect(specs.count >= 16)
        for name in ["mccollough_adapter_red_horizontal", "mccollough_adapter_green_vertical", "bach_adapter_magenta_horizontal",
                     "bach_adapter_green_vertical", "mccollough_test_quadrants", "control_grating_45", "circle_grid_red",
                     "cross_grid_green", "circle_grid_test", "cross_grid_test", "checkerboard", "concentric_rings", "radial_windmill"] {
            #expect(specs[name] != nil, "missing \(name)")
        }
        // On the standard sRGB display and on a monitor with other primaries (colours stay in gamut there too).
        let other = try MonitorProfile.load(from: ExampleFilesTests.examples.appendingPathComponent("monitor_profile.yaml"))
        for profile in [MonitorProfile.standardSRGB, other] {
            let renderer = StimulusRenderer(geometry: .standard, profile: profile)
            for spec in specs.values {
                let image = try renderer.render(spec, width: 48, height: 27)
                let outside = image.pixels.filter { !($0 >= 0 && $0 <= 1) }
                #expect(outside.isEmpty, "\(spec.name): \(outside.prefix(3))")
            }
        }
    }

    @Test func unknownKeyIsAnErrorWithLineColumnAndValidKeys() {
        expectError("""
            name: x
            pattern:
              type: square_grating
              cycles_per_degree: 2
              orientaton_deg: 45
            """, line: 5, column: 3, path: "pattern.orientaton_deg", mentions: ["unknown key", "orientation_deg"])
    }

    @Test func unknownPatternTypeListsTheValidTypes() {
        expectError("name: x\npattern:\n  type: zebra\n", line: 3, column: 9, path: "pattern.type",
                    mentions: ["zebra", "sine_grating", "circle_grid"])
    }

    @Test func badColourAndWrongTypeAndMissingKey() {
        expectError("name: x\npattern:\n  type: checkerboard\n  check_size_deg: 1\n  colour_a: reddish\n", line: 5, column: 13,
                    path: "pattern.colour_a", mentions: ["reddish", "magenta"])
        expectError("name: x\npattern:\n  type: checkerboard\n  check_size_deg: big\n", line: 4, column: 19,
                    path: "pattern.check_size_deg", mentions: ["a number"])
        expectError("name: x\npattern:\n  type: checkerboard\n", line: 3, path: "pattern", mentions: ["check_size_deg"])
        expectError("name: x\npattern:\n  type: tiles\n  rows: 1\n  columns: 1\n  tiles:\n    - {type: sine_grating, cycles_per_degree: 1, colour_b: [1, 2]}\n",
                    line: 7, path: "pattern.tiles[0].colour_b", mentions: ["colour"])
    }

    @Test func syntaxErrorGivesTheLine() {
        #expect {
            _ = try parse("name: x\npattern: {type: uniform\n")
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.line != nil && e.message.contains("YAML syntax")
        }
    }

    @Test func encodingGivesResolvedParametersThatLoadBack() throws {
        let spec = try parse("name: x\npattern:\n  type: square_grating\n  cycles_per_degree: 2\n")
        let json = String(decoding: try JSONEncoder().encode(spec), as: UTF8.self)
        for key in ["\"orientation_deg\":0", "\"duty_cycle\":0.5", "\"phase_deg\":0", "\"contrast\":1", "\"colour_a\":\"white\""] {
            #expect(json.contains(key), "\(key) missing from \(json)")
        }
        #expect(try YAMLFile.decode(StimulusSpec.self, yaml: json, file: "round-trip") == spec)
    }
}
