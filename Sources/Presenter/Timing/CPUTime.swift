import Foundation

/// CPU time (user + system) consumed so far, in seconds.
enum CPUTime {
    /// By the calling thread only (the frame loop's own work, without the database writer's thread).
    static func thread() -> Double { seconds(__rusage_who(rawValue: 1)) }   // RUSAGE_THREAD (Linux), not exported by Glibc's module
    /// By the whole process, all threads.
    static func process() -> Double { seconds(RUSAGE_SELF) }

    private static func seconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
    }
}
