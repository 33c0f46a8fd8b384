import StimulusKit

/// Equal-sized square tiles laid out row by row on a white sheet, as many columns as the square
/// root of the count (rounded up), `gapPx` px of white between and around them.
struct ImageGrid: Sendable {
    let count: Int
    /// Side of each tile (px).
    let tilePx: Int
    /// White space between tiles and around the sheet (px); none for a single tile.
    let gapPx: Int

    init(count: Int, tilePx: Int, gapPx: Int = 4) {
        self.count = count
        self.tilePx = tilePx
        self.gapPx = count == 1 ? 0 : gapPx
    }

    var columns: Int {
        var c = 1
        while c * c < count { c += 1 }
        return c
    }

    var rows: Int { (count + columns - 1) / columns }

    /// Top-left corner (px) of tile `index`.
    func origin(_ index: Int) -> (x: Int, y: Int) {
        (gapPx + (index % columns) * (tilePx + gapPx), gapPx + (index / columns) * (tilePx + gapPx))
    }

    /// The sheet with `tiles` (each tilePx × tilePx) in place.
    func sheet(_ tiles: [DisplayImage]) -> DisplayImage {
        let width = gapPx + columns * (tilePx + gapPx), height = gapPx + rows * (tilePx + gapPx)
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for (index, tile) in tiles.enumerated() {
            let (x0, y0) = origin(index)
            for row in 0..<tile.height {
                let source = row * tile.width * 4, target = ((y0 + row) * width + x0) * 4
                pixels.replaceSubrange(target..<target + tile.width * 4, with: tile.pixels[source..<source + tile.width * 4])
            }
        }
        return DisplayImage(width: width, height: height, pixels: pixels)
    }
}
