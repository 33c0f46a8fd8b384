import Foundation
import GRDB
import Testing

/// End-to-end: the shipped Müller-Lyer protocol run headless by the simulated observer, whose PSE line the report
/// recovers; and every shipped illusion through `stimgen activations`.
@Suite(.serialized) struct IllusionSessionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func simulatedMullerLyerSessionRecoversTheObserversGain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-illusion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("sessions.sqlite")
        // The observer sees A − B as d + 0.3 × strength + N(0, 0.05²) deg: its PSE line has slope −0.3 deg per unit strength.
        let run = try StimgenProcess.run(["run", Self.root.appendingPathComponent("Protocols/illusion-muller-lyer.yaml").path,
                                          "--participant", "sim", "--db", database.path, "--headless", "--window", "320x180",
                                          "--simulate", "--fast", "--simulate-illusion-gain", "0.3", "--simulate-illusion-noise", "0.05"])
        #expect(run.status == 0, "\(run.err)")
        try DatabaseQueue(path: database.path).read { db throws in
            // 5 strengths × 4 repetitions, each answered once by an adjustment with its whole trajectory.
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.value, r.value_unit, r.trajectory_json, json_extract(t.conditions_json, '$.illusion_strength') AS strength,
                       json_extract(t.conditions_json, '$.illusion') AS illusion
                FROM responses r JOIN trials t USING (session_id, phase_index, trial_index) WHERE r.method = 'illusion_adjustment'
                """)
            #expect(rows.count == 20)
            #expect(rows.allSatisfy { ($0["illusion"] as String) == "muller_lyer" && ($0["value_unit"] as String) == "deg (length)" })
            #expect(rows.allSatisfy { ($0["trajectory_json"] as String).contains("t_s") })
            // Settings lie on the protocol's 0.05-deg grid from −1 to 1.
            #expect(rows.allSatisfy { row in
                let v = row["value"] as Double
                return abs(v) <= 1 && abs(v / 0.05 - (v / 0.05).rounded()) < 1e-9
            })
            let strengths = rows.map { $0["strength"] as Double }
            #expect(Set(strengths) == [-1, -0.5, 0, 0.5, 1] && strengths.filter { $0 == 1 }.count == 4)
        }
        let report = folder.appendingPathComponent("report.html")
        let reported = try StimgenProcess.run(["report", "--db", database.path, "--all", "--out", report.path])
        #expect(reported.status == 0, "\(reported.err)")
        let html = try String(contentsOf: report, encoding: .utf8)
        // The table row: "muller_lyer · muller_lyer", 20 PSEs, then "slope [lower, upper] deg (length) per unit strength".
        let row = try #require(html.range(of: "muller_lyer · muller_lyer").map { String(html[$0.upperBound...].prefix(400)) })
        let numbers = row.replacingOccurrences(of: "−", with: "-").split { !"-0123456789.e".contains($0) }.compactMap { Double($0) }
        #expect(numbers.count >= 4 && numbers[0] == 20, "\(row)")
        let (slope, lower, upper) = (numbers[1], numbers[2], numbers[3])
        #expect(lower <= -0.3 && -0.3 <= upper, "slope \(slope) [\(lower), \(upper)] should contain −0.3")
        #expect(upper - lower < 0.2, "the interval [\(lower), \(upper)] should be informative")
        #expect(html.contains("PSE against illusion strength") && html.contains("data:text/csv"))
    }

    @Test func everyShippedIllusionGivesFiniteActivations() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-illusion-act-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stimuli = Self.root.appendingPathComponent("Stimuli")
        let names = try FileManager.default.contentsOfDirectory(atPath: stimuli.path)
            .filter { $0.hasPrefix("illusion_") && $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names.count == 18)
        let model = Self.root.appendingPathComponent("Tests/NeuralKitTests/Fixtures/onnx/net_small_cnn.onnx").path
        let result = try StimgenProcess.run(["activations", "--model", model, "--layer", "r1", "--layer", "logits", "--size", "32",
                                             "--stimuli", stimuli.path, "--out", folder.path] + names)
        #expect(result.status == 0, "\(result.err)")
        for (layer, perInput) in [("r1", 8 * 16 * 16), ("logits", 10)] {
            let values = try Self.float32NPY(folder.appendingPathComponent("\(layer).npy"))
            #expect(values.count == names.count * perInput)
            let finite = values.allSatisfy { $0.isFinite }
            #expect(finite, "\(layer) has a non-finite activation")
        }
    }

    /// The float32 values of a version-1 .npy file (10-byte preamble, header length at bytes 8–9).
    static func float32NPY(_ url: URL) throws -> [Float] {
        let data = try Data(contentsOf: url)
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        let body = data.dropFirst(10 + headerLength)
        return stride(from: body.startIndex, to: body.endIndex, by: 4).map { i -> Float in
            let bytes = (0..<4).map { UInt32(body[i + $0]) << (8 * UInt32($0)) }
            return Float(bitPattern: bytes.reduce(0, |))
        }
    }
}
