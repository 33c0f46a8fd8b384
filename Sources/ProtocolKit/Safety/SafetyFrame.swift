import StimulusKit

/// One displayed image reduced to the analysis grid: per cell, the WCAG relative luminance and the
/// saturated-red measures (Harding & Binnie 2002, as WCAG 2.x adopted them).
public struct SafetyFrame: Sendable, Equatable {
    /// Relative luminance per cell, Y / Y_white (0...1), through the monitor profile.
    public var luminance: [Double]
    /// Red value per cell: max(0, R − G − B) × 320 from the cell's linear RGB (0...1 per gun); 0...320.
    public var redValue: [Double]
    /// Whether the cell's colour is a saturated red: R / (R + G + B) ≥ 0.8 (linear RGB).
    public var isSaturatedRed: [Bool]

    public init(luminance: [Double], redValue: [Double], isSaturatedRed: [Bool]) {
        self.luminance = luminance
        self.redValue = redValue
        self.isSaturatedRed = isSaturatedRed
    }

    /// From the mean linear RGB of each cell (row-major, one triple per cell).
    public init(cellLinearRGB cells: [SIMD3<Double>], profile: MonitorProfile) {
        let weights = LuminanceWeights(profile: profile)
        luminance = cells.map(weights.luminance)
        redValue = cells.map { max(0, $0.x - $0.y - $0.z) * 320 }
        isSaturatedRed = cells.map { rgb in
            let sum = rgb.x + rgb.y + rgb.z
            return sum > 0 && rgb.x / sum >= 0.8
        }
    }

    /// Every cell the same linear RGB.
    public init(uniform rgb: SIMD3<Double>, cellCount: Int, profile: MonitorProfile) {
        self.init(cellLinearRGB: Array(repeating: rgb, count: cellCount), profile: profile)
    }

    /// Cells of `image` (linear RGB, any size) averaged into `grid`'s cells.
    public init(image: LinearImage, grid: SafetyGrid, profile: MonitorProfile) {
        var sums = [SIMD3<Double>](repeating: .zero, count: grid.cellCount)
        var counts = [Int](repeating: 0, count: grid.cellCount)
        for y in 0..<image.height {
            let row = min(grid.rows - 1, y * grid.rows / image.height)
            for x in 0..<image.width {
                let column = min(grid.columns - 1, x * grid.columns / image.width)
                let i = (y * image.width + x) * 3
                sums[row * grid.columns + column] += SIMD3(Double(image.pixels[i]), Double(image.pixels[i + 1]),
                                                           Double(image.pixels[i + 2]))
                counts[row * grid.columns + column] += 1
            }
        }
        let means = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : .zero }
        self.init(cellLinearRGB: means, profile: profile)
    }
}

/// What the display shows over time: `images` and the runs of frames that show them in order, each
/// perhaps with a black overlay (a fixation letter) darkening some cells.
public struct FrameSequence: Sendable, Equatable {
    public struct Run: Sendable, Equatable {
        /// Index into `images`.
        public var image: Int
        public var frames: Int
        /// What is shown, for messages (e.g. `adaptation: red_horizontal`).
        public var label: String
        /// Index into `overlays`, when something black is drawn over the image.
        public var overlay: Int?

        public init(image: Int, frames: Int, label: String, overlay: Int? = nil) {
            self.image = image
            self.frames = frames
            self.label = label
            self.overlay = overlay
        }
    }

    public var images: [SafetyFrame]
    public var runs: [Run]
    public var overlays: [CellOverlay]

    public init(images: [SafetyFrame], runs: [Run], overlays: [CellOverlay] = []) {
        self.images = images
        self.runs = runs
        self.overlays = overlays
    }

    /// Relative luminance, red value and saturated-red flag of `cell` during `run`. A black overlay
    /// covering a fraction a of the cell scales the cell's mean linear RGB by 1 − a, so luminance and
    /// red value scale by 1 − a and R/(R+G+B) is unchanged (until nothing is left).
    func cell(_ cell: Int, during run: Run) -> (luminance: Double, redValue: Double, isSaturatedRed: Bool) {
        let image = images[run.image]
        let keep = run.overlay.map { 1 - (overlays[$0].coverage[cell] ?? 0) } ?? 1
        return (image.luminance[cell] * keep, image.redValue[cell] * keep, image.isSaturatedRed[cell] && keep > 0)
    }

    public var frameCount: Int { runs.reduce(0) { $0 + $1.frames } }
}
