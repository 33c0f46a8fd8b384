import Foundation

/// A small, self-contained SVG chart: title, labelled axes with ticks, and series drawn as
/// lines, dots, error bars or bars. Every piece of text is HTML-escaped.
public struct SVGPlot: Sendable {
    public var title: String
    /// Axis titles; give the unit, e.g. "frame interval (ms)".
    public var xLabel: String
    public var yLabel: String
    public var series: [PlotSeries]
    public var xKind: AxisScale.Kind = .linear
    public var yKind: AxisScale.Kind = .linear
    /// Start the y axis at zero (bars always do).
    public var yIncludesZero = false
    /// Horizontal reference lines (e.g. y = 0), in the unit of y.
    public var referenceLines: [Double] = []
    /// Size in CSS px; the SVG scales with its container through its viewBox.
    public var width = 560.0
    public var height = 300.0

    /// Colour-blind-safe palette (Okabe & Ito 2008).
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    public init(title: String, xLabel: String, yLabel: String, series: [PlotSeries]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    private let left = 64.0, top = 30.0, bottom = 46.0
    /// Named series get a legend in a right-hand margin, clear of the data.
    private var hasLegend: Bool { series.filter { !$0.name.isEmpty }.count > 1 }
    private var right: Double { hasLegend ? 160 : 16 }

    /// The chart as an `<svg>` element.
    public func render() -> String {
        let allPoints = series.flatMap(\.points)
        var xs = allPoints.map(\.x)
        for s in series { if case .bars(let w) = s.mark { xs += s.points.map { $0.x + w } } }
        let ys = allPoints.flatMap { [$0.y] + [$0.lower, $0.upper].compactMap { $0 } } + referenceLines
        let hasBars = series.contains { if case .bars = $0.mark { true } else { false } }
        let xScale = AxisScale(covering: xs, kind: xKind)
        let yScale = AxisScale(covering: ys, kind: yKind, includeZero: yIncludesZero || hasBars)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func px(_ x: Double) -> Double { left + xScale.fraction(x) * plotWidth }
        func py(_ y: Double) -> Double { top + (1 - yScale.fraction(y)) * plotHeight }
        func visible(_ p: PlotPoint) -> Bool {
            p.x.isFinite && p.y.isFinite && (xKind == .linear || p.x > 0) && (yKind == .linear || p.y > 0)
        }
        func n(_ v: Double) -> String { String(format: "%.1f", v) }

        var svg = "<svg class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
        svg += "width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
        svg += "<title>\(escapeHTML(title))</title>"
        svg += "<text x=\"\(n(left))\" y=\"18\" class=\"plot-title\">\(escapeHTML(title))</text>"
        // Frame, grid and ticks.
        svg += "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotWidth))\" height=\"\(n(plotHeight))\" fill=\"none\" stroke=\"#444\"/>"
        for tick in xScale.ticks {
            let x = px(tick)
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(x))\" y2=\"\(n(top + plotHeight + 5))\" stroke=\"#444\"/>"
            svg += "<text x=\"\(n(x))\" y=\"\(n(top + plotHeight + 17))\" text-anchor=\"middle\" class=\"tick\">\(escapeHTML(xScale.label(tick)))</text>"
        }
        for tick in yScale.ticks {
            let y = py(tick)
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\" class=\"tick\">\(escapeHTML(yScale.label(tick)))</text>"
        }
        for value in referenceLines where value.isFinite {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(py(value)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(py(value)))\" stroke=\"#888\" stroke-dasharray=\"2 3\"/>"
        }
        svg += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 8))\" text-anchor=\"middle\" class=\"axis-label\">\(escapeHTML(xLabel))</text>"
        svg += "<text transform=\"translate(14 \(n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" class=\"axis-label\">\(escapeHTML(yLabel))</text>"

        // Data.
        svg += "<g>"
        for s in series {
            let color = Self.palette[s.colorIndex % Self.palette.count]
            let dash = s.dashed ? " stroke-dasharray=\"6 4\"" : ""
            let points = s.points.filter(visible)
            switch s.mark {
            case .line, .lineAndDots:
                if points.count > 1 {
                    let path = points.map { "\(n(px($0.x))),\(n(py($0.y)))" }.joined(separator: " ")
                    svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.8\"\(dash)/>"
                }
                if s.mark == .lineAndDots { svg += dots(points, color: color, px: px, py: py) }
            case .scatter:
                svg += dots(points, color: color, px: px, py: py)
            case .errorBars:
                for p in points {
                    if let low = p.lower, let high = p.upper, low.isFinite, high.isFinite {
                        let x = px(p.x)
                        svg += "<path d=\"M\(n(x)) \(n(py(low)))V\(n(py(high)))M\(n(x - 4)) \(n(py(low)))h8M\(n(x - 4)) \(n(py(high)))h8\" stroke=\"\(color)\" fill=\"none\"/>"
                    }
                }
                svg += dots(points, color: color, px: px, py: py)
            case .bars(let barWidth):
                for p in points {
                    let x0 = px(p.x), x1 = px(p.x + barWidth)
                    let y0 = py(max(yScale.lower, 0)), y1 = py(p.y)
                    svg += "<rect x=\"\(n(x0))\" y=\"\(n(min(y0, y1)))\" width=\"\(n(max(x1 - x0 - 0.5, 0.5)))\" height=\"\(n(abs(y0 - y1)))\" fill=\"\(color)\"/>"
                }
            }
        }
        svg += "</g>"
        svg += legend()
        svg += "</svg>"
        return svg
    }

    private func dots(_ points: [PlotPoint], color: String, px: (Double) -> Double, py: (Double) -> Double) -> String {
        points.map { "<circle cx=\"\(String(format: "%.1f", px($0.x)))\" cy=\"\(String(format: "%.1f", py($0.y)))\" r=\"3\" fill=\"\(color)\"/>" }.joined()
    }

    private func legend() -> String {
        guard hasLegend else { return "" }
        let named = series.filter { !$0.name.isEmpty }
        var out = ""
        for (row, s) in named.enumerated() {
            let y = top + 12 + Double(row) * 14
            let x = width - right + 10
            let color = Self.palette[s.colorIndex % Self.palette.count]
            out += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" ", x, y - 9) + "fill=\"\(color)\"/>"
            out += String(format: "<text x=\"%.1f\" y=\"%.1f\" class=\"legend\">", x + 14, y) + escapeHTML(s.name) + "</text>"
        }
        return out
    }
}
