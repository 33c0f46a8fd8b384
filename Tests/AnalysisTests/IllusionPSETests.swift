import Foundation
import Testing
@testable import Analysis

/// The least-squares line of PSE against strength, checked against hand arithmetic, and the PSEs the report
/// takes from recorded adjustments and staircase tracks.
@Suite struct IllusionPSETests {
    @Test func leastSquaresLineMatchesHandArithmetic() throws {
        // x̄ = 0.5, ȳ = 0, Sxx = 5, Sxy = −3.5: slope −0.7, intercept 0.35; residuals ∓0.05, ±0.15 give
        // s² = 0.05 / 2, SE(slope) = √0.025 / √5 = 0.0707107, SE(intercept) = √0.025 · √(1/4 + 0.25/5) = 0.0866025;
        // t(0.975, 2 df) = 4.302653.
        let fit = try #require(LinearFit(x: [-1, 0, 1, 2], y: [1, 0.5, -0.5, -1]))
        #expect(abs(fit.slope.value - -0.7) < 1e-12 && abs(fit.intercept.value - 0.35) < 1e-12)
        #expect(abs(fit.residualSD - 0.025.squareRoot()) < 1e-12)
        #expect(abs(fit.slope.lower - (-0.7 - 4.302653 * 0.0707107)) < 1e-5 && abs(fit.slope.upper - (-0.7 + 4.302653 * 0.0707107)) < 1e-5)
        #expect(abs(fit.intercept.lower - (0.35 - 4.302653 * 0.0866025)) < 1e-5 && abs(fit.intercept.upper - (0.35 + 4.302653 * 0.0866025)) < 1e-5)
        #expect(LinearFit(x: [1, 1, 1], y: [0, 1, 2]) == nil && LinearFit(x: [0, 1], y: [0, 1]) == nil)
    }

    static func trial(_ index: Int, strength: Double, repetition: Int, track: Int? = nil) -> SessionData.Trial {
        var c: [String: ConditionValue] = ["illusion": .text("muller_lyer"), "illusion_strength": .number(strength),
                                           "repetition": .number(Double(repetition)), "difference_unit": .text("deg (length)")]
        if let track { c["track"] = .number(Double(track)) }
        return SessionData.Trial(phaseIndex: 1, trialIndex: index, conditions: c)
    }

    static func response(_ index: Int, _ method: String, _ value: Double) -> SessionData.Response {
        SessionData.Response(phaseIndex: 1, trialIndex: index, method: method, value: value, valueUnit: "deg (length)",
                             onsetS: Double(index), responseTimeS: Double(index) + 0.5)
    }

    @Test func adjustmentsGiveOnePSEPerTrialAndTheFitSpansThem() throws {
        let settings: [(Double, Double)] = [(-1, 1), (0, 0.5), (1, -0.5), (2, -1)]
        let session = SessionData(id: 3, participantCode: "p,1", protocolName: "ml", softwareVersion: "t", startedAt: Date(timeIntervalSince1970: 0),
                                  phases: [.init(index: 1, name: "ml", kind: "illusion_pse", plannedFrames: 0, plannedDurationS: 0)],
                                  trials: settings.indices.map { Self.trial($0, strength: settings[$0].0, repetition: 0) },
                                  responses: settings.indices.map { Self.response($0, "illusion_adjustment", settings[$0].1) })
        let summary = try #require(IllusionPSESummary(session: session, options: ReportOptions()))
        let block = try #require(summary.blocks.first)
        #expect(block.label == "ml · muller_lyer" && block.unit == "deg (length)" && block.pses.map(\.value) == [1, 0.5, -0.5, -1])
        #expect(abs((block.fit?.slope.value ?? 0) - -0.7) < 1e-12)
        let lines = summary.csv.split(separator: "\n")
        #expect(lines.count == 5 && lines[0] == Substring(IllusionPSESummary.csvHeader))
        #expect(lines[1] == "3,\"p,1\",1,muller_lyer,illusion_adjustment,-1.0,0,1.0,\"deg (length)\",1")
    }

    @Test func aStaircaseTrackGivesTheMeanOfItsLastReversals() throws {
        // One track at strength 1: levels 0, −0.1, −0.2, −0.1, −0.2, −0.1: reversals at −0.2, −0.1, −0.2 (trials 2, 3, 4).
        let levels = [0, -0.1, -0.2, -0.1, -0.2, -0.1]
        let session = SessionData(id: 1, participantCode: "p", protocolName: "e", softwareVersion: "t", startedAt: Date(timeIntervalSince1970: 0),
                                  trials: levels.indices.map { Self.trial($0, strength: 1, repetition: 0, track: 0) },
                                  responses: levels.indices.map { Self.response($0, "illusion_staircase", levels[$0]) })
        var options = ReportOptions()
        options.lastReversals = 3
        let pse = try #require(IllusionPSESummary(session: session, options: options)?.blocks.first?.pses.first)
        #expect(abs(pse.value - (-0.2 - 0.1 - 0.2) / 3) < 1e-12 && pse.responses == 6 && pse.method == "illusion_staircase")
    }
}
