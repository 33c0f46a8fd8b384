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

    /// Waits until `time` (s): sleeps on a monotonic clock, jumps on a virtual one.
    public func wait(until time: Double) {
        switch kind {
        case .virtual:
            virtualNow = max(virtualNow, time)
        case .monotonic:
            // Sleep to ~1 ms before, then spin: nanosleep alone overshoots by up to a scheduler tick.
            while true {
                let remaining = time - now()
                if remaining <= 0 { return }
                if remaining > 0.002 {
                    var ts = timespec(tv_sec: 0, tv_nsec: Int((remaining - 0.001) * 1e9))
                    nanosleep(&ts, nil)
                }
            }
        }
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
