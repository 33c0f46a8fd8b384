import Foundation

/// Simultaneous contrast, White's, Mach bands, Cornsweet, Hermann grid and the Kanizsa triangle: the judged
/// quantity is lightness; luminances are relative (0–1 of the monitor's white, drawn as equal linear guns).
/// Context luminances are `luminance × 4^(∓strength)`, so strength 0 makes the context the targets' mean grey.
extension FigureContext {
    /// Grey squares A (left) and B (right), size on a side, of luminance `luminance ± difference/2`, centred in
    /// surrounds 3 × size on a side, dark around A and light around B when strength > 0.
    func simultaneousContrast() throws -> IllusionFigure {
        let la = l0 + d / 2, lb = l0 - d / 2, sa = contextLuminance(darkening: true), sb = contextLuminance(darkening: false)
        try checkLuminances(["target A": la, "target B": lb, "surround A": sa, "surround B": sb])
        let x = 1.5 * size, side = 3 * size
        var f = IllusionFigure()
        f.shapes = [.rectangle(centre: [-x, 0], width: side, height: side, angleDeg: 0, colour: FigureShape.grey(sa)),
                    .rectangle(centre: [x, 0], width: side, height: side, angleDeg: 0, colour: FigureShape.grey(sb)),
                    .rectangle(centre: [-x, 0], width: size, height: size, angleDeg: 0, colour: FigureShape.grey(la)),
                    .rectangle(centre: [x, 0], width: size, height: size, angleDeg: 0, colour: FigureShape.grey(lb))]
        f.measures = ["target_side_deg": size, "surround_side_deg": side, "target_a_x_deg": -x, "target_b_x_deg": x]
        for (k, v) in [("target_a", la), ("target_b", lb), ("surround_a", sa), ("surround_b", sb)] { f.luminance(k, v, max: maxLuminanceCdM2) }
        return f
    }

    /// Nine horizontal stripes 0.5 × size tall and 4 × size wide, alternating between the dark-for-A luminance
    /// (even stripes, the middle one included) and the light one. Grey patch A, size wide, replaces part of the
    /// middle stripe left of centre; patch B replaces part of the stripe below it, right of centre. Their
    /// luminances are `luminance ± difference/2`. A patch looks like the stripes above and below it.
    func whites() throws -> IllusionFigure {
        let la = l0 + d / 2, lb = l0 - d / 2, dark = contextLuminance(darkening: true), light = contextLuminance(darkening: false)
        try checkLuminances(["target A": la, "target B": lb, "stripe A": dark, "stripe B": light])
        let h = 0.5 * size, width = 4 * size
        var f = IllusionFigure()
        for k in -4...4 {
            f.shapes.append(.rectangle(centre: [0, Double(k) * h], width: width, height: h, angleDeg: 0,
                                       colour: FigureShape.grey(k % 2 == 0 ? dark : light)))
        }
        f.shapes.append(.rectangle(centre: [-size, 0], width: size, height: h, angleDeg: 0, colour: FigureShape.grey(la)))
        f.shapes.append(.rectangle(centre: [size, -h], width: size, height: h, angleDeg: 0, colour: FigureShape.grey(lb)))
        f.measures = ["stripe_height_deg": h, "stripe_count": 9, "grating_width_deg": width, "target_width_deg": size,
                      "target_a_x_deg": -size, "target_a_y_deg": 0, "target_b_x_deg": size, "target_b_y_deg": -h]
        for (k, v) in [("target_a", la), ("target_b", lb), ("stripe_a", dark), ("stripe_b", light)] { f.luminance(k, v, max: maxLuminanceCdM2) }
        return f
    }

    /// A field 4 × size wide and 2 × size tall: a plateau on the left, a linear ramp from x = −size/2 to
    /// +size/2, a plateau on the right. The left plateau is `luminance × 4^(−strength/2)`, the right
    /// `luminance × 4^(strength/2)`. Target A is the strip 0.1 × size wide just right of the ramp's top (the
    /// bright Mach band when strength > 0), drawn at the right plateau's luminance + difference; target B is the
    /// right plateau 1.5 × size from the centre.
    func machBands() throws -> IllusionFigure {
        let left = l0 * pow(4, -s / 2), right = l0 * pow(4, s / 2), strip = 0.1 * size, la = right + d
        try checkLuminances(["left plateau": left, "right plateau": right, "target A": la])
        var f = IllusionFigure()
        f.shapes = [.luminanceProfile(centre: [0, 0], width: 4 * size, height: 2 * size, knots: [[-size / 2, left], [size / 2, right]]),
                    .rectangle(centre: [size / 2 + strip / 2, 0], width: strip, height: 2 * size, angleDeg: 0, colour: FigureShape.grey(la))]
        f.measures = ["ramp_start_x_deg": -size / 2, "ramp_end_x_deg": size / 2, "field_width_deg": 4 * size, "field_height_deg": 2 * size,
                      "target_a_x_deg": size / 2 + strip / 2, "target_a_width_deg": strip, "target_b_x_deg": 1.5 * size]
        for (k, v) in [("left_plateau", left), ("right_plateau", right), ("target_a", la), ("target_b", right)] { f.luminance(k, v, max: maxLuminanceCdM2) }
        return f
    }

    /// A field 4 × size wide and 2 × size tall split at x = 0: right plateau (target A) `luminance + difference/2`,
    /// left plateau (target B) `luminance − difference/2`, and a Cornsweet edge between them: the right side
    /// rises by `amplitude × exp(−x/λ)` towards the edge and the left side falls by the mirror image, with
    /// amplitude `strength × luminance/3` and λ = 0.25 × size.
    func cornsweet() throws -> IllusionFigure {
        let la = l0 + d / 2, lb = l0 - d / 2, amp = s * l0 / 3, lambda = 0.25 * size
        try checkLuminances(["target A": la, "target B": lb, "edge right": la + amp, "edge left": lb - amp])
        var knots: [FigurePoint] = []
        let n = 80, half = 2 * size
        for i in 0...n { let x = -half + half * Double(i) / Double(n); knots.append([x, lb - amp * exp(x / lambda)]) }
        knots[n].x = -1e-6
        for i in 0...n { let x = half * Double(i) / Double(n); knots.append([x, la + amp * exp(-x / lambda)]) }
        knots[n + 1].x = 1e-6
        var f = IllusionFigure()
        f.shapes = [.luminanceProfile(centre: [0, 0], width: 2 * half, height: 2 * size, knots: knots)]
        f.measures = ["edge_amplitude_luminance": amp, "edge_space_constant_deg": lambda, "field_width_deg": 2 * half,
                      "field_height_deg": 2 * size, "target_a_x_deg": size, "target_b_x_deg": -size]
        for (k, v) in [("target_a", la), ("target_b", lb), ("edge_peak_a", la + amp), ("edge_trough_b", lb - amp)] { f.luminance(k, v, max: maxLuminanceCdM2) }
        return f
    }

    /// 5 × 5 square blocks, size on a side, luminance `luminance × 4^(−strength)`, separated by streets
    /// 0.25 × size wide. The streets (target A) are `luminance + difference/2`; the 16 inner intersections
    /// (target B), squares as wide as a street, `luminance − difference/2`. Dark blocks make the intersections
    /// look darker than the streets.
    func hermannGrid() throws -> IllusionFigure {
        let la = l0 + d / 2, lb = l0 - d / 2, block = contextLuminance(darkening: true), street = 0.25 * size
        try checkLuminances(["streets": la, "intersections": lb, "blocks": block])
        var f = IllusionFigure()
        let grid = blockGrid(centre: [0, 0], street: street, streetLuminance: la, blockLuminance: block, into: &f)
        for p in grid.intersections {
            f.shapes.append(.rectangle(centre: p, width: street, height: street, angleDeg: 0, colour: FigureShape.grey(lb)))
        }
        for (k, v) in [("target_a", la), ("target_b", lb), ("block", block)] { f.luminance(k, v, max: maxLuminanceCdM2) }
        return f
    }

    /// Three inducer discs 0.8 × size across, luminance `luminance × 4^(−strength)`, centred on the corners of
    /// an upward-pointing equilateral triangle 2 × size on a side, on a square field 4 × size wide. The
    /// triangle (target A), drawn over the discs, has luminance `luminance + difference/2`; the field
    /// (target B) `luminance − difference/2`. Dark inducers make the illusory triangle look lighter.
    func kanizsaTriangle() throws -> IllusionFigure {
        let la = l0 + d / 2, lb = l0 - d / 2, inducer = contextLuminance(darkening: true)
        try checkLuminances(["triangle": la, "field": lb, "inducers": inducer])
        let side = 2 * size, r = side / 3.0.squareRoot(), disc = 0.8 * size
        let corners = [90.0, 210, 330].map { FigureShape.polar([0, 0], r, $0) }
        var f = IllusionFigure()
        f.shapes = [.rectangle(centre: [0, 0], width: 4 * size, height: 4 * size, angleDeg: 0, colour: FigureShape.grey(lb))]
        f.shapes += corners.map { FigureShape.disc(centre: $0, diameter: disc, colour: FigureShape.grey(inducer)) }
        f.shapes.append(.polygon(vertices: corners, colour: FigureShape.grey(la)))
        f.measures = ["triangle_side_deg": side, "triangle_circumradius_deg": r, "inducer_diameter_deg": disc,
                      "field_side_deg": 4 * size, "support_ratio": disc / side]
        for (k, v) in [("target_a", la), ("target_b", lb), ("inducer", inducer)] { f.luminance(k, v, max: maxLuminanceCdM2) }
        return f
    }

    /// A 5 × 5 grid of square blocks, `size` on a side, luminance `blockLuminance`, on a square of streets
    /// `street` wide (deg) and luminance `streetLuminance` that also frames the grid, centred on `centre`.
    /// Adds the shapes and the grid's measures to `f`; returns the centres of the 16 inner intersections and the
    /// grid's side (deg).
    func blockGrid(centre: FigurePoint, street: Double, streetLuminance: Double, blockLuminance: Double,
                   into f: inout IllusionFigure) -> (intersections: [FigurePoint], extent: Double) {
        let pitch = size + street, extent = 5 * size + 6 * street
        f.shapes.append(.rectangle(centre: centre, width: extent, height: extent, angleDeg: 0, colour: FigureShape.grey(streetLuminance)))
        for i in -2...2 { for j in -2...2 {
            f.shapes.append(.rectangle(centre: centre + pitch * FigurePoint(Double(i), Double(j)), width: size, height: size, angleDeg: 0,
                                       colour: FigureShape.grey(blockLuminance)))
        } }
        f.measures.merge(["block_side_deg": size, "street_width_deg": street, "grid_pitch_deg": pitch, "grid_extent_deg": extent,
                          "block_count": 25, "intersection_count": 16]) { $1 }
        let intersections = (0..<4).flatMap { i in (0..<4).map { j in centre + pitch * FigurePoint(Double(i) - 1.5, Double(j) - 1.5) } }
        return (intersections, extent)
    }
}
