import Foundation

/// Intrinsic suppression (Vinken, Boix & Kreiman 2020, Science Advances 6:eabd4205): every unit's
/// response is reduced by an adaptation state that integrates the unit's own past responses,
///
///     r_t = max(0, x_t − β·s_t),    s_{t+1} = (1 − α)·s_t + α·r_t,
///
/// with x_t the unit's unadapted activation at time step t. It needs nothing but the unit's own
/// activations, so it applies to any layer of any model. A unit never driven keeps s = 0 and is not
/// suppressed; a unit driven by a steady x > 0 settles at s = r = x / (1 + β).
///
/// The updates here are exact for any number of steps of one constant activation (the recurrence is
/// geometric in each regime: silent while β·s ≥ x, active after), so a stimulus shown for many frames
/// costs one update per unit.
public struct IntrinsicSuppression: Codable, Sendable, Equatable {
    /// Fraction of the state replaced by the current response per step (0…1).
    public var alpha: Double
    /// Suppression per unit of state (activation units per state unit, ≥ 0).
    public var beta: Double
    /// Duration of one time step (s).
    public var stepS: Double

    public init(alpha: Double = 0.04, beta: Double = 0.7, stepS: Double = 1) {
        self.alpha = alpha
        self.beta = beta
        self.stepS = stepS
    }

    public func validate() throws {
        guard alpha > 0, alpha * (1 + beta) < 1 else {
            throw NeuralError("suppression parameter alpha must lie in (0, 1/(1 + beta)) = (0, \(1 / (1 + beta))), got \(alpha)")
        }
        guard beta >= 0, beta.isFinite else { throw NeuralError("suppression parameter beta must be ≥ 0, got \(beta)") }
        guard stepS > 0, stepS.isFinite else { throw NeuralError("suppression parameter step_s must be > 0 s, got \(stepS)") }
    }

    /// The suppressed responses max(0, x − β·s) of units with activations `x` and states `s`.
    public func respond(_ x: [Double], state s: [Double]) -> [Double] {
        zip(x, s).map { max(0, $0 - beta * $1) }
    }

    /// Advances each unit's state over `seconds` of steady activation `x` (seconds / stepS steps).
    public func advance(_ s: inout [Double], activations x: [Double], seconds: Double) {
        guard seconds > 0 else { return }
        let steps = seconds / stepS
        for i in s.indices { s[i] = advanced(s[i], activation: x[i], steps: steps) }
    }

    /// One unit's state after `steps` steps at activation x; exact for a whole number of steps, and
    /// the same formulas in between.
    func advanced(_ start: Double, activation x: Double, steps: Double) -> Double {
        var s = start, n = steps
        let decay = 1 - alpha
        // Silent (r = 0) while β·s ≥ x: the state decays by (1 − α) per step. Step i (from 0) is
        // silent while β·s·(1 − α)^i ≥ x, i.e. for i ≤ log(x / βs) / log(1 − α).
        if beta * s >= x {
            guard x > 0 else { return s * pow(decay, n) }
            let silent = (log(x / (beta * s)) / log(decay)).rounded(.down) + 1
            if silent >= n { return s * pow(decay, n) }
            s *= pow(decay, silent)
            n -= silent
        }
        // Active: s ← (1 − α(1 + β))·s + α·x, geometric towards x / (1 + β).
        let fixed = x / (1 + beta)
        return fixed + (s - fixed) * pow(1 - alpha * (1 + beta), n)
    }
}

/// Intrinsic suppression of the V1 model's colour–luminance conjunctive units: unit j's activation
/// is the RMS amplitude √⟨(a ± c)²⟩ of its response to an image.
extension IntrinsicSuppression: ColourAdaptation {
    public static let name = "suppression"

    /// Per conjunctive unit, the adaptation state (contrast); index `2k` (reddish) and `2k + 1` (greenish).
    public func initialState(units: Int) -> [Double] { Array(repeating: 0, count: 2 * units) }

    public func advance(_ state: inout [Double], seconds: Double, input: ColourContingency) {
        advance(&state, activations: Self.activations(input), seconds: seconds)
    }

    public func perceivedTint(_ test: ColourContingency, after state: [Double], readingUnits readout: Range<Int>) -> Double? {
        let r = respond(Self.activations(test), state: state)
        return test.conjunctiveTint(readingUnits: readout, plus: { r[2 * $0] * r[2 * $0] }, minus: { r[2 * $0 + 1] * r[2 * $0 + 1] })
    }

    static func activations(_ input: ColourContingency) -> [Double] {
        (0..<input.units).flatMap { [input.conjunctiveEnergy($0, plus: true).squareRoot(), input.conjunctiveEnergy($0, plus: false).squareRoot()] }
    }
}
