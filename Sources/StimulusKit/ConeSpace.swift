/// Cone excitations and the DKL (Derrington–Krauskopf–Lennie) colour space, computed through a
/// monitor profile.
///
/// Cones: Smith & Pokorny (1975) fundamentals in MacLeod–Boynton scaling, L + M = Y:
/// `L = 0.15514 X + 0.54312 Y − 0.03286 Z`, `M = −0.15514 X + 0.45684 Y + 0.03286 Z`, `S = 0.01608 Z`.
///
/// DKL coordinates of a colour around a background (L₀, M₀, S₀) are cone contrasts along three axes:
/// - `luminance`: the achromatic axis, ΔLMS = luminance × (L₀, M₀, S₀) — every cone changes by the same
///   fraction, so this is the Michelson-style luminance contrast of the colour against the background;
/// - `lMinusM`: the isoluminant L−M axis, ΔLMS = lMinusM × (L₀, −L₀, 0) — the L-cone contrast, with M
///   moving the other way so that L + M (luminance) stays fixed and S is untouched;
/// - `sMinusLM`: the S−(L+M) axis, ΔLMS = sMinusLM × (0, 0, S₀) — the S-cone contrast, L and M untouched.
public struct ConeSpace: Sendable {
    /// CIE XYZ → LMS (Smith–Pokorny, MacLeod–Boynton scaling).
    public static let xyzToLMS = Matrix3(rows: [
        SIMD3(0.15514, 0.54312, -0.03286),
        SIMD3(-0.15514, 0.45684, 0.03286),
        SIMD3(0, 0, 0.01608),
    ])

    /// Linear RGB → LMS for this profile (luminance relative to the white, white L + M = 1).
    public let rgbToLMS: Matrix3
    /// LMS → linear RGB.
    public let lmsToRGB: Matrix3

    public init(profile: MonitorProfile) {
        rgbToLMS = Self.xyzToLMS * profile.rgbToXYZ
        lmsToRGB = rgbToLMS.inverse!
    }

    /// LMS of a linear RGB triple.
    public func lms(rgb: SIMD3<Double>) -> SIMD3<Double> { rgbToLMS * rgb }

    /// Linear RGB of an LMS triple.
    public func rgb(lms: SIMD3<Double>) -> SIMD3<Double> { lmsToRGB * lms }

    /// The ΔLMS basis of the three DKL axes around a background, as matrix columns.
    private func axes(background b: SIMD3<Double>) -> Matrix3 {
        let l0 = lms(rgb: b)
        return Matrix3(columns: l0, SIMD3(l0.x, -l0.x, 0), SIMD3(0, 0, l0.z))
    }

    /// Linear RGB of DKL coordinates (luminance, L−M, S−(L+M)) around `background` (linear RGB).
    public func rgb(dkl: SIMD3<Double>, background: SIMD3<Double>) -> SIMD3<Double> {
        rgb(lms: lms(rgb: background) + axes(background: background) * dkl)
    }

    /// Per-gun gains (linear light) that tint a white-on-black image towards the colour of DKL
    /// coordinates `dkl` around `background`: that colour scaled so its brightest gun is at full output.
    public func tintGains(dkl: SIMD3<Double>, background: SIMD3<Double>) -> SIMD3<Double> {
        let c = rgb(dkl: dkl, background: background)
        return c / max(c.max(), 1e-12)
    }

    /// DKL coordinates (luminance, L−M, S−(L+M)) of linear RGB `rgb` around `background`; nil when the
    /// background is black (contrast is undefined).
    public func dkl(rgb: SIMD3<Double>, background: SIMD3<Double>) -> SIMD3<Double>? {
        guard let inv = axes(background: background).inverse else { return nil }
        return inv * (lms(rgb: rgb) - lms(rgb: background))
    }
}
