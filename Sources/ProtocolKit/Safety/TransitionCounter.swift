/// Counts the transitions of one value over time with hysteresis: a transition is a change of at
/// least `threshold` away from the last extreme, in the direction opposite to the previous
/// transition (or in either direction for the first). A change that keeps going the same way
/// extends the current transition instead of starting a new one, so a slow ramp is one transition.
/// Two opposing transitions make one flash.
struct TransitionCounter {
    /// Minimum change that counts (in the value's units).
    let threshold: Double
    /// Whether `threshold` itself counts (≥) or must be exceeded (>).
    let inclusive: Bool
    private var extreme: Double
    private var extremeQualifies: Bool
    private var direction = 0

    init(threshold: Double, inclusive: Bool, start: Double, startQualifies: Bool) {
        self.threshold = threshold
        self.inclusive = inclusive
        extreme = start
        extremeQualifies = startQualifies
    }

    /// Feeds the next value; `qualifies(old, new)` decides whether a large enough change counts
    /// (the darker state below 0.8 for general flashes; a saturated red at either end for red ones).
    /// Returns true when this value completes a counted transition.
    mutating func feed(_ value: Double, qualifies: (Double, Bool) -> Bool, valueQualifies: Bool) -> Bool {
        let change = value - extreme
        if direction != 0, change * Double(direction) > 0 {
            extreme = value  // the same transition goes on
            extremeQualifies = valueQualifies
            return false
        }
        let large = inclusive ? abs(change) >= threshold - 1e-12 : abs(change) > threshold + 1e-12
        guard large else { return false }
        let counted = qualifies(extreme, extremeQualifies)
        direction = change > 0 ? 1 : -1
        extreme = value
        extremeQualifies = valueQualifies
        return counted
    }
}
