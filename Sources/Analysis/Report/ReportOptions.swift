/// Choices a report makes about what the recorded data mean. The defaults suit the classic
/// McCollough design: vertical (90°) and horizontal (0°) test gratings paired with opposite
/// colours during adaptation, any other orientation (e.g. 45°) an unpaired control.
public struct ReportOptions: Sendable, Equatable {
    /// The trial-condition key that names the test condition.
    public var conditionKey = "orientation_deg"
    /// The two paired conditions; the contingent effect is first minus second.
    public var pairedConditions: [Double] = [90, 0]
    /// Phase kinds that adapt (their end starts the clock of "time since adaptation").
    public var adaptationKinds: Set<String> = ["adaptation"]
    /// Response methods analysed as nulling settings, forced choices and staircases.
    public var nullingMethods: Set<String> = ["nulling", "adjustment"]
    public var forcedChoiceMethods: Set<String> = ["forced_choice"]
    public var staircaseMethods: Set<String> = ["staircase", "quest"]
    /// Trial-condition key giving the number of alternatives of a forced choice; guess rate 1/m.
    public var alternativesKey = "alternatives"
    /// Guess rate when the trials do not say (two-alternative forced choice).
    public var defaultGuessRate = 0.5
    /// Lapse-rate treatment in psychometric fits.
    public var lapse: PsychometricFit.Lapse = .free(maximum: 0.06)
    /// Reversals averaged for a staircase threshold.
    public var lastReversals = 6
    /// How many of the longest frame intervals to list.
    public var worstIntervalCount = 5

    public init() {}
}
