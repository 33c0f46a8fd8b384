import Foundation

/// Decorrelation (anti-Hebbian) adaptation of colour against pattern (Barlow & Földiák 1989;
/// Barlow 1990), with two timescales (Vul, Krizay & MacLeod 2008).
///
/// Each oriented unit k learns a weight w_k and subtracts w_k × (its luminance response) from its
/// L−M response. An image with statistics ⟨a²⟩ₖ, ⟨ac⟩ₖ sets the unit's regression target
/// uₖ = ⟨ac⟩ₖ / (⟨a²⟩ₖ + ε), the slope of colour on pattern that the image would teach it (near 0 where
/// the unit is barely driven). While an image is shown for t seconds:
///
/// - fast: w_fast relaxes towards u with time constant τ, w_fast ← u + (w_fast − u)·e^(−t/τ); it
///   saturates with τ under steady adaptation and decays with τ on a blank screen;
/// - slow: an integrator, w_slow += u·t / τ_slow, which never decays by itself (only contrary input
///   undoes it);
/// - w_k = gain × (w_fast + w_slow).
///
/// Both updates are exact for any duration, so a phase costs one update per stimulus onset.
public struct DecorrelationAdaptation: Codable, Sendable, Equatable {
    /// Fast time constant (s). Vul et al. 2008: about 30 s.
    public var fastTauS: Double
    /// Slow integration time (s): after this long with a steady target the slow weight equals it.
    /// Not given by the literature: a free parameter.
    public var slowTauS: Double
    /// Fraction of the learned correlation subtracted (0…1; 1 = complete decorrelation). Sets the
    /// size of the predicted effect; a free parameter to fit against nulling data.
    public var gain: Double
    /// Semi-saturation of the regression target (squared contrast): a unit driven at contrast c learns
    /// c²/(c² + ε) of the full slope, so units driven well below √ε in contrast learn little.
    public var epsilon: Double

    public init(fastTauS: Double = 30, slowTauS: Double = 600, gain: Double = 0.1, epsilon: Double = 0.2 * 0.2) {
        self.fastTauS = fastTauS
        self.slowTauS = slowTauS
        self.gain = gain
        self.epsilon = epsilon
    }

    /// Checks every parameter; the error names it.
    public func validate() throws {
        for (value, field) in [(fastTauS, "fast_tau_s"), (slowTauS, "slow_tau_s"), (epsilon, "epsilon")] where !(value > 0 && value.isFinite) {
            throw NeuralError("decorrelation parameter \(field) must be > 0, got \(value)")
        }
        guard gain >= 0, gain.isFinite else { throw NeuralError("decorrelation parameter gain must be ≥ 0, got \(gain)") }
    }

    /// The adaptation state of `units` units before any adaptation.
    public func initialState(units: Int) -> State {
        State(fast: Array(repeating: 0, count: units), slow: Array(repeating: 0, count: units))
    }

    /// The adaptation state: per unit, the fast and slow weights (dimensionless, DKL L−M per unit
    /// luminance contrast).
    public struct State: Sendable, Equatable {
        public var fast: [Double]
        public var slow: [Double]
    }

    /// The weights each unit subtracts: gain × (fast + slow).
    public func weights(_ s: State) -> [Double] {
        zip(s.fast, s.slow).map { gain * ($0 + $1) }
    }

    /// Advances `state` by `seconds` (s) of an image with statistics `input`.
    public func advance(_ state: inout State, seconds: Double, input: ColourContingency) {
        precondition(input.units == state.fast.count, "input statistics for a different number of units")
        guard seconds > 0 else { return }
        let keep = exp(-seconds / fastTauS)
        for k in 0..<input.units {
            let target = input.colourLum[k] / (input.lumEnergy[k] + epsilon)
            state.fast[k] = target + (state.fast[k] - target) * keep
            state.slow[k] += target * seconds / slowTauS
        }
    }
}
