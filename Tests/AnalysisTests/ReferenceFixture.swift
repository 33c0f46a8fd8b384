import Foundation

/// Reference values computed by scripts/analysis/make_fixtures.py with numpy/scipy.
struct ReferenceFixture: Decodable {
    struct TQuantile: Decodable { let df: Double; let p: Double; let quantile: Double }
    struct TCDF: Decodable { let df: Double; let t: Double; let cdf: Double }
    struct StudentTCases: Decodable { let quantiles: [TQuantile]; let cdf: [TCDF] }
    struct BetaCase: Decodable { let a: Double; let b: Double; let x: Double; let value: Double }
    struct NormalCase: Decodable { let p: Double; let quantile: Double }
    struct MeanCase: Decodable { let values: [Double]; let mean: Double; let sd: Double; let lower: Double; let upper: Double }
    struct ContrastCase: Decodable { let groups: [[Double]]; let weights: [Double]; let value: Double; let lower: Double; let upper: Double }
    struct SpearmanCase: Decodable { let x: [Double]; let y: [Double]; let rho: Double }
    struct DecayResult: Decodable { let amplitude: Double; let rate: Double; let rss: Double; let aic: Double }
    struct DecayCase: Decodable { let times: [Double]; let effects: [Double]; let exponential: DecayResult; let powerLaw: DecayResult }
    struct Lapse: Decodable { let fixed: Double?; let maximum: Double? }
    struct FitResult: Decodable {
        let threshold: Double, slope: Double, lapseRate: Double, logLikelihood: Double
        let thresholdLower: Double, thresholdUpper: Double, slopeLower: Double, slopeUpper: Double
    }
    struct PsychometricCase: Decodable {
        let name: String
        let levels: [Double]
        let trials: [Int]
        let correct: [Int]
        let guessRate: Double
        let lapse: Lapse
        let fits: [String: FitResult]
    }

    let studentT: StudentTCases
    let incompleteBeta: [BetaCase]
    let normalQuantiles: [NormalCase]
    let meanCI: [MeanCase]
    let welch: [ContrastCase]
    let spearman: [SpearmanCase]
    let decay: [DecayCase]
    let psychometric: [PsychometricCase]

    static let shared: ReferenceFixture = {
        let url = Bundle.module.url(forResource: "reference_statistics", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }()
}

/// |a − b| ≤ tolerance · max(1, |b|).
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}
