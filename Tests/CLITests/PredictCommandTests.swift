import Foundation
import Testing

/// `stimgen predict` end to end on the tiny protocol (red-horizontal / green-vertical adapters for 3 s).
@Suite struct PredictCommandTests {
    /// A 4° model field at 24 px/deg keeps the debug build quick; the tiny protocol's stimuli are 4° discs.
    static let model = ["--field-deg", "4", "--pixels-per-degree", "24"]

    @Test func printsATableOfEveryTestCondition() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let r = try StimgenProcess.run(["predict", w.protocolFile.path] + Self.model)
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "tiny-session — model v1, layer all, adaptation decorrelation")
        #expect(lines.count == 2 + 4)  // title, header, 2 phases × 2 conditions
        #expect(lines[1].contains("perceived tint (DKL L−M)"))
        #expect(lines.dropFirst(2).map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
                == ["baseline horizontal", "baseline vertical", "post horizontal", "post vertical"])
    }

    @Test func writesJSONWithTheMcColloughSigns() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let out = w.folder.appendingPathComponent("p.json")
        let r = try StimgenProcess.run(["predict", w.protocolFile.path, "--out", out.path] + Self.model)
        #expect(r.status == 0, "\(r.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        #expect(object["protocol"] as? String == "tiny-session")
        #expect(object["layer"] as? String == "all")
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 4)
        func row(_ phase: String, _ condition: String) -> [String: Any]? {
            rows.first { $0["phase"] as? String == phase && $0["condition"] as? String == condition }
        }
        let h = try #require(row("post", "horizontal")), v = try #require(row("post", "vertical"))
        // 3 s of adapters (180 frames at 60 Hz) precede the post-test.
        #expect(h["adaptation_s"] as? Double == 3)
        #expect(h["orientation_deg"] as? Double == 0)
        // Horizontal was paired with red: it now looks greenish (negative DKL L−M), vertical reddish,
        // and the null that cancels each is its opposite.
        let hTint = try #require(h["perceived_tint_dkl_lm"] as? Double), vTint = try #require(v["perceived_tint_dkl_lm"] as? Double)
        #expect(hTint < 0)
        #expect(vTint > 0)
        #expect(h["predicted_null_dkl_lm"] as? Double == -hTint)
        // Before adaptation an achromatic test looks achromatic.
        #expect(abs(try #require(row("baseline", "horizontal")?["perceived_tint_dkl_lm"] as? Double)) < 1e-6)
    }

    @Test func writesCSVWithAHeaderOfUnits() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let out = w.folder.appendingPathComponent("p.csv")
        let r = try StimgenProcess.run(["predict", w.protocolFile.path, "--layer", "linear@1.5cpd", "--out", out.path] + Self.model)
        #expect(r.status == 0, "\(r.err)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "phase,condition,stimulus,orientation_deg,adaptation_s,perceived_tint_dkl_lm,predicted_null_dkl_lm,perceived_tint_dkl_s,predicted_null_dkl_s")
        #expect(lines.count == 5)
        #expect(lines[3].hasPrefix("post,horizontal,test_h,0,3,-"))
        #expect(lines[4].hasPrefix("post,vertical,test_v,90,3,"))
    }

    @Test func anONNXModelIsPredictedWithSuppressionOnTheNamedLayer() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let out = w.folder.appendingPathComponent("onnx.csv")
        let r = try StimgenProcess.run(["predict", w.protocolFile.path, "--model", NeuralFixtures.path("net_small_cnn.onnx"),
                                        "--adaptation", "suppression", "--layer", "r2", "--out", out.path])
        #expect(r.status == 0, "\(r.err)")
        let rows = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 4)
        // Before adaptation the adapted response is the unadapted one: exactly no tint.
        for row in rows where row[0] == "baseline" { #expect(row[5] == "0" || Double(row[5]) == 0, "\(row)") }
        for row in rows where row[0] == "post" { #expect(Double(row[4]) == 3) }
    }

    @Test func badModelLayerAndOutputAreErrorsNamingTheChoices() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let other = try StimgenProcess.run(["predict", w.protocolFile.path, "--model", "alexnet"])
        #expect(other.status != 0)
        #expect(other.err.contains("choices: v1, or a .onnx file"))
        let onnx = ["predict", w.protocolFile.path, "--model", w.folder.appendingPathComponent("missing.onnx").path]
        let decorrelated = try StimgenProcess.run(onnx + ["--layer", "r2"])
        #expect(decorrelated.status != 0)
        #expect(decorrelated.err.contains("--adaptation suppression"))
        let noLayer = try StimgenProcess.run(onnx + ["--adaptation", "suppression"])
        #expect(noLayer.status != 0)
        #expect(noLayer.err.contains("--layer"))
        let missingFile = try StimgenProcess.run(onnx + ["--adaptation", "suppression", "--layer", "r2"])
        #expect(missingFile.status != 0)
        #expect(missingFile.err.contains("missing.onnx"))
        let layer = try StimgenProcess.run(["predict", w.protocolFile.path, "--layer", "complex@9cpd"] + Self.model)
        #expect(layer.status != 0)
        #expect(layer.err.contains("no layer 'complex@9cpd'"))
        #expect(layer.err.contains("linear@1.5cpd"))
        let out = try StimgenProcess.run(["predict", w.protocolFile.path, "--out", "p.txt"])
        #expect(out.status != 0)
        #expect(out.err.contains("must end in .json or .csv"))
        let missing = try StimgenProcess.run(["predict", w.folder.appendingPathComponent("none.yaml").path] + Self.model)
        #expect(missing.status != 0)
        #expect(missing.err.contains("none.yaml"))
    }
}
