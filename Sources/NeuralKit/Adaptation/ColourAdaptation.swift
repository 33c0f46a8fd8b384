/// An adaptation model of the V1 model's oriented units that `AftereffectPrediction` can play a
/// timeline through: a per-unit state advanced exactly over any duration of one image, and the
/// perceived L−M tint of a test image read from the adapted units.
public protocol ColourAdaptation: Sendable {
    associatedtype State: Sendable
    /// The model's name on the command line (`--adaptation NAME`).
    static var name: String { get }
    /// Checks every parameter; the error names it and the allowed range.
    func validate() throws
    /// The state of `units` oriented units before any adaptation.
    func initialState(units: Int) -> State
    /// Advances `state` by `seconds` (s) of an image with statistics `input`.
    func advance(_ state: inout State, seconds: Double, input: ColourContingency)
    /// The L−M colour (DKL L−M, positive = reddish) the units in `readout` read on the test's
    /// luminance pattern in `state`; an unadapted state reads light bars tinted by v as v. Nil when
    /// the test has no luminance pattern those units see.
    func perceivedTint(_ test: ColourContingency, after state: State, readingUnits readout: Range<Int>) -> Double?
}

extension DecorrelationAdaptation: ColourAdaptation {
    public static let name = "decorrelation"

    public func perceivedTint(_ test: ColourContingency, after state: State, readingUnits readout: Range<Int>) -> Double? {
        test.perceivedTint(subtracting: weights(state), readingUnits: readout)
    }
}

extension ColourContingency {
    /// The tint read from the two conjunctive units of each unit in `readout`, whose responses
    /// (squared, as energies) are `plus(k)` (reddish light bars) and `minus(k)` (greenish):
    /// Σ(plus − minus) / (4 Σ⟨a²⟩). Unadapted, plus − minus = ⟨(a + c)²⟩ − ⟨(a − c)²⟩ = 4⟨ac⟩,
    /// the same reading as the decorrelation model's with no weights.
    func conjunctiveTint(readingUnits readout: Range<Int>, plus: (Int) -> Double, minus: (Int) -> Double) -> Double? {
        let total = readout.reduce(0) { $0 + lumEnergy[$1] }
        guard total > 1e-12 else { return nil }
        return readout.reduce(0) { $0 + plus($1) - minus($1) } / (4 * total)
    }
}
