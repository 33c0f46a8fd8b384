import Foundation
import StimulusKit
import Testing

/// A drifting grating moves on the screen by its drift rate: captured frames of a headless session
/// show the bars displaced by exactly drift × time.
@Suite struct DriftingSessionTests {
    static let yaml = """
    name: drift-session
    title: Two seconds of a drifting grating
    description: End-to-end test of motion.
    citations: ["none"]
    viewing:
      distance_cm: 57
      refresh_hz: 60
    seed: 3
    stimuli:
      bars:
        name: bars
        pattern: {type: square_grating, orientation_deg: 90, cycles_per_degree: 0.5, drift_cycles_per_s: 1, colour_a: white, colour_b: black}
    phases:
      - kind: adaptation
        name: drift
        sequence: [{stimulus: bars, duration: 2 s}]
        repetitions: 1
    """

    /// x positions (px) where the middle row of a captured RGBA frame turns from dark to light.
    func risingEdges(_ image: DisplayImage) -> [Double] {
        let y = image.height / 2
        var edges: [Double] = []
        for x in 1..<image.width {
            let a = Int(image.pixels[4 * (y * image.width + x - 1)]), b = Int(image.pixels[4 * (y * image.width + x)])
            if a < 128, b >= 128 { edges.append(Double(x - 1) + Double(128 - a) / Double(b - a) + 0.5) }
        }
        return edges
    }

    @Test func barsMoveLeftByDriftTimesTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-drift-\(UUID().uuidString)")
        let captures = folder.appendingPathComponent("frames")
        try FileManager.default.createDirectory(at: captures, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("drift.yaml")
        try Self.yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = try StimgenProcess.run(["run", file.path, "--participant", "p1", "--db", folder.appendingPathComponent("s.sqlite").path,
                                             "--headless", "--window", "320x180", "--simulate", "--fast",
                                             "--capture", captures.path, "--capture-every", "15"])
        #expect(result.status == 0, "\(result.err)")
        let frames = try FileManager.default.contentsOfDirectory(at: captures, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "png" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        #expect(frames.count >= 4)
        // 15 frames at 60 Hz = 0.25 s = a quarter cycle at 1 cycle/s; a cycle is 2° at 0.5 cpd, and the
        // standard display (53 cm, 1920 px at 57 cm) has 36.04 px/deg: 18.02 px to the left.
        let ppd = 2 * 57 * tan(0.5 * Double.pi / 180) * 1920 / 53
        let step = 0.25 * 2 * ppd, period = 2 * ppd
        for (a, b) in zip(frames, frames.dropFirst()) {
            let before = risingEdges(try PNGCodec.read(a)), after = risingEdges(try PNGCodec.read(b))
            let edge = try #require(before.first { $0 > period })
            let moved = try #require(after.min { abs($0 - (edge - step)) < abs($1 - (edge - step)) })
            #expect(abs(moved - (edge - step)) < 1, "\(a.lastPathComponent) → \(b.lastPathComponent): edge at \(edge) px moved to \(moved) px")
        }
    }
}
