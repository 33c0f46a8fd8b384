import Foundation

/// CPU time (user + system) consumed so far, in seconds.
///
/// Read from the CPU-time clocks (`clock_gettime`), which include the running thread's current slice
/// to the nanosecond. `getrusage` would not do here: for a thread that is running it lags by up to a
/// scheduler tick, so the spin at the end of a flip wait would be counted after the wait instead
/// of in it.
enum CPUTime {
    /// By the calling thread only (the frame loop's own work, without the database writer's thread).
    static func thread() -> Double { seconds(CLOCK_THREAD_CPUTIME_ID) }
    /// By the whole process, all threads.
    static func process() -> Double { seconds(CLOCK_PROCESS_CPUTIME_ID) }

    private static func seconds(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
