import Foundation
import Testing
@testable import Analysis

/// Statistics against values computed independently with scipy (see ReferenceFixture).
struct StatisticsReferenceTests {
    let fixture = ReferenceFixture.shared

    @Test func studentTQuantilesMatchScipy() {
        for c in fixture.studentT.quantiles {
            let q = StudentT(degreesOfFreedom: c.df).quantile(c.p)
            #expect(close(q, c.quantile, 1e-9), "t quantile df=\(c.df) p=\(c.p): \(q) vs \(c.quantile)")
        }
    }

    @Test func studentTCDFMatchesScipy() {
        for c in fixture.studentT.cdf {
            #expect(close(StudentT(degreesOfFreedom: c.df).cdf(c.t), c.cdf, 1e-12), "t cdf df=\(c.df) t=\(c.t)")
        }
    }

    @Test func incompleteBetaMatchesScipy() {
        for c in fixture.incompleteBeta {
            #expect(close(IncompleteBeta.regularized(x: c.x, a: c.a, b: c.b), c.value, 1e-12), "I_\(c.x)(\(c.a), \(c.b))")
        }
    }

    @Test func normalQuantilesMatchScipy() {
        for c in fixture.normalQuantiles {
            #expect(close(StandardNormal.quantile(c.p), c.quantile, 1e-10), "Φ⁻¹(\(c.p))")
        }
    }

    @Test func meanConfidenceIntervalsMatchScipy() throws {
        for c in fixture.meanCI {
            let summary = try #require(MeanSummary(c.values))
            let interval = try #require(summary.interval)
            #expect(close(summary.mean, c.mean, 1e-12))
            #expect(close(try #require(summary.standardDeviation), c.sd, 1e-12))
            #expect(close(interval.lower, c.lower, 1e-9))
            #expect(close(interval.upper, c.upper, 1e-9))
        }
    }

    @Test func welchContrastsMatchScipy() throws {
        for c in fixture.welch {
            let estimate = try #require(WelchContrast.estimate(groups: c.groups, weights: c.weights))
            #expect(close(estimate.value, c.value, 1e-12))
            #expect(close(estimate.lower, c.lower, 1e-9), "\(estimate.lower) vs \(c.lower)")
            #expect(close(estimate.upper, c.upper, 1e-9), "\(estimate.upper) vs \(c.upper)")
        }
    }

    @Test func spearmanMatchesScipy() throws {
        for c in fixture.spearman {
            #expect(close(try #require(SpearmanCorrelation.rho(c.x, c.y)), c.rho, 1e-12))
        }
    }

    @Test func decayFitsMatchScipyCurveFit() throws {
        for c in fixture.decay {
            let comparison = try #require(DecayComparison(times: c.times, effects: c.effects))
            for (fit, reference) in [(comparison.exponential, c.exponential), (comparison.powerLaw, c.powerLaw)] {
                #expect(close(fit.amplitude, reference.amplitude, 1e-6), "\(fit.model) A \(fit.amplitude) vs \(reference.amplitude)")
                #expect(close(fit.rate, reference.rate, 1e-6), "\(fit.model) rate \(fit.rate) vs \(reference.rate)")
                #expect(close(fit.residualSumOfSquares, reference.rss, 1e-8))
                #expect(close(fit.aic, reference.aic, 1e-7))
            }
            let referencePrefersExponential = c.exponential.aic < c.powerLaw.aic
            #expect((comparison.preferred.model == .exponential) == referencePrefersExponential)
        }
    }

    @Test func psychometricFitsMatchScipy() throws {
        for c in fixture.psychometric {
            let points = c.levels.indices.map { PsychometricPoint(level: c.levels[$0], trials: c.trials[$0], correct: c.correct[$0]) }
            let lapse: PsychometricFit.Lapse = c.lapse.fixed.map { .fixed($0) } ?? .free(maximum: c.lapse.maximum!)
            for (name, reference) in c.fits {
                let shape = try #require(PsychometricShape(rawValue: name))
                let fit = try #require(PsychometricFit.fit(shape, points: points, guessRate: c.guessRate, lapse: lapse))
                let label = "\(c.name) / \(name)"
                #expect(close(fit.logLikelihood, reference.logLikelihood, 1e-8), "\(label) log L")
                #expect(close(fit.function.threshold, reference.threshold, 1e-4), "\(label) α \(fit.function.threshold) vs \(reference.threshold)")
                #expect(close(fit.function.slope, reference.slope, 1e-4), "\(label) β \(fit.function.slope) vs \(reference.slope)")
                #expect(abs(fit.function.lapseRate - reference.lapseRate) < 1e-4, "\(label) λ")
                #expect(close(fit.threshold.lower, reference.thresholdLower, 1e-4), "\(label) α lower \(fit.threshold.lower) vs \(reference.thresholdLower)")
                #expect(close(fit.threshold.upper, reference.thresholdUpper, 1e-4), "\(label) α upper \(fit.threshold.upper) vs \(reference.thresholdUpper)")
                #expect(close(fit.slope.lower, reference.slopeLower, 1e-4), "\(label) β lower \(fit.slope.lower) vs \(reference.slopeLower)")
                #expect(close(fit.slope.upper, reference.slopeUpper, 1e-4), "\(label) β upper \(fit.slope.upper) vs \(reference.slopeUpper)")
            }
        }
    }
}
