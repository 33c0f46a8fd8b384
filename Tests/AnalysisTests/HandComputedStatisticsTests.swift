import Foundation
import Testing
@testable import Analysis

/// Statistics on cases small enough to compute by hand or in closed form.
struct HandComputedStatisticsTests {
    @Test func descriptiveStatisticsOfASmallSample() {
        #expect(Descriptive.mean([1, 2, 3, 4]) == 2.5)
        #expect(close(Descriptive.variance([1, 2, 3, 4])!, 5.0 / 3.0, 1e-15))
        #expect(Descriptive.median([5, 1, 3]) == 3)
        #expect(Descriptive.median([4, 1, 3, 2]) == 2.5)
        #expect(Descriptive.mean([]) == nil)
        #expect(Descriptive.standardDeviation([7]) == nil)
    }

    @Test func studentTWithOneAndTwoDegreesOfFreedomHasClosedForms() {
        // ν = 1 is the Cauchy distribution: t_p = tan(π (p − ½)).
        // ν = 2: t_p = (2p − 1) / √(2 p (1 − p)).
        for p in [0.01, 0.2, 0.6, 0.9, 0.975, 0.999] {
            #expect(close(StudentT(degreesOfFreedom: 1).quantile(p), tan(Double.pi * (p - 0.5)), 1e-10))
            #expect(close(StudentT(degreesOfFreedom: 2).quantile(p), (2 * p - 1) / (2 * p * (1 - p)).squareRoot(), 1e-10))
        }
    }

    @Test func meanIntervalOfThreeValues() throws {
        // [1, 2, 3]: mean 2, SD 1, t(0.975, 2) = 0.95/√0.04875, half-width t/√3.
        let interval = try #require(MeanSummary([1, 2, 3])?.interval)
        let halfWidth = 0.95 / 0.04875.squareRoot() / 3.0.squareRoot()
        #expect(close(interval.lower, 2 - halfWidth, 1e-10))
        #expect(close(interval.upper, 2 + halfWidth, 1e-10))
        #expect(MeanSummary([4])?.interval == nil)
    }

    @Test func spearmanOfMonotoneAndPermutedData() {
        #expect(SpearmanCorrelation.rho([1, 2, 3, 4], [10, 20, 35, 1000]) == 1)
        #expect(SpearmanCorrelation.rho([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        // No ties: ρ = 1 − 6 Σd² / (n (n² − 1)); d = (1, −1, 0, 1, −1) gives 1 − 24/120 = 0.8.
        #expect(close(SpearmanCorrelation.rho([1, 2, 3, 4, 5], [2, 1, 3, 5, 4])!, 0.8, 1e-15))
        #expect(SpearmanCorrelation.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        #expect(SpearmanCorrelation.rho([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test func staircaseReversalsAndThreshold() throws {
        // Steps: −, −, +, −, −, +, +, −. Turns after trials 2 (level 2), 3 (3), 5 (1), 7 (3).
        let track = StaircaseAnalysis(levels: [4, 3, 2, 3, 2, 1, 2, 3, 2], lastReversals: 2)
        #expect(track.reversalIndices == [2, 3, 5, 7])
        #expect(track.reversalLevels == [2, 3, 1, 3])
        #expect(track.threshold == 2)
        #expect(track.reversalsUsed == 2)
        // Repeated levels keep the direction: 1, 1, 2, 2, 1 turns once, at the last 2.
        let flat = StaircaseAnalysis(levels: [1, 1, 2, 2, 1], lastReversals: 6)
        #expect(flat.reversalIndices == [3])
        #expect(flat.threshold == 2)
        #expect(flat.reversalsUsed == 1)
        #expect(StaircaseAnalysis(levels: [1, 2, 3]).threshold == nil)
    }

    @Test func decayFitsRecoverNoiselessCurves() throws {
        let times = [0.5, 1, 2, 4, 8, 16]
        let exponential = try #require(DecayComparison(times: times, effects: times.map { 5 * exp(-$0 / 3) }))
        #expect(close(exponential.exponential.amplitude, 5, 1e-7))
        #expect(close(exponential.exponential.rate, 3, 1e-7))
        #expect(exponential.preferred.model == .exponential)
        let power = try #require(DecayComparison(times: times, effects: times.map { 7 * pow($0, -0.4) }))
        #expect(close(power.powerLaw.amplitude, 7, 1e-7))
        #expect(close(power.powerLaw.rate, 0.4, 1e-7))
        #expect(power.preferred.model == .powerLaw)
        #expect(power.exponentialWeight < 0.01)
        #expect(DecayFit.fit(.powerLaw, times: [0, 1, 2], effects: [3, 2, 1]) == nil)
        #expect(DecayFit.fit(.exponential, times: [1, 1, 1], effects: [3, 2, 1]) == nil)
    }

    @Test func psychometricFunctionValuesAtThreshold() {
        let logistic = PsychometricFunction(shape: .logistic, threshold: 2, slope: 3, guessRate: 0.5, lapseRate: 0.02)
        #expect(close(logistic.probability(at: 2), 0.5 + 0.48 / 2, 1e-15))
        let weibull = PsychometricFunction(shape: .weibull, threshold: 4, slope: 2.5, guessRate: 0.25, lapseRate: 0)
        #expect(close(weibull.probability(at: 4), 0.25 + 0.75 * (1 - exp(-1)), 1e-15))
        #expect(weibull.probability(at: 0) == 0.25)
        let normal = PsychometricFunction(shape: .cumulativeNormal, threshold: 0, slope: 1, guessRate: 0, lapseRate: 0)
        #expect(close(normal.probability(at: 1.959963984540054), 0.975, 1e-12))
    }

    @Test func psychometricFitRecoversNoiselessParameters() throws {
        // A million trials per level with counts at the exact expected proportions.
        for shape in PsychometricShape.allCases {
            let truth = PsychometricFunction(shape: shape, threshold: 3, slope: 2, guessRate: 0.5, lapseRate: 0.03)
            let points = [1.0, 2, 2.5, 3, 3.5, 4, 6].map { level in
                PsychometricPoint(level: level, trials: 1_000_000, correct: Int((1_000_000 * truth.probability(at: level)).rounded()))
            }
            let fit = try #require(PsychometricFit.fit(shape, points: points, guessRate: 0.5, lapse: .free(maximum: 0.06)))
            #expect(close(fit.function.threshold, 3, 1e-3), "\(shape) α \(fit.function.threshold)")
            #expect(close(fit.function.slope, 2, 1e-2), "\(shape) β \(fit.function.slope)")
            #expect(abs(fit.function.lapseRate - 0.03) < 1e-3, "\(shape) λ \(fit.function.lapseRate)")
            #expect(fit.threshold.lower < 3 && fit.threshold.upper > 3)
            #expect(fit.threshold.upper - fit.threshold.lower < 0.02)
        }
    }

    @Test func psychometricPoolingAndDegenerateData() {
        let pooled = PsychometricPoint.pool(levels: [2, 1, 2, 2, 1], correct: [true, false, false, true, true])
        #expect(pooled == [PsychometricPoint(level: 1, trials: 2, correct: 1), PsychometricPoint(level: 2, trials: 3, correct: 2)])
        #expect(PsychometricFit.fit(.logistic, points: [PsychometricPoint(level: 1, trials: 10, correct: 7)], guessRate: 0.5) == nil)
        #expect(PsychometricFit.fit(.weibull, points: [PsychometricPoint(level: -1, trials: 10, correct: 7),
                                                       PsychometricPoint(level: 0, trials: 10, correct: 9)], guessRate: 0.5) == nil)
    }

    @Test func unboundedIntervalIsReportedAsInfinite() throws {
        // All-or-none data: the slope is not bounded above by the data.
        let points = [PsychometricPoint(level: 1, trials: 20, correct: 10), PsychometricPoint(level: 2, trials: 20, correct: 20)]
        let fit = try #require(PsychometricFit.fit(.logistic, points: points, guessRate: 0.5, lapse: .fixed(0)))
        #expect(fit.slope.upper == .infinity)
    }
}
