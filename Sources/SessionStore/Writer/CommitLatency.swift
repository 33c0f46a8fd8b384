/// Summary of commit latencies, each measured from `SessionWriter.record` being called to the end of
/// the transaction that made the event durable.
public struct LatencySummary: Sendable, Equatable {
    public var count: Int
    /// Median (s); nil when `count` is 0.
    public var p50S: Double?
    /// 99th percentile (s).
    public var p99S: Double?
    /// Largest (s).
    public var maxS: Double?

    /// Summarises `samples` (s) with nearest-rank percentiles: the p-th percentile is the smallest
    /// sample with at least p % of the samples at or below it.
    public init(samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        p50S = LatencySummary.nearestRank(sorted, percent: 50)
        p99S = LatencySummary.nearestRank(sorted, percent: 99)
        maxS = sorted.last
    }

    static func nearestRank(_ sorted: [Double], percent: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[max(rank, 1) - 1]
    }
}

/// Commit latencies of one writer, for the presenter's timing report and benchmark.
public struct CommitLatencyReport: Sendable, Equatable {
    /// One sample per response.
    public var responses: LatencySummary
    /// One sample per frame batch, from the batch being handed to the writer thread (its last frame
    /// recorded, or its oldest frame reaching the age limit) to its commit.
    public var frameBatches: LatencySummary
}
