import Testing
@testable import Presenter

@Suite struct FrameTimingLogTests {
    @Test func countsIntervalsAboveOnePointFivePeriodsAsDropped() {
        let p = 1.0 / 60
        var log = FrameTimingLog(period: p)
        #expect(log.recordFlip(at: 10) == false)
        #expect(log.recordFlip(at: 10 + p) == false)
        #expect(log.recordFlip(at: 10 + 3 * p) == true)          // 2 periods
        #expect(log.recordFlip(at: 10 + 4.4 * p) == false)       // 1.4 periods
        #expect(log.recordFlip(at: 10 + 5.95 * p) == true)       // 1.55 periods
        #expect(log.droppedCount == 2)
        #expect(log.frameCount == 5)
        #expect(abs(log.worstInterval - 2 * p) < 1e-12)
        #expect(abs(log.meanInterval! - 5.95 * p / 4) < 1e-12)
    }

    @Test func aPauseStartsANewRunThatIsNotJudged() {
        let p = 0.01
        var log = FrameTimingLog(period: p)
        log.recordFlip(at: 0); log.recordFlip(at: 0.01)
        log.startNewRun()
        #expect(log.recordFlip(at: 5) == false)
        log.recordFlip(at: 5.01)
        #expect(log.droppedCount == 0)
        #expect(abs(log.worstInterval - 0.01) < 1e-9)
        let summary = TimingSummary(log: log, simulatedTiming: false)
        #expect(summary.frames == 4)
        #expect(abs(summary.worstIntervalMs - 10) < 1e-6)
    }
}
