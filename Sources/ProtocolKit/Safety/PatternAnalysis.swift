import StimulusKit

/// The Harding pattern rule (Harding et al. 2005, Epilepsia 46:1423) applied to one stimulus image:
/// stripes covering more than 0.006 sr, with the brightest stripe above 50 cd/m², shown for at least
/// 0.5 s, are provocative beyond 5 light–dark pairs when the pattern changes, oscillates or reverses
/// (e.g. alternates with another pattern) and beyond 8 pairs when it is static or drifts smoothly.
/// Breaking it is a warning shown on the consent screen and recorded, not a refusal.
public struct PatternFinding: Codable, Sendable, Equatable {
    public var stimulus: String
    /// Most light–dark pairs along any of four lines through the image centre (0°, 45°, 90°, 135°).
    public var lightDarkPairs: Int
    /// 5 for patterns that change (alternate, reverse), 8 for static ones.
    public var pairLimit: Int
    /// Solid angle of the cells that hold a light–dark edge, dilated by one cell (sr).
    public var stripedAreaSr: Double
    /// Luminance of the brightest stripe (cd/m²).
    public var brightestCdM2: Double
    /// Longest uninterrupted showing (s).
    public var longestShowingSeconds: Double

    public static let areaLimitSr = 0.006
    public static let brightnessLimitCdM2 = 50.0
    public static let minimumSeconds = 0.5

    /// Whether the image breaks the rule (all four conditions hold).
    public var breaksRule: Bool {
        lightDarkPairs > pairLimit && stripedAreaSr > Self.areaLimitSr && brightestCdM2 > Self.brightnessLimitCdM2
            && longestShowingSeconds >= Self.minimumSeconds
    }
}

enum PatternAnalysis {
    /// Light and dark are told apart with hysteresis at 1/3 and 2/3 of a line's luminance range;
    /// a line whose range is under this (relative luminance) has no stripes.
    static let minimumStripeContrast = 0.1

    /// Light–dark pairs, striped area and brightest stripe of `image`.
    static func measure(_ image: LinearImage, grid: SafetyGrid, profile: MonitorProfile)
        -> (pairs: Int, areaSr: Double, brightestCdM2: Double) {
        let w = image.width, h = image.height
        guard w > 1, h > 1 else { return (0, 0, 0) }
        let weights = LuminanceWeights(profile: profile)
        let values = (0..<(w * h)).map { i in
            weights.luminance(r: image.pixels[3 * i], g: image.pixels[3 * i + 1], b: image.pixels[3 * i + 2])
        }
        func luminance(_ x: Int, _ y: Int) -> Double { values[y * w + x] }
        let cx = w / 2, cy = h / 2, reach = min(w, h) / 2
        let lines: [[Double]] = [
            (0..<w).map { luminance($0, cy) },
            (0..<h).map { luminance(cx, $0) },
            (-reach..<reach).map { luminance(cx + $0, cy + $0) },
            (-reach..<reach).map { luminance(cx + $0, cy - $0 - 1) },
        ]
        var pairs = 0
        var brightest = 0.0
        for line in lines {
            let (count, top) = stripePairs(line)
            pairs = max(pairs, count)
            if count > 0 { brightest = max(brightest, top) }
        }
        return (pairs, stripedArea(image, grid: grid, luminance: luminance), brightest * profile.maxLuminanceCdM2)
    }

    /// Complete light–dark pairs along one line and the line's highest relative luminance.
    static func stripePairs(_ line: [Double]) -> (pairs: Int, brightest: Double) {
        guard let low = line.min(), let high = line.max(), high - low >= minimumStripeContrast else { return (0, line.max() ?? 0) }
        let darkBelow = low + (high - low) / 3, lightAbove = low + 2 * (high - low) / 3
        var state = 0  // -1 dark, +1 light, 0 not yet known
        var changes = 0
        for value in line {
            let next = value >= lightAbove ? 1 : (value <= darkBelow ? -1 : state)
            if state != 0, next != state { changes += 1 }
            state = next
        }
        // n changes separate n + 1 stripes; a pair is one light and one dark stripe.
        return ((changes + 1) / 2, high)
    }

    /// Cells holding a light–dark edge (luminance range ≥ `minimumStripeContrast` inside the cell),
    /// dilated by one cell so that stripes wider than a cell still count; their solid angle (sr).
    static func stripedArea(_ image: LinearImage, grid: SafetyGrid, luminance: (Int, Int) -> Double) -> Double {
        var lows = [Double](repeating: .infinity, count: grid.cellCount)
        var highs = [Double](repeating: -.infinity, count: grid.cellCount)
        for y in 0..<image.height {
            let row = min(grid.rows - 1, y * grid.rows / image.height)
            for x in 0..<image.width {
                let cell = row * grid.columns + min(grid.columns - 1, x * grid.columns / image.width)
                let value = luminance(x, y)
                lows[cell] = min(lows[cell], value)
                highs[cell] = max(highs[cell], value)
            }
        }
        let edged = (0..<grid.cellCount).map { highs[$0] - lows[$0] >= minimumStripeContrast }
        var area = 0.0
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let near = (max(0, row - 1)...min(grid.rows - 1, row + 1)).contains { r in
                    (max(0, column - 1)...min(grid.columns - 1, column + 1)).contains { edged[r * grid.columns + $0] }
                }
                if near { area += grid.solidAngles[row * grid.columns + column] }
            }
        }
        return area
    }
}
