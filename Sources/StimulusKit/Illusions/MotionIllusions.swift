import Foundation

/// Rotating snakes (Kitaoka's peripheral drift illusion): the judged quantity is clockwise rotation (deg/s).
extension FigureContext {
    /// Four concentric rings, each 0.375 × size wide (radially), the innermost from diameter 0.5 × size, cut
    /// into sectors about as long as they are wide (a multiple of 4), repeating clockwise black, dark grey,
    /// white, light grey — the order whose illusory drift runs black → dark grey, clockwise — when strength > 0,
    /// and the mirror order when it is negative. The luminances are `luminance × 4^(−|s|)`, `× 4^(−|s|/3)`,
    /// `× 4^(|s|)` and `× 4^(|s|/3)`. Target A is the disc's rotation, target B a still disc: the whole pattern
    /// physically turns clockwise at `difference` deg/s.
    func rotatingSnakes() throws -> IllusionFigure {
        let m = abs(s)
        let black = l0 * pow(4, -m), darkGrey = l0 * pow(4, -m / 3), white = l0 * pow(4, m), lightGrey = l0 * pow(4, m / 3)
        try checkLuminances(["black": black, "dark grey": darkGrey, "white": white, "light grey": lightGrey])
        let clockwise = s >= 0 ? [black, darkGrey, white, lightGrey] : [black, lightGrey, white, darkGrey]
        let width = 0.375 * size, turned = -d * time
        var f = IllusionFigure()
        var counts: [Double] = []
        for k in 0..<4 {
            let inner = size * (0.5 + 1.5 * 0.5 * Double(k)), outer = inner + 2 * width
            let count = 4 * max(1, Int((Double.pi * (inner + outer) / 2 / width / 4).rounded()))
            counts.append(Double(count))
            f.shapes.append(.sectorRing(centre: [0, 0], inner: inner, outer: outer, count: count, luminances: clockwise,
                                        startDeg: 90 + turned - (k % 2 == 0 ? 0 : 180 / Double(count))))
        }
        f.measures = ["ring_count": 4, "ring_width_deg": width, "innermost_diameter_deg": 0.5 * size, "outer_diameter_deg": size * (0.5 + 2.25) + 2 * width,
                      "target_a_clockwise_rotation_deg_per_s": d, "rotation_at_time_deg": -turned]
        for (k, n) in counts.enumerated() { f.measures["ring_\(k)_sector_count"] = n }
        for (k, v) in [("black", black), ("dark_grey", darkGrey), ("white", white), ("light_grey", lightGrey)] { f.luminance(k, v, max: maxLuminanceCdM2) }
        f.measures["illusory_drift_clockwise_sign"] = s > 0 ? 1 : s < 0 ? -1 : 0
        return f
    }
}
