import Foundation
import Testing
@testable import StimulusKit

@Suite struct ExportTests {
    let library = LibraryTests.shipped

    func tempDir() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-export-\(UUID().uuidString)").path
    }

    @Test func exportWritesReadablePNGsAndManifestsWithUnits() throws {
        let out = tempDir()
        let request = try ExportRequest(items: ["checkerboard", library.appendingPathComponent("gabor_45.yaml").path], all: false,
                                        library: library, outDirectory: out, size: "64x36", monitor: nil, force: false, generator: "test")
        var progress: [Int] = []
        let written = try request.run { done, _, _ in progress.append(done) }
        #expect(progress == [1, 2])
        #expect(written.map(\.name) == ["checkerboard", "gabor_45"])
        for w in written {
            let png = try PNGCodec.read(w.png)
            #expect(png.width == 64 && png.height == 36)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: w.manifest)) as! [String: Any]
            #expect(json["width_px"] as? Int == 64)
            let ppd = try #require(json["pixels_per_degree"] as? Double)
            #expect(abs(ppd - ViewingGeometry.standard.pixelsPerDegree(.tangent)) < 1e-9)
            let params = try #require(json["parameters"] as? [String: Any])
            let pattern = try #require(params["pattern"] as? [String: Any])
            #expect(pattern.keys.contains { $0.hasSuffix("_deg") })
            let colours = try #require(json["colours"] as? [String: [String: Any]])
            #expect(colours["pattern.colour_a"]?["given"] as? String == "white")
            #expect(colours["pattern.colour_a"]?["linear_rgb"] as? [Double] == [1, 1, 1])
        }
        // A second run without force refuses and names the files; with force it overwrites.
        #expect(throws: ExportError.self) { _ = try request.run { _, _, _ in } }
        let forced = try ExportRequest(items: ["checkerboard"], all: false, library: library, outDirectory: out, size: "64x36",
                                       monitor: nil, force: true, generator: "test")
        #expect(try forced.run { _, _, _ in }.count == 1)
    }

    @Test func unknownNameListsWhatShips() throws {
        #expect {
            _ = try ExportRequest(items: ["no_such_stimulus"], all: false, library: library, outDirectory: tempDir(), size: nil,
                                  monitor: nil, force: false, generator: "test")
        } throws: { error in
            guard case let ExportError.unknownStimulus(name, available)? = error as? ExportError else { return false }
            return name == "no_such_stimulus" && available.contains("checkerboard")
        }
        #expect(throws: ExportError.self) { _ = try ExportRequest.parseSize("1920*1080") }
        let size = try ExportRequest.parseSize("1920x1080")
        #expect(size == (1920, 1080))
    }

    @Test func displayEncodingGoesThroughTheMonitorProfile() throws {
        // A gamma-2.0 monitor: linear 0.25 must be driven at code round(255 × 0.5) = 128.
        let g2 = MonitorProfile(name: "g2", transfer: .init(all: .gamma(2)), primaries: .bt709, whitePoint: .d65, maxLuminanceCdM2: 100)
        let renderer = StimulusRenderer(geometry: .standard, profile: g2)
        let spec = StimulusSpec(name: "u", pattern: .uniform(.linearRGB([0.25, 0.25, 0.25])))
        #expect(try renderer.renderDisplay(spec, width: 2, height: 2).pixels == [UInt8](repeating: 0, count: 16).enumerated().map { $0.offset % 4 == 3 ? 255 : 128 })
    }
}
