import Foundation
import Yams

extension MonitorProfile {
    /// The profile as YAML in the format `MonitorProfile.load` reads.
    public func yamlString() throws -> String {
        try YAMLEncoder().encode(self)
    }
}

extension GammaCalibration.Result {
    /// A readable report: per gun γ, black and maximum luminance and RMS residual, then every reading
    /// with the model's value and the residual (cd/m²).
    public var report: String {
        var lines = ["model: L(v) = a + (k v)^gamma (PsychoPy eq. 1), a and k from the readings at v = 0 and v = 1",
                     "gun    gamma   black_cd_m2  max_cd_m2  rms_residual_cd_m2"]
        for f in fits {
            lines.append(String(format: "%-6@ %6.4f  %11.4f  %9.4f  %18.4f", f.gun as NSString, f.gamma, f.minLuminanceCdM2, f.maxLuminanceCdM2, f.rmsResidualCdM2))
        }
        lines.append("")
        lines.append("gun    level   measured_cd_m2  fitted_cd_m2  residual_cd_m2")
        for f in fits {
            for p in f.points {
                lines.append(String(format: "%-6@ %5.3f  %14.4f  %12.4f  %+14.4f", f.gun as NSString, p.level, p.measured, p.fitted, p.measured - p.fitted))
            }
        }
        lines.append("")
        lines.append(measuredChromaticity ? "primaries and white point from the measured chromaticities"
                                          : "no chromaticities measured: sRGB primaries and D65 white assumed")
        lines.append(String(format: "white luminance above black: %.4f cd/m²", profile.maxLuminanceCdM2))
        return lines.joined(separator: "\n")
    }
}
