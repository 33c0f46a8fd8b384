import Foundation
import Testing

/// `stimgen compare` end to end: simulated sessions of the classic design against the classic protocol.
@Suite struct CompareCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func writesThePageAndATidyCSV() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        let simulated = try StimgenProcess.run(["_simulate-sessions", "--db", w.database.path, "--participants", "3",
                                                "--sessions-each", "1", "--adaptation-s", "5"])
        #expect(simulated.status == 0, "\(simulated.err)")
        let page = w.folder.appendingPathComponent("compare.html")
        let r = try StimgenProcess.run(["compare", "--db", w.database.path,
                                        "--protocol", Self.repository.appendingPathComponent("Protocols/mccollough-classic.yaml").path,
                                        "--field-deg", "4", "--pixels-per-degree", "24", "--resamples", "200", "--out", page.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("3 participant(s)"))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for heading in ["Summary", "Predicted and observed per test condition", "Noise ceiling", "Layers", "RDM comparison (forced choice)"] {
            #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        #expect(html.contains("The layer that explains the participants best is"))
        #expect(html.contains("<svg"))
        // The simulated sessions' forced choices carry no test orientation: the page says so.
        #expect(html.contains("No RDM comparison"))
        #expect(!html.contains("<script"))

        let csv = try String(contentsOf: w.folder.appendingPathComponent("compare.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        #expect(header.prefix(5) == ["layer", "orientation_deg", "predicted_shift_dkl_lm", "observed_shift_dkl_lm", "participants"])
        // Five layers (all and four bands) × three orientations.
        #expect(lines.count == 1 + 5 * 3)
        #expect(Set(lines.dropFirst().map { $0[0] }) == ["all", "linear@0.75cpd", "linear@1.5cpd", "linear@3cpd", "linear@6cpd"])
        func column(_ name: String, _ row: [String]) -> Double? { header.firstIndex(of: name).flatMap { Double(row[$0]) } }
        let all = lines.dropFirst().filter { $0[0] == "all" }
        func observed(_ deg: Double) -> Double? { all.first { Double($0[1]) == deg }.flatMap { column("observed_shift_dkl_lm", $0) } }
        // The simulator's observers shift their settings by +½E at 0° (added red for a horizontal test
        // that looks greenish), −½E at 90° and 0 at 45°, with
        // E = 0.08·e^(−t/300 s) at the start of each post-test: t = 0 for test 1 and 72 + 157.5 + 60 =
        // 289.5 s (test 1, 2AFC and staircase phases) for test 2. "After" pools both tests:
        // ½·0.08·(1 + e^(−289.5/300))/2 = 0.0276. Setting SD 0.01, 4 settings per condition and test,
        // 3 participants: the group mean's SE is about 0.0035.
        let expected = 0.04 * (1 + exp(-289.5 / 300)) / 2
        #expect(abs(try #require(observed(0)) - expected) < 0.01)
        #expect(abs(try #require(observed(90)) + expected) < 0.01)
        #expect(abs(try #require(observed(45))) < 0.01)
        // The V1 model predicts the same order (horizontal nulled with red, vertical with green, the
        // control between): the rank correlation over the three conditions is +1.
        #expect(all.compactMap { column("spearman_rho", $0) }.allSatisfy { $0 == 1 })
        for row in lines.dropFirst() {
            #expect(row[4] == "3")
            let rho = try #require(column("spearman_rho", row)), low = try #require(column("spearman_ci95_lower", row))
            let high = try #require(column("spearman_ci95_upper", row))
            #expect(low <= rho && rho <= high && -1 <= low && high <= 1)
        }
    }

    @Test func anUncompilableRecordedProtocolAsksForTheProtocolFile() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.folder) }
        _ = try StimgenProcess.run(["_simulate-sessions", "--db", w.database.path, "--participants", "2", "--sessions-each", "1",
                                    "--adaptation-s", "5"])
        let r = try StimgenProcess.run(["compare", "--db", w.database.path, "--out", w.folder.appendingPathComponent("c.html").path])
        #expect(r.status != 0)
        #expect(r.err.contains("the protocol 'classic-mccollough' recorded with the sessions cannot be predicted"))
        #expect(r.err.contains("--protocol FILE"))
    }
}
