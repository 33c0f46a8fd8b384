import Foundation

/// Zöllner, Poggendorff, rod-and-frame and the tilt illusion: the judged quantity is an orientation
/// (clockwise tilt, deg) or, for Poggendorff, a vertical position (deg).
extension FigureContext {
    /// Two long lines A (left) and B (right), 2 × size long, tilted `difference/2` clockwise (A) and
    /// anticlockwise (B) from vertical, each crossed by 7 hatches 0.4 × size long, 0.25 × size apart. The
    /// hatches leave horizontal by `30° × strength`, clockwise on A and anticlockwise on B, so that each line
    /// looks tilted away from its hatches: A clockwise, B anticlockwise.
    func zollner() throws -> IllusionFigure {
        let oa = 90 - d / 2, ob = 90 + d / 2, ha = -30 * s, hb = 30 * s
        let length = 2 * size, hatch = 0.4 * size, step = 0.25 * size, x = 0.5 * size
        var f = IllusionFigure()
        var lines: [FigureShape] = []
        for (cx, o, h) in [(-x, oa, ha), (x, ob, hb)] {
            let centre = FigurePoint(cx, 0)
            for k in -3...3 {
                let p = FigureShape.polar(centre, Double(k) * step, o)
                f.shapes.append(.segment(FigureShape.polar(p, -hatch / 2, h), FigureShape.polar(p, hatch / 2, h), width: line, colour: b))
            }
            lines.append(.segment(FigureShape.polar(centre, -length / 2, o), FigureShape.polar(centre, length / 2, o), width: line, colour: a))
        }
        guard abs(d) < 60 else { throw StimulusError.invalid(path + ".difference", "must lie within ±60 deg for zollner, got \(d)") }
        f.shapes += lines
        f.measures = ["target_a_orientation_deg": oa, "target_b_orientation_deg": ob, "target_a_x_deg": -x, "target_b_x_deg": x,
                      "target_length_deg": length, "hatch_a_orientation_deg": ha, "hatch_b_orientation_deg": hb,
                      "hatch_length_deg": hatch, "hatch_spacing_deg": step, "hatch_count_per_line": 7,
                      "hatch_acute_angle_deg": 90 - abs(30 * s), "line_width_deg": line]
        return f
    }

    /// A diagonal line interrupted by a vertical bar 0.5 × size wide and 4 × size tall. The line leaves the
    /// horizontal by `30° × strength` (rising to the right when positive); its left part, size long, ends at
    /// the bar's left edge on the line through the centre; its right part (target A), size long, starts at the
    /// bar's right edge `difference` deg above that line. The classic configuration makes A look higher than
    /// the left part's continuation (target B).
    func poggendorff() -> IllusionFigure {
        let angle = 30 * s, t = tan(angle * .pi / 180), bar = 0.5 * size, height = 4 * size
        let leftEnd = FigurePoint(-bar / 2, -bar / 2 * t), rightStart = FigurePoint(bar / 2, bar / 2 * t + d)
        var f = IllusionFigure()
        f.shapes = [.segment(FigureShape.polar(leftEnd, -size, angle), leftEnd, width: line, colour: a),
                    .segment(rightStart, FigureShape.polar(rightStart, size, angle), width: line, colour: a),
                    .rectangle(centre: [0, 0], width: bar, height: height, angleDeg: 0, colour: b)]
        f.measures = ["line_angle_from_horizontal_deg": angle, "acute_angle_with_bar_deg": 90 - abs(angle),
                      "bar_width_deg": bar, "bar_height_deg": height, "segment_length_deg": size,
                      "target_a_start_y_deg": rightStart.y, "target_b_continuation_y_deg": bar / 2 * t,
                      "target_a_offset_deg": d, "line_width_deg": line]
        return f
    }

    /// A rod (target A), size long, tilted `difference` clockwise from vertical (target B, the true vertical),
    /// at the centre of a square frame 3 × size on a side tilted `18° × strength` anticlockwise; the frame
    /// pulls the apparent vertical with it, so the rod looks tilted clockwise.
    func rodAndFrame() -> IllusionFigure {
        let frameTilt = 18 * s, side = 3 * size, rod = 90 - d
        var f = IllusionFigure()
        for k in 0..<4 {
            let mid = FigureShape.polar([0, 0], side / 2, frameTilt + 90 * Double(k))
            let along = frameTilt + 90 * Double(k) + 90
            f.shapes.append(.segment(FigureShape.polar(mid, -side / 2 - line / 2, along), FigureShape.polar(mid, side / 2 + line / 2, along),
                                     width: line, colour: b))
        }
        f.shapes.append(.segment(FigureShape.polar([0, 0], -size / 2, rod), FigureShape.polar([0, 0], size / 2, rod), width: line, colour: a))
        f.measures = ["target_a_orientation_deg": rod, "target_a_clockwise_tilt_deg": d, "target_a_length_deg": size,
                      "frame_anticlockwise_tilt_deg": frameTilt, "frame_side_deg": side, "line_width_deg": line]
        return f
    }

    /// A centre grating (target A), size across, tilted `difference` clockwise from vertical (target B, the
    /// true vertical), inside an annular surround grating out to 3 × size tilted `15° × strength`
    /// anticlockwise; the surround repels the centre's apparent orientation, clockwise. Both gratings are
    /// sine waves of full contrast about `luminance`, at `cycles_per_degree`.
    func tilt() throws -> IllusionFigure {
        let centre = 90 - d, surround = 90 + 15 * s, outer = 3 * size
        try checkLuminances(["grating peak": 2 * l0])
        let f0 = illusion.cyclesPerDegree
        var f = IllusionFigure()
        f.shapes = [.grating(centre: [0, 0], inner: size, outer: outer, orientationDeg: surround, cyclesPerDegree: f0, mean: l0, contrast: 1),
                    .grating(centre: [0, 0], inner: 0, outer: size, orientationDeg: centre, cyclesPerDegree: f0, mean: l0, contrast: 1)]
        f.measures = ["target_a_orientation_deg": centre, "target_a_clockwise_tilt_deg": d, "surround_orientation_deg": surround,
                      "surround_anticlockwise_tilt_deg": 15 * s, "centre_diameter_deg": size, "surround_outer_diameter_deg": outer,
                      "cycles_per_degree": f0, "michelson_contrast": 1]
        f.luminance("mean", l0, max: maxLuminanceCdM2)
        return f
    }
}
