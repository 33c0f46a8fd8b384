import StimulusKit

/// Method of adjustment for nulling (cancellation, Jones & Holding 1975): the participant adds
/// physical colour along one axis (e.g. DKL L−M) to an achromatic test until it looks neutral.
///
/// The value starts at a seeded random point so that the setting cannot be learnt from the start;
/// coarse and fine keys move it; confirm ends the trial. Every change is kept as the trajectory.
public struct NullingAdjustment: Sendable, Equatable {
    public struct Configuration: Codable, Sendable, Equatable {
        /// Change per coarse key press (axis units).
        public var coarseStep: Double
        /// Change per fine key press (axis units).
        public var fineStep: Double
        /// Lowest and highest value the participant can reach (axis units; the gamut limit).
        public var minValue: Double
        public var maxValue: Double
        /// The start is drawn uniformly from `startCentre ± startSpread` (axis units), then clamped.
        public var startCentre: Double
        public var startSpread: Double

        public init(coarseStep: Double, fineStep: Double, minValue: Double, maxValue: Double,
                    startCentre: Double = 0, startSpread: Double) {
            self.coarseStep = coarseStep; self.fineStep = fineStep
            self.minValue = minValue; self.maxValue = maxValue
            self.startCentre = startCentre; self.startSpread = startSpread
        }

        /// Describes the first problem with these settings, or nil when they are usable.
        public func problem() -> String? {
            if !(coarseStep > 0) || !(fineStep > 0) { return "coarseStep and fineStep must be > 0 (got \(coarseStep), \(fineStep))" }
            if !(fineStep <= coarseStep) { return "fineStep (\(fineStep)) must not exceed coarseStep (\(coarseStep))" }
            if !(minValue < maxValue) { return "minValue (\(minValue)) must be below maxValue (\(maxValue))" }
            if !(startSpread >= 0) { return "startSpread must be ≥ 0 (got \(startSpread))" }
            return nil
        }
    }

    /// What a key press asks for.
    public enum Action: String, Codable, Sendable, CaseIterable {
        case coarseUp, coarseDown, fineUp, fineDown, confirm
    }

    /// One point of the trajectory: the value after a key press.
    public struct Step: Codable, Sendable, Equatable {
        /// Seconds since the stimulus-onset flip.
        public var time: Double
        public var action: Action
        /// Axis value after this press (axis units).
        public var value: Double
    }

    public let configuration: Configuration
    /// The value drawn at the start (axis units).
    public let startValue: Double
    /// The current value (axis units): the tint the frame loop shows.
    public private(set) var value: Double
    /// Every key press of this trial, in order, including the confirmation.
    public private(set) var trajectory: [Step] = []
    /// Seconds from stimulus onset to confirmation; nil while the trial runs.
    public private(set) var confirmedAfter: Double?

    public init(_ configuration: Configuration, generator: inout SeededGenerator) {
        self.configuration = configuration
        let drawn = configuration.startCentre + (2 * generator.unit() - 1) * configuration.startSpread
        startValue = min(configuration.maxValue, max(configuration.minValue, drawn))
        value = startValue
    }

    public var isConfirmed: Bool { confirmedAfter != nil }

    /// Applies one key press made `time` seconds after stimulus onset; presses after confirmation are ignored.
    public mutating func apply(_ action: Action, at time: Double) {
        guard confirmedAfter == nil else { return }
        let c = configuration
        switch action {
        case .coarseUp: value += c.coarseStep
        case .coarseDown: value -= c.coarseStep
        case .fineUp: value += c.fineStep
        case .fineDown: value -= c.fineStep
        case .confirm: confirmedAfter = time
        }
        value = min(c.maxValue, max(c.minValue, value))
        trajectory.append(Step(time: time, action: action, value: value))
    }
}
