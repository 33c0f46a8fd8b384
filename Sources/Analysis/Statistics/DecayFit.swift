import Foundation

/// A two-parameter decay of an aftereffect with time since adaptation, fitted by least squares.
public struct DecayFit: Sendable, Equatable {
    public enum Model: String, Sendable, CaseIterable, Codable {
        /// y = A · exp(−t / τ); `rate` is the time constant τ (unit of t).
        case exponential
        /// y = A · t^(−b); `rate` is the exponent b (dimensionless). Needs t > 0.
        case powerLaw
    }

    public var model: Model
    /// Amplitude A, in the unit of the effect (for the power law: the effect at t = 1 unit of t).
    public var amplitude: Double
    /// τ for the exponential (unit of t), b for the power law.
    public var rate: Double
    /// Residual sum of squares, in the effect's unit squared.
    public var residualSumOfSquares: Double
    /// Number of points fitted.
    public var count: Int
    /// Akaike information criterion for Gaussian errors, n·ln(RSS/n) + 2k with k = 3
    /// (amplitude, rate, error variance). Lower is better.
    public var aic: Double

    /// The fitted effect at time t.
    public func predict(_ t: Double) -> Double {
        amplitude * Self.shape(model, rate: rate, t: t)
    }

    static func shape(_ model: Model, rate: Double, t: Double) -> Double {
        switch model {
        case .exponential: exp(-t / rate)
        case .powerLaw: pow(t, -rate)
        }
    }

    /// Least-squares fit of `model` to (t, y) points (t in any one unit of time). For each rate
    /// the best amplitude is linear, A = Σ y·f / Σ f², so only the rate is searched: τ over
    /// [t_min/1000, t_max·1000] on a log scale, b over [−1, 5]. Needs at least three points,
    /// t ≥ 0 (t > 0 for the power law) and at least two distinct times; `nil` otherwise.
    public static func fit(_ model: Model, times: [Double], effects: [Double]) -> DecayFit? {
        precondition(times.count == effects.count, "one effect per time")
        guard times.count >= 3, Set(times).count >= 2 else { return nil }
        guard times.allSatisfy({ model == .powerLaw ? $0 > 0 : $0 >= 0 }) else { return nil }

        func amplitudeAndRSS(rate: Double) -> (Double, Double) {
            var sumYF = 0.0, sumFF = 0.0, sumYY = 0.0
            for (t, y) in zip(times, effects) {
                let f = shape(model, rate: rate, t: t)
                sumYF += y * f; sumFF += f * f; sumYY += y * y
            }
            guard sumFF > 0, sumFF.isFinite else { return (0, sumYY) }
            return (sumYF / sumFF, max(sumYY - sumYF * sumYF / sumFF, 0))
        }

        let rate: Double
        switch model {
        case .exponential:
            let positive = times.filter { $0 > 0 }
            let lowest = log((positive.min() ?? 1) / 1000), highest = log(times.max()! * 1000)
            rate = exp(Minimize1D.minimize({ amplitudeAndRSS(rate: exp($0)).1 }, lower: lowest, upper: highest))
        case .powerLaw:
            rate = Minimize1D.minimize({ amplitudeAndRSS(rate: $0).1 }, lower: -1, upper: 5)
        }
        let (amplitude, rss) = amplitudeAndRSS(rate: rate)
        let n = Double(times.count)
        // A perfect fit would give ln 0; floor the RSS at a negligible fraction of the data's scale.
        let scale = effects.reduce(0) { $0 + $1 * $1 }
        let aic = n * log(max(rss, 1e-300, 1e-24 * scale) / n) + 2 * 3
        return DecayFit(model: model, amplitude: amplitude, rate: rate,
                        residualSumOfSquares: rss, count: times.count, aic: aic)
    }
}

/// Exponential and power-law decay fitted to the same points and compared by AIC.
public struct DecayComparison: Sendable, Equatable {
    public var exponential: DecayFit
    public var powerLaw: DecayFit

    /// The model with the lower AIC.
    public var preferred: DecayFit { exponential.aic <= powerLaw.aic ? exponential : powerLaw }
    /// |AIC difference|; above about 2 the data favour the preferred model (Burnham & Anderson 2002).
    public var aicDifference: Double { abs(exponential.aic - powerLaw.aic) }
    /// Akaike weight of the exponential model, exp(−AIC/2) normalised over both models.
    public var exponentialWeight: Double { 1 / (1 + exp((exponential.aic - powerLaw.aic) / 2)) }

    /// Fits both models; `nil` when either cannot be fitted (see `DecayFit.fit`).
    public init?(times: [Double], effects: [Double]) {
        guard let e = DecayFit.fit(.exponential, times: times, effects: effects),
              let p = DecayFit.fit(.powerLaw, times: times, effects: effects) else { return nil }
        exponential = e
        powerLaw = p
    }
}
