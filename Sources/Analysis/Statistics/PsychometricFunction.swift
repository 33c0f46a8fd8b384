import Foundation

/// The sigmoid family of a psychometric function.
public enum PsychometricShape: String, CaseIterable, Sendable, Codable {
    /// F(x) = 1 / (1 + exp(−β (x − α))); α is where F = ½, β in 1/(unit of x).
    case logistic
    /// F(x) = Φ(β (x − α)), Φ the standard normal CDF; α is where F = ½, β = 1/σ in 1/(unit of x).
    case cumulativeNormal
    /// F(x) = 1 − exp(−(x/α)^β) for x > 0, else 0; α is where F = 1 − 1/e ≈ 0.632, β dimensionless.
    case weibull

    /// The core function F(x; α, β), rising from 0 to 1.
    public func core(_ x: Double, threshold alpha: Double, slope beta: Double) -> Double {
        switch self {
        case .logistic: 1 / (1 + exp(-beta * (x - alpha)))
        case .cumulativeNormal: StandardNormal.cdf(beta * (x - alpha))
        case .weibull: x > 0 ? -expm1(-pow(x / alpha, beta)) : 0
        }
    }

    /// Human-readable name for reports.
    public var displayName: String {
        switch self {
        case .logistic: "logistic"
        case .cumulativeNormal: "cumulative normal"
        case .weibull: "Weibull"
        }
    }
}

/// ψ(x) = γ + (1 − γ − λ) · F(x; α, β): the probability of a correct (or "yes") response at
/// stimulus level x, with guess rate γ (e.g. ½ in two-alternative forced choice) and lapse
/// rate λ.
public struct PsychometricFunction: Sendable, Equatable {
    public var shape: PsychometricShape
    /// α, in the unit of the stimulus level.
    public var threshold: Double
    /// β; see `PsychometricShape` for its unit.
    public var slope: Double
    /// γ, the lower asymptote (probability).
    public var guessRate: Double
    /// λ, 1 − the upper asymptote (probability).
    public var lapseRate: Double

    public init(shape: PsychometricShape, threshold: Double, slope: Double, guessRate: Double, lapseRate: Double) {
        self.shape = shape
        self.threshold = threshold
        self.slope = slope
        self.guessRate = guessRate
        self.lapseRate = lapseRate
    }

    /// ψ(x).
    public func probability(at level: Double) -> Double {
        guessRate + (1 - guessRate - lapseRate) * shape.core(level, threshold: threshold, slope: slope)
    }
}

/// Forced-choice trials pooled at one stimulus level.
public struct PsychometricPoint: Sendable, Equatable, Codable {
    /// Stimulus level, in the unit of the experiment's variable.
    public var level: Double
    public var trials: Int
    /// Trials answered correctly (or "yes").
    public var correct: Int

    public init(level: Double, trials: Int, correct: Int) {
        self.level = level
        self.trials = trials
        self.correct = correct
    }

    /// Proportion correct.
    public var proportion: Double { trials > 0 ? Double(correct) / Double(trials) : .nan }

    /// Pools single trials (level, correct?) by level, sorted by level.
    public static func pool(levels: [Double], correct: [Bool]) -> [PsychometricPoint] {
        precondition(levels.count == correct.count, "one response per level")
        var byLevel: [Double: (Int, Int)] = [:]
        for (level, isCorrect) in zip(levels, correct) {
            let (n, k) = byLevel[level] ?? (0, 0)
            byLevel[level] = (n + 1, k + (isCorrect ? 1 : 0))
        }
        return byLevel.keys.sorted().map { PsychometricPoint(level: $0, trials: byLevel[$0]!.0, correct: byLevel[$0]!.1) }
    }
}
