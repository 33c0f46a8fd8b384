import StimulusKit

/// Relative luminance as a weighted sum of linear RGB, Y/Y_white = w·(r, g, b): exact because
/// luminance is linear in linear-light RGB. The weights are the profile's relative luminance of
/// each gun alone, asked once, so per-pixel work is three multiplications.
struct LuminanceWeights {
    let weights: SIMD3<Double>

    init(profile: MonitorProfile) {
        weights = SIMD3(profile.relativeLuminance(r: 1, g: 0, b: 0), profile.relativeLuminance(r: 0, g: 1, b: 0),
                        profile.relativeLuminance(r: 0, g: 0, b: 1))
    }

    func luminance(_ rgb: SIMD3<Double>) -> Double { (weights * rgb).sum() }

    func luminance(r: Float, g: Float, b: Float) -> Double {
        weights.x * Double(r) + weights.y * Double(g) + weights.z * Double(b)
    }
}
