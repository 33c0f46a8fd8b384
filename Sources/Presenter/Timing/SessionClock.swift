import Foundation

/// Seconds on the session clock: a monotonic clock (CLOCK_MONOTONIC) that reads `start` at the moment
/// the clock was made, or a virtual clock (`--fast`) that only moves when the frame loop advances it.
public final class SessionClock {
    public enum Kind: Sendable, Equatable { case monotonic, virtual }

    public let kind: Kind
    private let origin: Double
    private var virtualNow: Double

    /// A clock reading `start` (s) now: 0 for a new session, the time already elapsed for a resumed one.
    public init(_ kind: Kind, start: Double = 0) {
        self.kind = kind
        origin = Self.monotonicSeconds() - start
        virtualNow = start
    }

    /// Now (s; for a virtual clock, the time it was last advanced to).
    public func now() -> Double {
        switch kind {
        case .monotonic: Self.monotonicSeconds() - origin
        case .virtual: virtualNow
        }
    }

    /// How long before the moment a monotonic wait stops sleeping and spins (s). The sleep can wake
    /// late: by the timer slack, and on a busy machine by the wait for a free core (e.g. while the
    /// session writer's thread commits); the spin absorbs that. With 0.2 ms instead, the frames
    /// flipped right after a commit were dropped about four times as often on a loaded machine
    /// (bench/RESULTS.md, Presenter).
    static let spinMargin = 0.001

    /// Waits until `time` (s): sleeps on a monotonic clock to `spinMargin` before it (an absolute
    /// deadline, so nothing drifts) and spins the rest; jumps on a virtual one.
    public func wait(until time: Double) {
        switch kind {
        case .virtual:
            virtualNow = max(virtualNow, time)
        case .monotonic:
            let wakeUp = origin + time - Self.spinMargin
            if wakeUp > Self.monotonicSeconds() {
                let whole = wakeUp.rounded(.down)
                var deadline = timespec(tv_sec: Int(whole), tv_nsec: Int((wakeUp - whole) * 1e9))
                while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nil) == EINTR {}
            }
            while now() < time {}
        }
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
