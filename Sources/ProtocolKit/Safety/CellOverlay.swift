/// Something black drawn over part of the screen — a fixation letter, modelled as a solid square
/// of the letter's height (conservative: a glyph inks well under half of its box) — as the fraction
/// of each analysis cell it covers.
public struct CellOverlay: Sendable, Equatable {
    /// Covered fraction (0...1) by cell index; cells not listed are not covered.
    public var coverage: [Int: Double]

    public init(coverage: [Int: Double]) { self.coverage = coverage }

    /// A square of side `sideDeg` (deg) centred `xDeg`, `yDeg` (deg; x rightwards, y upwards) from the
    /// screen centre, placed as the presenter places a fixation letter (at the geometry's px/deg).
    public init(squareAtXDeg xDeg: Double, yDeg: Double, sideDeg: Double, grid: SafetyGrid) {
        let g = grid.geometry
        let ppd = g.pixelsPerDegree()
        let width = Double(g.screenWidthPx), height = Double(g.screenHeightPx)
        let half = sideDeg * ppd / 2
        let cx = width / 2 + xDeg * ppd, cy = height / 2 - yDeg * ppd   // screen px, y down
        let cellW = width / Double(grid.columns), cellH = height / Double(grid.rows)
        func overlap(_ lo: Double, _ hi: Double, _ a: Double, _ b: Double) -> Double { max(0, min(hi, b) - max(lo, a)) }
        var coverage: [Int: Double] = [:]
        let firstColumn = max(0, Int(((cx - half) / cellW).rounded(.down))), lastColumn = min(grid.columns - 1, Int(((cx + half) / cellW).rounded(.down)))
        let firstRow = max(0, Int(((cy - half) / cellH).rounded(.down))), lastRow = min(grid.rows - 1, Int(((cy + half) / cellH).rounded(.down)))
        if firstColumn <= lastColumn, firstRow <= lastRow {
            for row in firstRow...lastRow {
                let dy = overlap(cy - half, cy + half, Double(row) * cellH, Double(row + 1) * cellH)
                for column in firstColumn...lastColumn {
                    let dx = overlap(cx - half, cx + half, Double(column) * cellW, Double(column + 1) * cellW)
                    if dx * dy > 0 { coverage[row * grid.columns + column] = dx * dy / (cellW * cellH) }
                }
            }
        }
        self.coverage = coverage
    }
}
