import Foundation
import Testing
@testable import Analysis

struct SVGPlotTests {
    static let hostile = [
        "<script>alert(1)</script>", "\"quoted\" & 'single'", "</svg><img src=x onerror=alert(1)>", "a & b",
    ]

    @Test func escapingReplacesEveryMarkupCharacter() {
        #expect(escapeHTML("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(escapeHTML("\"a\" & b") == "&quot;a&quot; &amp; b")
        #expect(escapeHTML("</svg>") == "&lt;/svg&gt;")
        #expect(escapeHTML("Grün ✓") == "Grün ✓")
    }

    @Test func hostileLabelsAppearOnlyAsText() {
        for text in Self.hostile {
            let plot = SVGPlot(title: text, xLabel: text, yLabel: text, series: [
                PlotSeries(name: text, mark: .line, points: [PlotPoint(x: 0, y: 0), PlotPoint(x: 1, y: 1)]),
                PlotSeries(name: text, mark: .scatter, points: [PlotPoint(x: 0.5, y: 0.5)], colorIndex: 1),
            ])
            let svg = plot.render()
            #expect(!svg.contains(text), "raw text \(text) leaked into the SVG")
            #expect(svg.contains(escapeHTML(text)))
            #expect(svg.components(separatedBy: "</svg>").count == 2, "exactly one closing </svg>")
            #expect(!svg.contains("<script"))
        }
    }

    @Test func pointsLandWhereTheAxesSay() {
        // Data x in [0, 10], y in [0, 100] → round axes [0, 10] × [0, 100]. Plot area: x from 64 to
        // 560 − 16 = 544 (480 px), y from 30 to 300 − 46 = 254 (224 px).
        var plot = SVGPlot(title: "t", xLabel: "time (s)", yLabel: "effect (L−M units)", series: [
            PlotSeries(name: "", mark: .scatter, points: [PlotPoint(x: 0, y: 0), PlotPoint(x: 5, y: 25), PlotPoint(x: 10, y: 100)]),
        ])
        plot.width = 560
        plot.height = 300
        let svg = plot.render()
        #expect(svg.contains("<circle cx=\"64.0\" cy=\"254.0\""))
        #expect(svg.contains("<circle cx=\"304.0\" cy=\"198.0\""))   // 254 − 0.25·224
        #expect(svg.contains("<circle cx=\"544.0\" cy=\"30.0\""))
        #expect(svg.contains(">time (s)</text>"))
        #expect(svg.contains(">effect (L−M units)</text>"))
    }

    @Test func axisScalesChooseRoundTicks() {
        let linear = AxisScale(covering: [0.3, 9.2])
        #expect(linear.lower == 0 && linear.upper == 10)
        #expect(linear.ticks == [0, 2, 4, 6, 8, 10])
        let small = AxisScale(covering: [16.2, 17.9])
        #expect(small.ticks.map { small.label($0) } == ["16.0", "16.5", "17.0", "17.5", "18.0"])
        let log = AxisScale(covering: [0.2, 0, 37], kind: .logarithmic)
        #expect(log.lower == 0.1 && log.upper == 100)
        #expect(log.ticks == [0.1, 1, 10, 100])
        #expect(abs(log.fraction(10) - 2.0 / 3.0) < 1e-12)
        let single = AxisScale(covering: [3, 3])
        #expect(single.lower < 3 && single.upper > 3)
    }

    @Test func histogramCountsEveryValueOnce() {
        let h = Histogram(values: [16.6, 16.7, 16.9, 17.1, 33.4, .nan], binWidth: 0.5)
        #expect(h.origin == 16.5)
        #expect(h.counts.reduce(0, +) == 5)
        #expect(h.counts[0] == 3)    // [16.5, 17.0)
        #expect(h.counts[1] == 1)    // [17.0, 17.5)
        #expect(h.counts.last == 1)  // [33.0, 33.5)
        #expect(h.counts.count == 34)
    }

    @Test func numbersUseTrueMinusAndNoNegativeZero() {
        #expect(NumberFormat.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(-1.5, decimals: 1) == "−1.5")
        #expect(NumberFormat.significant(0.012345) == "0.0123")
        #expect(NumberFormat.significant(1234.6) == "1235")
        #expect(NumberFormat.significant(-.infinity) == "−∞")
    }
}
