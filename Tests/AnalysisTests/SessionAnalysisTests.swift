import Foundation
import Testing
@testable import Analysis

/// Per-session and per-participant figures on hand-made sessions (see SessionFactory).
struct SessionAnalysisTests {
    @Test func timingCountsDroppedFramesAndFindsTheWorstInterval() {
        let timing = SessionAnalysis(session: SessionFactory.classicSession()).timing
        #expect(timing.frameCount == 10)
        #expect(timing.droppedFrames == 1)
        #expect(timing.intervalsMs.count == 9)
        // Eight intervals of 16.7 ms and one of 33.4 ms: mean (8·16.7 + 33.4)/9.
        #expect(abs(timing.meanIntervalMs! - (8 * 16.7 + 33.4) / 9) < 1e-9)
        #expect(timing.worst.first?.frameIndex == 4)
        #expect(abs(timing.worst.first!.intervalMs - 33.4) < 1e-9)
        #expect(timing.worst.first?.phaseName == "baseline")
        #expect(abs(timing.phases[0].differenceMs! - 16.7) < 1e-9)
        #expect(timing.phases[2].differenceMs == nil)
    }

    @Test func fixationOutcomesAreCounted() throws {
        let fixation = try #require(SessionAnalysis(session: SessionFactory.classicSession()).fixation)
        #expect(fixation.hits == 3 && fixation.misses == 1 && fixation.falseAlarms == 1 && fixation.correctRejections == 2)
        #expect(fixation.hitRate == 0.75)
    }

    @Test func nullingMeansShiftsAndContingentEffect() throws {
        let nulling = try #require(SessionAnalysis(session: SessionFactory.classicSession()).nulling)
        #expect(nulling.unit == "dkl_lm")
        let before90 = try #require(nulling.cells.first { $0.condition == 90 && $0.stage == .before })
        #expect(before90.summary?.mean == 2)
        // [1, 2, 3]: SD 1, t(0.975, 2) = 0.95/√0.04875, half-width t/√3.
        let halfWidth = 0.95 / 0.04875.squareRoot() / 3.0.squareRoot()
        #expect(abs(before90.summary!.interval!.upper - (2 + halfWidth)) < 1e-9)
        let shifts = Dictionary(uniqueKeysWithValues: nulling.shifts.map { ($0.label, $0.estimate.value) })
        #expect(shifts["shift 90°"] == 5)
        #expect(shifts["shift 0°"] == -4)
        #expect(shifts["shift 45°"] == 1)
        // (7 − 2) − (−4 − 0) = 9. Four groups of variance 1, n = 3: SE² = 4/3, Welch df = 8,
        // t(0.975, 8) = 2.306004135 (statistical tables).
        let effect = try #require(nulling.contingentEffect)
        #expect(effect.estimate.value == 9)
        let expectedHalfWidth = 2.306004135204166 * (4.0 / 3.0).squareRoot()
        #expect(abs(effect.estimate.upper - 9 - expectedHalfWidth) < 1e-8)
        #expect(abs(9 - effect.estimate.lower - expectedHalfWidth) < 1e-8)
        // Control-corrected: 5 − 1 = 4 and −4 − 1 = −5.
        #expect(nulling.controlCorrected.map(\.estimate.value) == [4, -5])
        #expect(nulling.controlCorrected.map(\.label) == ["shift 90° − shift 45°", "shift 0° − shift 45°"])
        #expect(before90.trajectories.count == 3)
    }

    @Test func sessionWithoutBaselineReportsTheAfterDifference() throws {
        let nulling = try #require(NullingSummary(session: SessionFactory.retest(id: 2, participant: "P", days: 1, difference: 6),
                                                  options: ReportOptions()))
        #expect(nulling.cells.allSatisfy { $0.stage == .noAdaptation })
        #expect(nulling.contingentEffect?.estimate.value == 6)
        #expect(nulling.contingentEffect?.label == "90° − 0°")
        #expect(nulling.shifts.isEmpty)
    }

    @Test func forcedChoiceAndStaircaseBlocksAreFitted() throws {
        var session = SessionFactory.classicSession()
        session.phases.append(.init(index: 3, name: "2AFC", kind: "forced_choice", plannedFrames: 0, plannedDurationS: 0))
        // Levels 1…5, 20 trials each, correct counts 11, 13, 16, 19, 20.
        for (levelIndex, correctCount) in [11, 13, 16, 19, 20].enumerated() {
            for trial in 0..<20 {
                session.responses.append(.init(phaseIndex: 3, trialIndex: levelIndex * 20 + trial, method: "forced_choice",
                                               value: Double(levelIndex + 1), valueUnit: "log10_contrast", correct: trial < correctCount,
                                               onsetS: 30, responseTimeS: 30.5))
            }
        }
        session.phases.append(.init(index: 4, name: "stair", kind: "staircase", plannedFrames: 0, plannedDurationS: 0))
        for (i, level) in [4.0, 3, 2, 3, 2, 1, 2, 3, 2].enumerated() {
            session.responses.append(.init(phaseIndex: 4, trialIndex: i, method: "staircase", value: level, onsetS: 40, responseTimeS: 41))
        }
        var options = ReportOptions()
        options.lastReversals = 2
        let analysis = SessionAnalysis(session: session, options: options)
        let block = try #require(analysis.forcedChoice?.blocks.first)
        #expect(block.points.map(\.correct) == [11, 13, 16, 19, 20])
        #expect(block.guessRate == 0.5)
        #expect(block.fits.map(\.function.shape) == [.logistic, .cumulativeNormal, .weibull])
        for fit in block.fits { #expect(fit.threshold.lower < fit.threshold.value && fit.threshold.value < fit.threshold.upper) }
        let track = try #require(analysis.staircases?.tracks.first)
        #expect(track.analysis.threshold == 2)
        #expect(track.analysis.reversalLevels == [2, 3, 1, 3])
    }

    @Test func participantDecayAcrossSessions() throws {
        // Adaptation ends at 12 s of the first session; its test is at 20 s (8 s later). Retests
        // at 100 s on their clocks, 1, 2 and 4 days later. Baseline difference 90° − 0° = 2 − 0 = 2.
        let retestDifferences = [(1.0, 2 + 9 * exp(-24.0 / 30)), (2.0, 2 + 9 * exp(-48.0 / 30)), (4.0, 2 + 9 * exp(-96.0 / 30))]
        let sessions = [SessionFactory.classicSession()] + retestDifferences.enumerated().map {
            SessionFactory.retest(id: Int64($0 + 2), participant: "P01", days: $1.0, difference: $1.1)
        }
        let decay = ParticipantDecay(participantCode: "P01", sessions: sessions.reversed())
        #expect(decay.baselineSubtracted)
        #expect(decay.points.map(\.sessionID) == [1, 2, 3, 4])
        #expect(abs(decay.points[0].hoursSinceAdaptation - 8.0 / 3600) < 1e-9)
        #expect(abs(decay.points[1].hoursSinceAdaptation - (86_400 + 100 - 12) / 3600.0) < 1e-9)
        // First point: (7 − (−4)) − 2 = 9. Later: the retest difference − 2.
        #expect(decay.points[0].effect.value == 9)
        for (point, expected) in zip(decay.points.dropFirst(), retestDifferences) {
            #expect(abs(point.effect.value - (expected.1 - 2)) < 1e-9)
        }
        #expect(decay.rankCorrelation == -1)
        #expect(decay.decay != nil)
        let group = GroupSummary(participants: [decay, ParticipantDecay(participantCode: "P02", sessions: [SessionFactory.classicSession(id: 9, participant: "P02")])])
        #expect(group.initialEffects.map(\.effect) == [9, 9])
        #expect(group.groupMean?.mean == 9)
    }

    @Test func recordedJSONIsShownFieldByField() {
        let overview = JSONOverview(#"{"verdict": "warn", "flashes_per_s": 2, "red": true, "regions": [1, 2]}"#)
        #expect(overview.value("verdict") == "warn")
        #expect(overview.value("flashes_per_s") == "2")
        #expect(overview.value("red") == "true")
        #expect(overview.value("regions") == "[1,2]")
        #expect(JSONOverview("not json").unparsed == "not json")
    }
}
