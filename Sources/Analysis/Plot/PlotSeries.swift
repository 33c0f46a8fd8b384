/// One data point of a plot; `lower`/`upper` give an error bar in the unit of y.
public struct PlotPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var lower: Double?
    public var upper: Double?

    public init(x: Double, y: Double, lower: Double? = nil, upper: Double? = nil) {
        self.x = x
        self.y = y
        self.lower = lower
        self.upper = upper
    }
}

/// A named set of points and how to draw them.
public struct PlotSeries: Sendable, Equatable {
    public enum Mark: Sendable, Equatable {
        /// Points joined by straight lines.
        case line
        /// Unjoined dots.
        case scatter
        /// Dots joined by lines.
        case lineAndDots
        /// Dots with vertical error bars from `lower` to `upper`.
        case errorBars
        /// Bars from y = 0, each starting at x and `width` wide (unit of x): a histogram.
        case bars(width: Double)
    }

    /// Legend text (user-supplied text is escaped when drawn).
    public var name: String
    public var mark: Mark
    public var points: [PlotPoint]
    /// Index into the report's colour palette.
    public var colorIndex: Int
    public var dashed: Bool

    public init(name: String, mark: Mark, points: [PlotPoint], colorIndex: Int = 0, dashed: Bool = false) {
        self.name = name
        self.mark = mark
        self.points = points
        self.colorIndex = colorIndex
        self.dashed = dashed
    }
}

/// Counts of values in equal-width bins.
public struct Histogram: Sendable, Equatable {
    /// Left edge of the first bin, in the unit of the values.
    public var origin: Double
    /// Bin width, in the unit of the values.
    public var binWidth: Double
    /// Count per bin; bin i covers [origin + i·width, origin + (i+1)·width).
    public var counts: [Int]

    /// Bins `values` (finite ones) from floor(min/width)·width upward.
    public init(values: [Double], binWidth: Double) {
        precondition(binWidth > 0, "histogram bins need a positive width")
        let finite = values.filter(\.isFinite)
        self.binWidth = binWidth
        origin = ((finite.min() ?? 0) / binWidth).rounded(.down) * binWidth
        let start = origin
        let binCount = finite.map { Int((($0 - start) / binWidth).rounded(.down)) }.max().map { $0 + 1 } ?? 0
        var counts = [Int](repeating: 0, count: binCount)
        for value in finite { counts[Int(((value - start) / binWidth).rounded(.down))] += 1 }
        self.counts = counts
    }

    /// The histogram as a bar series.
    public func series(name: String, colorIndex: Int = 0) -> PlotSeries {
        PlotSeries(name: name, mark: .bars(width: binWidth),
                   points: counts.indices.map { PlotPoint(x: origin + Double($0) * binWidth, y: Double(counts[$0])) },
                   colorIndex: colorIndex)
    }
}
