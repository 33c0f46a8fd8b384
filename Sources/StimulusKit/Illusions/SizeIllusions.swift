import Foundation

/// Müller-Lyer, Ebbinghaus, Delboeuf, Ponzo and vertical–horizontal: the judged quantity is a length or a
/// diameter (deg); target A is the one the classic context makes look larger.
extension FigureContext {
    /// Two horizontal shafts, A above B, `size ± difference/2` long. The fins (a quarter of `size`) leave
    /// the shaft ends tilted `30° × strength` from perpendicular: outwards at A ("tails", longer-looking),
    /// inwards at B ("arrowheads").
    func mullerLyer() throws -> IllusionFigure {
        let (la, lb) = try targetSizes()
        let fin = size / 4, tilt = 30 * s, y = 0.3 * size
        var f = IllusionFigure()
        for (length, yc, t) in [(la, y, tilt), (lb, -y, -tilt)] {
            for side in [-1.0, 1.0] {
                let end = FigurePoint(side * length / 2, yc)
                for up in [-1.0, 1.0] {
                    let tip = end + fin * FigurePoint(side * sin(t * .pi / 180), up * cos(t * .pi / 180))
                    f.shapes.append(.segment(end, tip, width: line, colour: b))
                }
            }
        }
        f.shapes.append(.segment([-la / 2, y], [la / 2, y], width: line, colour: a))
        f.shapes.append(.segment([-lb / 2, -y], [lb / 2, -y], width: line, colour: a))
        f.measures = ["target_a_length_deg": la, "target_b_length_deg": lb, "target_a_y_deg": y, "target_b_y_deg": -y,
                      "fin_length_deg": fin, "fin_a_outward_tilt_deg": tilt, "fin_b_outward_tilt_deg": -tilt, "line_width_deg": line]
        return f
    }

    /// Target discs A (left) and B (right), `size ± difference/2` across, each in a ring of inducer discs
    /// `0.6 × size × 2^(∓strength)` across (small around A, large around B when strength > 0), 0.2 × size
    /// from the target's edge, the first inducer to the target's right.
    func ebbinghaus() throws -> IllusionFigure {
        let (da, db) = try targetSizes()
        let ia = 0.6 * size * pow(2, -s), ib = 0.6 * size * pow(2, s), gap = 0.2 * size
        let ra = da / 2 + gap + ia / 2, rb = db / 2 + gap + ib / 2
        func count(_ r: Double, _ i: Double) -> Int { min(8, max(3, Int(2 * Double.pi * r / (1.25 * i)))) }
        let na = count(ra, ia), nb = count(rb, ib)
        let x = max(ra + ia / 2, rb + ib / 2) + 0.2 * size
        var f = IllusionFigure()
        for (centre, r, i, n) in [(FigurePoint(-x, 0), ra, ia, na), (FigurePoint(x, 0), rb, ib, nb)] {
            for k in 0..<n { f.shapes.append(.disc(centre: FigureShape.polar(centre, r, 360 * Double(k) / Double(n)), diameter: i, colour: b)) }
        }
        f.shapes.append(.disc(centre: [-x, 0], diameter: da, colour: a))
        f.shapes.append(.disc(centre: [x, 0], diameter: db, colour: a))
        f.measures = ["target_a_diameter_deg": da, "target_b_diameter_deg": db, "target_a_x_deg": -x, "target_b_x_deg": x,
                      "inducer_a_diameter_deg": ia, "inducer_b_diameter_deg": ib, "inducer_a_count": Double(na), "inducer_b_count": Double(nb),
                      "inducer_ring_a_radius_deg": ra, "inducer_ring_b_radius_deg": rb, "inducer_gap_deg": gap]
        return f
    }

    /// Target discs A (left) and B (right), `size ± difference/2` across, each inside a ring outline whose
    /// centre line lies `0.25 × size × 2^(∓strength)` outside the disc's edge (close around A, far around B).
    func delboeuf() throws -> IllusionFigure {
        let (da, db) = try targetSizes()
        let ga = 0.25 * size * pow(2, -s), gb = 0.25 * size * pow(2, s)
        let ringA = da + 2 * ga, ringB = db + 2 * gb
        let x = max(ringA, ringB) / 2 + 0.25 * size
        var f = IllusionFigure()
        f.shapes = [.ring(centre: [-x, 0], diameter: ringA, width: line, colour: b), .ring(centre: [x, 0], diameter: ringB, width: line, colour: b),
                    .disc(centre: [-x, 0], diameter: da, colour: a), .disc(centre: [x, 0], diameter: db, colour: a)]
        f.measures = ["target_a_diameter_deg": da, "target_b_diameter_deg": db, "target_a_x_deg": -x, "target_b_x_deg": x,
                      "ring_a_diameter_deg": ringA, "ring_b_diameter_deg": ringB, "ring_a_gap_deg": ga, "ring_b_gap_deg": gb, "line_width_deg": line]
        return f
    }

    /// Horizontal targets A (above, y = +0.4 × size) and B (below), `size ± difference/2` long, between two
    /// rails 1.8 × size apart at mid-height, 2 × size tall, each tilted `12° × strength` from vertical so that
    /// they converge upwards (towards A) when strength > 0.
    func ponzo() throws -> IllusionFigure {
        let (la, lb) = try targetSizes()
        let tilt = 12 * s, t = tan(tilt * .pi / 180), half = 0.9 * size, y = 0.4 * size
        func railX(_ yy: Double) -> Double { half - yy * t }
        var f = IllusionFigure()
        for side in [-1.0, 1.0] {
            f.shapes.append(.segment([side * railX(-size), -size], [side * railX(size), size], width: line, colour: b))
        }
        f.shapes.append(.segment([-la / 2, y], [la / 2, y], width: line, colour: a))
        f.shapes.append(.segment([-lb / 2, -y], [lb / 2, -y], width: line, colour: a))
        f.measures = ["target_a_length_deg": la, "target_b_length_deg": lb, "target_a_y_deg": y, "target_b_y_deg": -y,
                      "rail_tilt_converging_up_deg": tilt, "rail_gap_at_a_deg": 2 * railX(y), "rail_gap_at_b_deg": 2 * railX(-y),
                      "rail_length_deg": 2 * size / cos(tilt * .pi / 180), "line_width_deg": line]
        guard railX(size) > 0 else { throw StimulusError.invalid(path + ".illusion_strength", "the rails would cross") }
        return f
    }

    /// A vertical line A and a horizontal line B, `size ± difference/2` long. Strength 0…1 slides A's foot
    /// from B's left end (an L) to B's middle (an inverted T: B bisected, A looks longer); −1…0 slides B's
    /// left end from A's foot to A's middle (A bisected, A looks shorter). The lines meet on their centre lines.
    func verticalHorizontal() throws -> IllusionFigure {
        let (la, lb) = try targetSizes()
        var f = IllusionFigure()
        let footX: Double, horizontalY: Double
        if s >= 0 {
            footX = -lb / 2 + lb / 2 * s
            horizontalY = -la / 2
            f.shapes = [.segment([-lb / 2, horizontalY], [lb / 2, horizontalY], width: line, colour: a),
                        .segment([footX, horizontalY], [footX, horizontalY + la], width: line, colour: a)]
            f.measures["junction_along_b_fraction"] = s / 2
        } else {
            footX = -lb / 2
            horizontalY = -la / 2 + la / 2 * -s
            f.shapes = [.segment([footX, -la / 2], [footX, la / 2], width: line, colour: a),
                        .segment([footX, horizontalY], [footX + lb, horizontalY], width: line, colour: a)]
            f.measures["junction_along_a_fraction"] = -s / 2
        }
        f.measures.merge(["target_a_length_deg": la, "target_b_length_deg": lb, "target_a_x_deg": footX,
                          "target_b_y_deg": horizontalY, "line_width_deg": line]) { $1 }
        return f
    }
}
