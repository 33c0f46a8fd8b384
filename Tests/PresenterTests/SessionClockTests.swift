import Testing
@testable import Presenter

/// The session clock's waits: a monotonic wait never returns before its moment; a virtual one jumps.
@Suite struct SessionClockTests {
    @Test func aMonotonicWaitReturnsAtOrAfterItsMoment() {
        let clock = SessionClock(.monotonic)
        // 5 ms ahead: longer than the spin margin, so the wait sleeps, then spins.
        for step in 1...3 {
            let moment = clock.now() + 0.005
            clock.wait(until: moment)
            #expect(clock.now() >= moment, "wait \(step)")
        }
        let past = clock.now() - 1
        clock.wait(until: past)
        #expect(clock.now() >= past)
    }

    @Test func aVirtualWaitJumpsToItsMomentAndNeverBack() {
        let clock = SessionClock(.virtual, start: 2)
        clock.wait(until: 2.5)
        #expect(clock.now() == 2.5)
        clock.wait(until: 1)
        #expect(clock.now() == 2.5)
    }
}
