/// Counts the transitions of one value over time with hysteresis. A transition runs from one
/// extreme (its anchor) to the next; a change that keeps going the same way extends it, and a
/// change back by at least `threshold` from its extreme starts the next one. A transition is counted
/// once, at the frame where it first spans `threshold` and satisfies `qualifies` (the darker end
/// below 0.8 for general flashes; a saturated red at either end for red flashes) — so a slow ramp is
/// one transition. Two opposing transitions make one flash.
struct TransitionCounter {
    /// Minimum change that counts (in the value's units).
    let threshold: Double
    /// Whether `threshold` itself counts (≥) or must be exceeded (>).
    let inclusive: Bool
    /// Whether a transition from (anchor, anchor flag) to (extreme, extreme flag) counts.
    let qualifies: (Double, Bool, Double, Bool) -> Bool
    private var anchor: Double
    private var anchorFlag: Bool
    private var extreme: Double
    private var extremeFlag: Bool
    private var direction = 0
    private var counted = false

    init(threshold: Double, inclusive: Bool, start: Double, startFlag: Bool,
         qualifies: @escaping (Double, Bool, Double, Bool) -> Bool) {
        self.threshold = threshold
        self.inclusive = inclusive
        self.qualifies = qualifies
        anchor = start
        anchorFlag = startFlag
        extreme = start
        extremeFlag = startFlag
    }

    private func spans(_ change: Double) -> Bool {
        inclusive ? change >= threshold - 1e-12 : change > threshold + 1e-12
    }

    /// Feeds the next frame's value and flag; returns true when this frame completes a counted transition.
    mutating func feed(_ value: Double, flag: Bool) -> Bool {
        if direction == 0 {
            guard spans(abs(value - anchor)) else { return false }
            direction = value > anchor ? 1 : -1
            (extreme, extremeFlag, counted) = (value, flag, false)
        } else if (value - extreme) * Double(direction) > 0 {
            (extreme, extremeFlag) = (value, flag)  // the same transition goes on
        } else if spans((extreme - value) * Double(direction)) {
            (anchor, anchorFlag) = (extreme, extremeFlag)  // the next transition starts at the last extreme
            (extreme, extremeFlag, counted) = (value, flag, false)
            direction = -direction
        }
        guard !counted, spans(abs(extreme - anchor)), qualifies(anchor, anchorFlag, extreme, extremeFlag) else { return false }
        counted = true
        return true
    }
}
