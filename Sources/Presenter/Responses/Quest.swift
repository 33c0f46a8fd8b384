import Foundation
import ProtocolKit

/// QUEST, the Bayesian adaptive threshold procedure of Watson & Pelli (1983, P&P 33:113),
/// with the Weibull psychometric function of Psychtoolbox's QuestCreate.
///
/// Intensities are in the procedure's own units (log10 contrast for a detection threshold, or a
/// signed nulling-axis value). The posterior over the threshold T lives on a grid of
/// `tGuess ± range/2` in steps of `grain`; each response multiplies it by the likelihood
/// P(response | intensity, T), with P(correct) = δγ + (1−δ)(1 − (1−γ)·exp(−10^(β(x − T + x₀))))
/// and x₀ chosen so that P(correct) = `pThreshold` when x = T.
public struct Quest: Sendable {
    /// What the protocol sets (intensities in procedure units).
    public let configuration: QuestSpec
    /// Candidate thresholds (procedure units).
    public let grid: [Double]
    /// Log posterior density over `grid` (unnormalised).
    public private(set) var logPosterior: [Double]
    /// Intensity and response of each trial so far.
    public private(set) var history: [(intensity: Double, response: Bool)] = []
    /// The Weibull's offset x₀ that puts `pThreshold` at x = T.
    public let xThreshold: Double

    public init(_ configuration: QuestSpec) {
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
