import Foundation

/// QUEST, the Bayesian adaptive threshold procedure of Watson & Pelli (1983, P&P 33:113),
/// with the Weibull psychometric function of Psychtoolbox's QuestCreate.
///
/// Intensities are in the procedure's own units (log10 contrast for a detection threshold, or a
/// signed nulling-axis value). The posterior over the threshold T lives on a grid of
/// `tGuess ± range/2` in steps of `grain`; each response multiplies it by the likelihood
/// P(response | intensity, T), with P(correct) = δγ + (1−δ)(1 − (1−γ)·exp(−10^(β(x − T + x₀))))
/// and x₀ chosen so that P(correct) = `pThreshold` when x = T.
public struct Quest: Sendable {
    public struct Configuration: Codable, Sendable, Equatable {
        /// Prior mean of the threshold (procedure units).
        public var tGuess: Double
        /// Prior standard deviation of the threshold (procedure units, > 0).
        public var tGuessSd: Double
        /// Probability correct that defines the threshold (e.g. 0.82 for 2AFC).
        public var pThreshold: Double
        /// Weibull slope β (3.5 in Watson & Pelli).
        public var beta: Double
        /// Lapse rate δ (0.01).
        public var delta: Double
        /// Guess rate γ (0.5 for 2AFC, 0 for yes/no).
        public var gamma: Double
        /// Grid step (procedure units).
        public var grain: Double
        /// Width of the grid around tGuess (procedure units).
        public var range: Double
        /// Number of trials to run.
        public var trials: Int

        public init(tGuess: Double, tGuessSd: Double, pThreshold: Double = 0.82, beta: Double = 3.5,
                    delta: Double = 0.01, gamma: Double = 0.5, grain: Double = 0.01, range: Double = 5,
                    trials: Int = 40) {
            self.tGuess = tGuess; self.tGuessSd = tGuessSd; self.pThreshold = pThreshold
            self.beta = beta; self.delta = delta; self.gamma = gamma
            self.grain = grain; self.range = range; self.trials = trials
        }

        /// Describes the first problem with these settings, or nil when they are usable.
        public func problem() -> String? {
            if !(tGuessSd > 0) { return "tGuessSd must be > 0 (got \(tGuessSd))" }
            if !(beta > 0) { return "beta must be > 0 (got \(beta))" }
            if !(0..<1).contains(gamma) { return "gamma must lie in 0..<1 (got \(gamma))" }
            if !(0..<1).contains(delta) { return "delta must lie in 0..<1 (got \(delta))" }
            let low = gamma, high = delta * gamma + (1 - delta)
            if !(pThreshold > low && pThreshold < high) {
                return "pThreshold must lie strictly between \(low) and \(high) for these gamma and delta (got \(pThreshold))"
            }
            if !(grain > 0) || !(range > grain) { return "grain must be > 0 and range larger than grain" }
            if trials < 1 { return "trials must be at least 1" }
            return nil
        }
    }

    public let configuration: Configuration
    /// Candidate thresholds (procedure units).
    public let grid: [Double]
    /// Log posterior density over `grid` (unnormalised).
    public private(set) var logPosterior: [Double]
    /// Intensity and response of each trial so far.
    public private(set) var history: [(intensity: Double, response: Bool)] = []
    /// The Weibull's offset x₀ that puts `pThreshold` at x = T.
    public let xThreshold: Double

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        let c = configuration
        let half = Int((c.range / 2 / c.grain).rounded())
        grid = (-half...half).map { c.tGuess + Double($0) * c.grain }
        logPosterior = grid.map { -0.5 * pow(($0 - c.tGuess) / c.tGuessSd, 2) }
        let inner = (1 - (c.pThreshold - c.delta * c.gamma) / (1 - c.delta)) / (1 - c.gamma)
        xThreshold = log10(-log(inner)) / c.beta
    }

    /// P(correct) at `intensity` for an observer whose threshold is `threshold`.
    public func probabilityCorrect(intensity: Double, threshold: Double) -> Double {
        let c = configuration
        let x = intensity - threshold + xThreshold
        return c.delta * c.gamma + (1 - c.delta) * (1 - (1 - c.gamma) * exp(-pow(10, c.beta * x)))
    }

    /// Multiplies the posterior by the likelihood of `response` at `intensity`.
    public mutating func record(intensity: Double, response: Bool) {
        history.append((intensity, response))
        for i in grid.indices {
            let p = probabilityCorrect(intensity: intensity, threshold: grid[i])
            logPosterior[i] += log(max(response ? p : 1 - p, .leastNormalMagnitude))
        }
    }

    /// The normalised posterior over `grid`.
    public var posterior: [Double] {
        let top = logPosterior.max() ?? 0
        let weights = logPosterior.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    /// Posterior mean of the threshold (procedure units): the next intensity to test (King-Smith et al. 1994).
    public var mean: Double {
        zip(grid, posterior).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Posterior standard deviation of the threshold (procedure units).
    public var standardDeviation: Double {
        let m = mean
        return zip(grid, posterior).reduce(0) { $0 + pow($1.0 - m, 2) * $1.1 }.squareRoot()
    }

    /// Posterior mode of the threshold (procedure units).
    public var mode: Double {
        grid[logPosterior.indices.max { logPosterior[$0] < logPosterior[$1] }!]
    }

    /// True once the configured number of trials has been run.
    public var isFinished: Bool { history.count >= configuration.trials }
}
