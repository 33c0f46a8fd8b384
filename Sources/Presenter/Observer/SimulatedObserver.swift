import StimulusKit
import Foundation

/// A simulated participant: answers like an observer with a configurable aftereffect, bias,
/// noise and reaction times, so that demos and tests run a whole session without a person.
///
/// Appearance is modelled on one signed axis (e.g. DKL L−M): the observer sees a test of
/// physical value v as v + shift + noise, where shift = bias + sign × aftereffect once adapted.
/// `sign` is +1 or −1 for the two paired test conditions and 0 for an unpaired control, so the
/// null setting of an adapted observer is −shift (cancellation of the aftereffect).
public struct SimulatedObserver: Sendable {
    public struct Configuration: Codable, Sendable, Equatable {
        /// Size of the aftereffect once adapted (axis units).
        public var aftereffect: Double
        /// Constant perceptual bias, adapted or not (axis units).
        public var bias: Double
        /// Standard deviation of the per-judgement Gaussian noise (axis units, ≥ 0).
        public var noiseSd: Double
        /// Median reaction time of a first key press (s).
        public var reactionTimeMedian: Double
        /// Spread of the log-normal reaction time (natural-log units).
        public var reactionTimeLogSd: Double
        /// Seconds between successive adjustment key presses.
        public var keyInterval: Double
        /// Illusion trials: perceived difference shift per unit of `illusion_strength` (the illusion's difference unit).
        public var illusionGain: Double
        /// Illusion trials: standard deviation of the perceived difference's Gaussian noise (the illusion's unit, ≥ 0).
        public var illusionNoiseSd: Double
        /// Probability of reporting a fixation-task target (0...1).
        public var fixationHitRate: Double
        /// Median time from a fixation target's onset to its report (s; log-normal with `reactionTimeLogSd`).
        public var fixationReactionTimeMedian: Double

        public init(aftereffect: Double = 0.08, bias: Double = 0.005, noiseSd: Double = 0.01,
                    reactionTimeMedian: Double = 0.6, reactionTimeLogSd: Double = 0.25, keyInterval: Double = 0.15,
                    illusionGain: Double = 0.1, illusionNoiseSd: Double = 0.02,
                    fixationHitRate: Double = 0.9, fixationReactionTimeMedian: Double = 0.45) {
            self.aftereffect = aftereffect; self.bias = bias; self.noiseSd = noiseSd
            self.reactionTimeMedian = reactionTimeMedian; self.reactionTimeLogSd = reactionTimeLogSd
            self.keyInterval = keyInterval; self.illusionGain = illusionGain; self.illusionNoiseSd = illusionNoiseSd
            self.fixationHitRate = fixationHitRate; self.fixationReactionTimeMedian = fixationReactionTimeMedian
        }
    }

    public let configuration: Configuration
    var generator: SeededGenerator

    public init(_ configuration: Configuration = .init(), seed: UInt64) {
        self.configuration = configuration
        generator = SeededGenerator(seed: seed)
    }

    /// The perceived shift (axis units) of a test with contingency `sign` (+1, −1, 0).
    public func shift(sign: Double, adapted: Bool) -> Double {
        configuration.bias + (adapted ? sign * configuration.aftereffect : 0)
    }

    /// A log-normal reaction time (s).
    public mutating func reactionTime() -> Double {
        logNormal(median: configuration.reactionTimeMedian)
    }

    /// Whether a fixation target is reported (probability `fixationHitRate`), and if so after how
    /// long (s, log-normal around `fixationReactionTimeMedian`).
    public mutating func fixationReport() -> Double? {
        generator.unit() < configuration.fixationHitRate ? logNormal(median: configuration.fixationReactionTimeMedian) : nil
    }

    private mutating func logNormal(median: Double) -> Double {
        median * exp(configuration.reactionTimeLogSd * generator.normal())
    }

    /// Yes/no judgement: does a test of physical value `value` look positive (e.g. reddish)?
    public mutating func looksPositive(value: Double, shift: Double) -> Bool {
        value + shift + configuration.noiseSd * generator.normal() > 0
    }

    /// Forced choice: the alternative whose evidence plus independent noise is largest (0-based).
    public mutating func choose(evidence: [Double]) -> Int {
        let noisy = evidence.map { $0 + configuration.noiseSd * generator.normal() }
        return noisy.indices.max { noisy[$0] < noisy[$1] } ?? 0
    }

    /// The key presses, with their times in s after onset, that adjust `start` to this observer's
    /// null (−shift plus noise): coarse steps while more than half a coarse step away, then fine
    /// steps while more than half a fine step away, then confirm.
    public mutating func adjustmentPresses(from start: Double, shift: Double,
                                           method: NullingAdjustment.Configuration) -> [(time: Double, action: NullingAdjustment.Action)] {
        adjustmentPresses(from: start, to: -shift + configuration.noiseSd * generator.normal(), method: method)
    }

    /// The key presses, with their times in s after onset, that adjust `start` to `target` (clamped to the
    /// method's range): coarse steps while more than half a coarse step away, then fine steps while more than half
    /// a fine step away, then confirm.
    public mutating func adjustmentPresses(from start: Double, to target: Double,
                                           method: NullingAdjustment.Configuration) -> [(time: Double, action: NullingAdjustment.Action)] {
        let target = min(method.maxValue, max(method.minValue, target))
        var presses: [(Double, NullingAdjustment.Action)] = []
        var value = start
        var time = reactionTime()
        func press(_ action: NullingAdjustment.Action, _ delta: Double) {
            presses.append((time, action))
            value = min(method.maxValue, max(method.minValue, value + delta))
            time += configuration.keyInterval
        }
        while abs(target - value) > method.coarseStep / 2 {
            target > value ? press(.coarseUp, method.coarseStep) : press(.coarseDown, -method.coarseStep)
        }
        while abs(target - value) > method.fineStep / 2 {
            target > value ? press(.fineUp, method.fineStep) : press(.fineDown, -method.fineStep)
        }
        presses.append((time, .confirm))
        return presses
    }
}
