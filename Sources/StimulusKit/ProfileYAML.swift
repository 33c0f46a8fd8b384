import Foundation

extension MonitorProfile {
    /// The profile as YAML in the format `MonitorProfile.load` reads; numbers in Swift's shortest
    /// round-trip form, so loading it back gives exactly this profile.
    public func yamlString() throws -> String {
        func transfer(_ f: TransferFunction) -> String {
            switch f {
            case .sRGB: return "srgb"
            case let .gamma(g): return "{gamma: \(g)}"
            case let .table(t): return "{lookup_table: [\(t.map { "\($0)" }.joined(separator: ", "))]}"
            }
        }
        func xy(_ c: Chromaticity) -> String { "[\(c.x), \(c.y)]" }
        var lines = [
            "name: \"\(name.replacingOccurrences(of: "\"", with: "'"))\"",
            "transfer:",
            "  red: \(transfer(self.transfer.red))",
            "  green: \(transfer(self.transfer.green))",
            "  blue: \(transfer(self.transfer.blue))",
            "primaries_xy:",
            "  red: \(xy(primaries.red))",
            "  green: \(xy(primaries.green))",
            "  blue: \(xy(primaries.blue))",
            "white_point_xy: \(xy(whitePoint))",
            "max_luminance_cd_m2: \(maxLuminanceCdM2)",
        ]
        if let g = geometry {
            lines += ["geometry:", "  screen_width_cm: \(g.screenWidthCm)", "  screen_width_px: \(g.screenWidthPx)",
                      "  screen_height_px: \(g.screenHeightPx)", "  distance_cm: \(g.distanceCm)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension GammaCalibration.Result {
    /// A readable report: per gun γ, black and maximum luminance and RMS residual, then every reading
    /// with the model's value and the residual (cd/m²).
    public var report: String {
        var lines = ["model: L(v) = a + (k v)^gamma (PsychoPy eq. 1), a and k from the readings at v = 0 and v = 1",
                     "gun    gamma   black_cd_m2  max_cd_m2  rms_residual_cd_m2"]
        for f in fits {
            lines.append(f.gun.padding(toLength: 7, withPad: " ", startingAt: 0) + String(format: "%6.4f  %11.4f  %9.4f  %18.4f", f.gamma, f.minLuminanceCdM2, f.maxLuminanceCdM2, f.rmsResidualCdM2))
        }
        lines.append("")
        lines.append("gun    level   measured_cd_m2  fitted_cd_m2  residual_cd_m2")
        for f in fits {
            for p in f.points {
                lines.append(f.gun.padding(toLength: 7, withPad: " ", startingAt: 0) + String(format: "%5.3f  %14.4f  %12.4f  %+14.4f", p.level, p.measured, p.fitted, p.measured - p.fitted))
            }
        }
        lines.append("")
        lines.append(measuredChromaticity ? "primaries and white point from the measured chromaticities"
                                          : "no chromaticities measured: sRGB primaries and D65 white assumed")
        lines.append(String(format: "white luminance above black: %.4f cd/m²", profile.maxLuminanceCdM2))
        return lines.joined(separator: "\n")
    }
}
