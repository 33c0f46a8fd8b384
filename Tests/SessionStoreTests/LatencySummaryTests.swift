import Testing
@testable import SessionStore

@Suite("Commit-latency percentiles")
struct LatencySummaryTests {
    @Test("nearest-rank percentiles on hand-computed cases")
    func handComputed() {
        // 1…100 ms: p50 is the 50th smallest, p99 the 99th.
        let hundred = LatencySummary(samples: (1...100).reversed().map { Double($0) / 1000 })
        #expect(hundred.count == 100)
        #expect(hundred.p50S == 0.050)
        #expect(hundred.p99S == 0.099)
        #expect(hundred.maxS == 0.100)
        // Four samples: rank ceil(0.5*4)=2 → 2nd smallest; ceil(0.99*4)=4 → largest.
        let four = LatencySummary(samples: [0.4, 0.1, 0.3, 0.2])
        #expect(four.p50S == 0.2)
        #expect(four.p99S == 0.4)
        let one = LatencySummary(samples: [0.007])
        #expect(one.p50S == 0.007 && one.p99S == 0.007)
        let none = LatencySummary(samples: [])
        #expect(none.count == 0 && none.p50S == nil && none.maxS == nil)
    }
}
