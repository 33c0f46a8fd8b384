import Foundation

/// Fatigue of the colour–luminance conjunctive units: each unit's gain falls with its own recent
/// activity. The McCollough effect as the fatigue of orientation-selective, colour-selective units
/// (McCollough 1965; Stromeyer 1978 reviews the account): after red-horizontal adaptation the
/// "reddish horizontal" units respond less, so an achromatic horizontal grating drives the "greenish
/// horizontal" units more and looks greenish.
///
/// Unit j (two per oriented unit: light bars reddish or greenish) has an activity trace m_j (squared
/// contrast), a leaky average of its energy E_j = ⟨(a ± c)²⟩ with time constant τ:
/// m ← E + (m − E)·e^(−t/τ) while an image is shown for t seconds (exact for any t; a blank screen
/// has E = 0, so m recovers with τ). Its gain is g = 1 / (1 + κ·m).
public struct ConjunctiveFatigue: Codable, Sendable, Equatable {
    /// Time constant of the activity trace, for build-up and recovery alike (s).
    public var tauS: Double
    /// Gain loss per unit of activity (1 / squared contrast): a unit adapted to energy E keeps
    /// 1 / (1 + κE) of its gain. A free parameter that sets the effect's size.
    public var strength: Double

    public init(tauS: Double = 30, strength: Double = 1) {
        self.tauS = tauS
        self.strength = strength
    }

    /// Per conjunctive unit, the activity trace (squared contrast); index `2k` (reddish) and `2k + 1` (greenish).
    public struct State: Sendable, Equatable {
        public var activity: [Double]
    }

    public func validate() throws {
        guard tauS > 0, tauS.isFinite else { throw NeuralError("fatigue parameter tau_s must be > 0 s, got \(tauS)") }
        guard strength >= 0, strength.isFinite else { throw NeuralError("fatigue parameter strength must be ≥ 0, got \(strength)") }
    }

    public func initialState(units: Int) -> State { State(activity: Array(repeating: 0, count: 2 * units)) }

    public func advance(_ state: inout State, seconds: Double, input: ColourContingency) {
        guard seconds > 0 else { return }
        let keep = exp(-seconds / tauS)
        for k in 0..<input.units {
            for (j, plus) in [(2 * k, true), (2 * k + 1, false)] {
                let energy = input.conjunctiveEnergy(k, plus: plus)
                state.activity[j] = energy + (state.activity[j] - energy) * keep
            }
        }
    }

    /// Gain of conjunctive unit j (0…1].
    public func gain(_ state: State, _ j: Int) -> Double { 1 / (1 + strength * state.activity[j]) }
}

extension ConjunctiveFatigue: ColourAdaptation {
    public static let name = "fatigue"

    public func perceivedTint(_ test: ColourContingency, after state: State, readingUnits readout: Range<Int>) -> Double? {
        test.conjunctiveTint(readingUnits: readout,
                             plus: { gain(state, 2 * $0) * test.conjunctiveEnergy($0, plus: true) },
                             minus: { gain(state, 2 * $0 + 1) * test.conjunctiveEnergy($0, plus: false) })
    }
}
