import Foundation

/// Café wall and scintillating grid: illusions made of rows or grids of square tiles, luminances relative
/// (0–1 of the monitor's white, drawn as equal linear guns).
extension FigureContext {
    /// Rows in the café wall.
    static let cafeWallRows = 9
    /// Tiles across one row of the café wall.
    static let cafeWallTilesPerRow = 8

    /// Nine rows of square tiles, `size` on a side, alternating dark (0) and light (2 × luminance), eight tiles
    /// across, separated by mortar lines `line_width_deg` thick of luminance `luminance` that also frame the wall.
    /// Row k (counted downwards from the middle row, k = −4…4) is shifted right by `k × strength × size/2`,
    /// so neighbouring rows are offset by half a tile (a quarter of the dark–light period) at strength 1 and by
    /// none at 0. With each lower row shifted right, the mortar lines look tilted clockwise (descending to the
    /// right), as oriented bandpass filtering predicts (Morgan & Moulden 1986); strength < 0 shifts them left and
    /// reverses the tilt. Target A is the mortar lines, physically tilted `difference` deg clockwise (the whole
    /// wall turns about its centre); target B is the horizontal.
    func cafeWall() throws -> IllusionFigure {
        let dark = 0.0, light = 2 * l0, mortar = l0
        try checkLuminances(["light tile": light])
        guard abs(d) < 45 else { throw StimulusError.invalid(path + ".difference", "must lie within ±45 deg for cafe_wall, got \(d)") }
        let rows = Self.cafeWallRows, across = Self.cafeWallTilesPerRow
        let pitch = size + line, width = Double(across) * size, height = Double(rows) * size + Double(rows + 1) * line
        let offset = s * size / 2, turn = -d
        func turned(_ p: FigurePoint) -> FigurePoint {
            let a = turn * .pi / 180
            return FigurePoint(p.x * cos(a) - p.y * sin(a), p.x * sin(a) + p.y * cos(a))
        }
        var f = IllusionFigure()
        f.shapes = [.rectangle(centre: [0, 0], width: width, height: height, angleDeg: turn, colour: FigureShape.grey(mortar))]
        for row in 0..<rows {
            let k = Double(row - rows / 2), y = -k * pitch, shift = k * offset
            // Tiles j = …, −1, 0, 1, … span [j × size + shift, (j + 1) × size + shift]; tile 0 is dark. Clip to the wall.
            let first = Int(((-width / 2 - shift) / size).rounded(.down)), last = Int(((width / 2 - shift) / size).rounded(.up))
            for j in first..<last {
                let left = max(-width / 2, Double(j) * size + shift), right = min(width / 2, Double(j + 1) * size + shift)
                guard right - left > 1e-9 else { continue }
                let isDark = ((j % 2) + 2) % 2 == 0
                f.shapes.append(.rectangle(centre: turned([(left + right) / 2, y]), width: right - left, height: size, angleDeg: turn,
                                           colour: FigureShape.grey(isDark ? dark : light)))
            }
        }
        f.measures = ["tile_side_deg": size, "mortar_width_deg": line, "row_count": Double(rows), "tiles_per_row": Double(across),
                      "row_pitch_deg": pitch, "wall_width_deg": width, "wall_height_deg": height,
                      "row_offset_deg": offset, "row_offset_tile_fraction": s / 2, "target_a_clockwise_tilt_deg": d]
        for (k, v) in [("dark_tile", dark), ("light_tile", light), ("mortar", mortar)] { f.luminance(k, v, max: maxLuminanceCdM2) }
        return f
    }

    /// A scintillating grid (Schrauf, Lingelbach & Wist 1997) on the left and a reference field on the right.
    /// The grid is 5 × 5 square blocks, `size` on a side, of luminance `luminance × 4^(−strength)`, with streets
    /// 0.25 × size wide of luminance `luminance × 4^(−strength/2)` and discs 1.5 × the street width across at
    /// the 16 inner intersections (target B, luminance `luminance − difference/2`). The reference field, as
    /// large as the grid, has the streets' luminance and one disc of the same size at its centre (target A,
    /// `luminance + difference/2`). At strength > 0 the discs are lighter than the streets and the blocks darker
    /// still, the classic grid whose discs flash dark spots, so the grid's discs look darker than the
    /// reference; at strength < 0 every contrast is reversed (light spots); at 0 everything is one grey.
    func scintillatingGrid() throws -> IllusionFigure {
        let la = l0 + d / 2, lb = l0 - d / 2, block = l0 * pow(4, -s), streets = l0 * pow(4, -s / 2)
        try checkLuminances(["reference disc": la, "grid discs": lb, "blocks": block, "streets": streets])
        let street = 0.25 * size, disc = 1.5 * street
        let extent = 5 * size + 6 * street, x = extent / 2 + 0.25 * size
        var f = IllusionFigure()
        let grid = blockGrid(centre: [-x, 0], street: street, streetLuminance: streets, blockLuminance: block, into: &f)
        f.shapes += grid.intersections.map { FigureShape.disc(centre: $0, diameter: disc, colour: FigureShape.grey(lb)) }
        f.shapes.append(.rectangle(centre: [x, 0], width: extent, height: extent, angleDeg: 0, colour: FigureShape.grey(streets)))
        f.shapes.append(.disc(centre: [x, 0], diameter: disc, colour: FigureShape.grey(la)))
        f.measures.merge(["disc_diameter_deg": disc, "grid_x_deg": -x, "target_a_x_deg": x, "reference_field_side_deg": extent,
                          "disc_to_street_width_ratio": disc / street]) { $1 }
        for (k, v) in [("target_a", la), ("target_b", lb), ("block", block), ("street", streets)] { f.luminance(k, v, max: maxLuminanceCdM2) }
        return f
    }
}
