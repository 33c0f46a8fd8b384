import ProtocolKit

extension SimulatedObserver {
    /// The documented illusion observer: a stimulus of physical `difference` d at `illusion_strength` s looks like
    /// a difference of d + illusionGain × s + illusionNoiseSd × N(0, 1), a fresh draw per judgement. Its PSE is
    /// therefore −illusionGain × s, a line through the origin of slope −illusionGain.
    public mutating func perceivedDifference(_ difference: Double, strength: Double) -> Double {
        difference + configuration.illusionGain * strength + configuration.illusionNoiseSd * generator.normal()
    }

    /// The key presses, with their times in s after onset, that answer an illusion trial: an adjustment to the
    /// difference that looks equal (coarse, then fine steps, then confirm), or "more" when A looks more than B.
    public mutating func illusionPresses(_ window: IllusionWindow) -> [(time: Double, key: String)] {
        let c = window.configuration
        switch c.phase.method {
        case .adjustment(let a):
            // The setting d that looks equal solves perceived(d) = 0.
            let target = -(perceivedDifference(0, strength: c.strength))
            let method = NullingAdjustment.Configuration(coarseStep: a.coarseStep, fineStep: a.fineStep, minValue: c.phase.minDifference,
                                                         maxValue: c.phase.maxDifference, startSpread: 0)
            return adjustmentPresses(from: window.difference, to: target, method: method).map { ($0.time, a.keys.key(for: $0.action)) }
        case .staircase(let s):
            let more = perceivedDifference(window.difference, strength: c.strength) > 0
            return [(reactionTime(), more ? s.moreKey : s.lessKey)]
        }
    }
}
