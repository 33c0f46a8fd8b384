/// Flips frames on schedule and timestamps every flip.
///
/// - `vsync`: a real display; `present()` blocks until the vertical blank and the flip time is
///   read from the monotonic clock right after it returns.
/// - `realTime`: no vsync (offscreen): waits until each frame's planned time at the nominal
///   period, then presents and reads the clock.
/// - `virtual` (`--fast`): presents at once and records the planned time; the session records
///   that its timing is simulated.
public final class FramePacer {
    public enum Mode: Sendable, Equatable { case vsync, realTime, virtual }

    public let mode: Mode
    /// Nominal refresh period (s).
    public let period: Double
    public let clock: SessionClock
    public private(set) var log: FrameTimingLog
    /// Planned time of the next flip (s, session clock).
    public private(set) var nextPlannedTime: Double
    /// CPU time the calling thread spent waiting for flip slots so far (s; the last
    /// `SessionClock.spinMargin` of each wait spins), so that the frame loop's own CPU time can be
    /// told apart from pacing.
    public private(set) var waitCPUSeconds = 0.0

    public init(mode: Mode, period: Double, clock: SessionClock) {
        self.mode = mode
        self.period = period
        self.clock = clock
        log = FrameTimingLog(period: period)
        nextPlannedTime = clock.now()
    }

    /// Presents the frame already drawn on `display`; returns its planned time, flip time, interval
    /// to the previous flip (s; nil for the first of a run) and whether it was dropped.
    /// With `present` false (a `--fast` headless frame nobody sees) the frame is timed and logged but not shown.
    public func flip(_ display: Display, present: Bool = true) -> (planned: Double, flip: Double, interval: Double?, dropped: Bool) {
        let planned = nextPlannedTime
        if mode == .realTime {
            let before = CPUTime.thread()
            clock.wait(until: planned)
            waitCPUSeconds += CPUTime.thread() - before
        } else if mode == .virtual {
            clock.wait(until: planned)
        }
        if present { display.present() }
        let flipTime = mode == .virtual ? planned : clock.now()
        let dropped = log.recordFlip(at: flipTime)
        switch mode {
        case .virtual:
            nextPlannedTime = planned + period
        case .realTime:
            // Stay on the refresh grid, like a vertical blank: a late flip moves on to the next slot.
            var next = planned + period
            while next <= flipTime { next += period }
            nextPlannedTime = next
        case .vsync:
            nextPlannedTime = flipTime + period
        }
        return (planned, flipTime, log.lastInterval, dropped)
    }

    /// After a pause: the next flip is planned for now and its interval is not judged.
    public func resumeAfterPause() {
        log.startNewRun()
        nextPlannedTime = max(nextPlannedTime, clock.now())
    }
}
