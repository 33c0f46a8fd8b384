import Foundation
import Testing
@testable import StimulusKit

/// Every illusion kind is shipped, exports with its derived geometry in the manifest, and bad parameters are
/// errors that name the field.
@Suite struct IllusionLibraryTests {
    static let stimuli = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Stimuli")

    @Test func everyIllusionIsShippedAndExportsWithItsGeometry() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("illusions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let exporter = StimulusExporter(renderer: StimulusRenderer(geometry: .standard, profile: .standardSRGB), width: 96, height: 54,
                                        force: false, generator: "test")
        for kind in IllusionKind.allCases {
            let spec = try StimulusLibrary.load(file: Self.stimuli.appendingPathComponent("illusion_\(kind.rawValue).yaml"))
            guard case let .illusion(i) = spec.pattern else { Issue.record("\(kind): not an illusion pattern"); continue }
            #expect(i.kind == kind && i.illusionStrength > 0 && i.difference == 0)
            let written = try exporter.export(spec, to: dir)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: written.manifest)) as? [String: Any]
            let geometry = (json?["illusion_geometry"] as? [String: Any])?["pattern"] as? [String: Double] ?? [:]
            #expect(geometry["illusion_strength"] == i.illusionStrength && geometry["difference"] == 0, "\(kind): \(geometry)")
            #expect(geometry.keys.contains { $0.hasPrefix("target_a") }, "\(kind) manifest names no target A value: \(geometry.keys.sorted())")
            #expect(written.pngBytes > 0)
        }
    }

    @Test func sizeDifferencesAppearInTheManifestWithUnits() throws {
        let spec = StimulusSpec(name: "m", pattern: .illusion(Illusion(kind: .ebbinghaus, illusionStrength: 1, difference: 0.4, sizeDeg: 2)))
        let g = try #require(try spec.illusionGeometry(maxLuminanceCdM2: 80)?["pattern"])
        #expect(g["target_a_diameter_deg"] == 2.2 && g["target_b_diameter_deg"] == 1.8)
        let light = StimulusSpec(name: "l", pattern: .illusion(Illusion(kind: .simultaneousContrast, difference: 0.1, luminance: 0.2)))
        let lg = try #require(try light.illusionGeometry(maxLuminanceCdM2: 80)?["pattern"])
        #expect(abs(lg["target_a_luminance_cd_m2"]! - 0.25 * 80) < 1e-9 && abs(lg["target_b_luminance"]! - 0.15) < 1e-12)
    }

    func renderError(_ i: Illusion) -> String {
        do {
            _ = try StimulusRenderer(geometry: .standard, profile: .standardSRGB).render(StimulusSpec(name: "x", pattern: .illusion(i)), width: 8, height: 8)
            return "no error"
        } catch { return "\(error)" }
    }

    @Test func invalidParametersNameTheirField() {
        #expect(renderError(Illusion(kind: .mullerLyer, illusionStrength: 3)).hasPrefix(".pattern.illusion_strength: must lie in −2.5…2.5"))
        #expect(renderError(Illusion(kind: .verticalHorizontal, illusionStrength: 1.5)).contains("illusion_strength"))
        #expect(renderError(Illusion(kind: .ebbinghaus, difference: 4, sizeDeg: 2)).hasPrefix(".pattern.difference"))
        #expect(renderError(Illusion(kind: .delboeuf, sizeDeg: 0)).hasPrefix(".pattern.size_deg"))
        #expect(renderError(Illusion(kind: .whites, illusionStrength: 2, luminance: 0.2)).contains("lower |illusion_strength|"))
        #expect(renderError(Illusion(kind: .tilt, luminance: 0.6)).contains("grating peak"))
    }

    @Test func unknownIllusionListsTheValidOnes() {
        #expect {
            _ = try StimulusLibrary.parse(yaml: "name: x\npattern:\n  type: illusion\n  illusion: cafe\n", origin: "t.yaml")
        } throws: { error in
            let e = "\(error)"
            return e.contains("t.yaml:4") && e.contains("pattern.illusion") && e.contains("cafe") && e.contains("kanizsa_triangle")
        }
    }

    @Test func zeroStrengthGivesBothTargetsTheSameContext() throws {
        let ebb = try IllusionFigure(Illusion(kind: .ebbinghaus, illusionStrength: 0), maxLuminanceCdM2: 80, path: "p")
        let discs = ebb.shapes.compactMap { s -> Double? in if case let .disc(_, d, _) = s { return d }; return nil }
        // The last two discs are the targets; every inducer before them has one diameter.
        #expect(discs.count > 8 && Set(discs.dropLast(2)).count == 1, "inducer diameters at strength 0: \(discs)")
        for kind in [IllusionKind.simultaneousContrast, .whites, .hermannGrid, .kanizsaTriangle, .machBands] {
            let f = try IllusionFigure(Illusion(kind: kind, illusionStrength: 0, luminance: 0.3), maxLuminanceCdM2: 80, path: "p")
            let greys = Set(f.shapes.compactMap { s -> Double? in
                switch s {
                case let .rectangle(_, _, _, _, .linearRGB(v)), let .disc(_, _, .linearRGB(v)), let .polygon(_, .linearRGB(v)): return v.x
                case let .luminanceProfile(_, _, _, knots): return Set(knots.map(\.y)).count == 1 ? knots[0].y : -1
                default: return nil
                }
            })
            #expect(greys == [0.3], "\(kind) at strength 0 draws \(greys)")
        }
    }
}
