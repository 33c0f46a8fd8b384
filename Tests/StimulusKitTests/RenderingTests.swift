import Foundation
import Testing
@testable import StimulusKit

@Suite struct RenderingTests {
    let renderer = StimulusRenderer(geometry: .standard, profile: .standardSRGB)
    var ppd: Double { renderer.pixelsPerDegree }

    func grating(_ wave: Waveform, orientation: Double, cpd: Double, contrast: Double = 1, phase: Double = 0,
                 a: Colour = .named("white"), b: Colour = .named("black"), drift: Double = 0) -> StimulusSpec {
        let g = Grating(orientationDeg: orientation, cyclesPerDegree: cpd, driftCyclesPerS: drift,
                        modulation: Modulation(waveform: wave, phaseDeg: phase, contrast: contrast, colourA: a, colourB: b))
        return StimulusSpec(name: "g", pattern: wave == .sine ? .sineGrating(g) : .squareGrating(g))
    }

    @Test(arguments: [(90.0, Waveform.square), (90.0, .sine), (0.0, .square), (0.0, .sine)])
    func periodAlongScanLineMatchesCyclesPerDegree(orientation: Double, wave: Waveform) throws {
        let cpd = 2.0
        let image = try renderer.render(grating(wave, orientation: orientation, cpd: cpd), width: 400, height: 400)
        let lum = Measure.luminance(image)
        // Vertical bars vary along a row; horizontal bars along a column.
        let line = orientation == 90 ? Array(lum[(200 * 400)..<(201 * 400)]) : (0..<400).map { lum[$0 * 400 + 200] }
        let crossings = Measure.risingCrossings(line, level: lum.max()! / 2)
        let cycles = Double(crossings.count)
        let expectedCycles = cpd * 400 / ppd        // cpd × degrees spanned
        #expect(abs(cycles - expectedCycles) <= 1)
        let period = (crossings.last! - crossings.first!) / (cycles - 1)
        #expect(abs(period - ppd / cpd) < 0.02, "period \(period) px, expected \(ppd / cpd) px")
    }

    @Test(arguments: [0.0, 30.0, 72.5, 90.0, 135.0, 161.0])
    func orientationRecoveredFromSpectrum(orientation: Double) throws {
        // 4 cpd at 36.04 px/deg: a 9 px period.
        let image = try renderer.render(grating(.sine, orientation: orientation, cpd: 4), width: 64, height: 64)
        let measured = Measure.orientation(image, cyclesPerPx: 4 / ppd)
        var diff = abs(measured - orientation)
        diff = min(diff, 180 - diff)
        #expect(diff < 0.5, "measured \(measured)°, asked \(orientation)°")
    }

    @Test func meanAndContrastOfSineGrating() throws {
        let image = try renderer.render(grating(.sine, orientation: 90, cpd: 1, contrast: 0.5), width: 720, height: 8)
        let lum = Measure.luminance(image)
        // 720 px ≈ 19.98 cycles; the mean of white and black in linear light is 0.5.
        #expect(abs(lum.reduce(0, +) / Double(lum.count) - 0.5) < 0.003)
        // Contrast 0.5: luminance swings 0.25…0.75 (Michelson contrast 0.5).
        #expect(abs(lum.max()! - 0.75) < 1e-3 && abs(lum.min()! - 0.25) < 1e-3)
    }

    @Test func redBlackGratingHasOnlyRedLight() throws {
        let image = try renderer.render(grating(.square, orientation: 0, cpd: 1.5, a: .named("red"), b: .named("black")), width: 64, height: 240)
        let px = image.pixels
        let pixelStarts = Array(stride(from: 0, to: px.count, by: 3))
        let red: [Double] = pixelStarts.map { Double(px[$0]) }
        #expect(pixelStarts.allSatisfy { px[$0 + 1] == 0 && px[$0 + 2] == 0 })
        let meanRed = red.reduce(0, +) / Double(red.count)
        #expect(abs(meanRed - 0.5) < 0.03)   // duty cycle 0.5 over ~10 cycles
    }

    /// A straight edge drawn with pixel coverage: the summed coverage along each row gives the edge's
    /// sub-pixel position, which must move in a straight line from row to row (no stair-steps).
    @Test func obliqueEdgeHasNoStairSteps() throws {
        // One very wide bar at 80°: a single edge crosses the window.
        let spec = grating(.square, orientation: 80, cpd: 0.05)
        let image = try renderer.render(spec, width: 64, height: 64)
        let lum = Measure.luminance(image)
        let window = 20..<44
        var rows: [Double] = [], positions: [Double] = []
        for y in 0..<64 {
            let row = window.map { lum[y * 64 + $0] }
            guard row.first! > 0.99 || row.last! > 0.99, row.first! < 0.01 || row.last! < 0.01 else { continue }
            rows.append(Double(y))
            positions.append(row.reduce(0, +))
        }
        #expect(positions.count > 40)
        // Least-squares line through (row, position); an aliased edge leaves residuals up to 0.5 px.
        let n = Double(positions.count)
        let mx: Double = rows.reduce(0, +) / n
        let my: Double = positions.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (x, p) in zip(rows, positions) { sxy += (x - mx) * (p - my); sxx += (x - mx) * (x - mx) }
        let slope = sxy / sxx
        var worst = 0.0
        for (x, p) in zip(rows, positions) { worst = max(worst, abs(p - (my + slope * (x - mx)))) }
        #expect(abs(abs(slope) - tan(10 * Double.pi / 180)) < 0.01)
        #expect(worst < 0.06, "worst residual \(worst) px")
    }

    @Test func circleGridCoversTheDiscArea() throws {
        let p = CircleGrid(spacingDeg: 1, diameterDeg: 0.6, colourA: .named("white"), colourB: .named("black"))
        // Standard geometry: spacing 36.04 px; 15 × 9 cells of the lattice fill 540.6 × 324.4 px.
        let spec = StimulusSpec(name: "c", pattern: .circleGrid(p))
        let s = ppd
        let image = try renderer.render(spec, width: Int((15 * s).rounded()), height: Int((9 * s).rounded()))
        let lum = Measure.luminance(image)
        let fraction = lum.reduce(0, +) / Double(lum.count)
        let expected = Double.pi * 0.3 * 0.3 / 1.0        // disc area / cell area
        #expect(abs(fraction - expected) / expected < 0.01, "coverage \(fraction), expected \(expected)")
        // The centre pixel sits inside a disc; a point half a spacing away diagonally lies between discs.
        #expect(lum[(image.height / 2) * image.width + image.width / 2] > 0.99)
    }

    @Test func apertureEdgesSitWhereAsked() throws {
        // White field through a 10° circle on black, raised-cosine edge 1° wide: alpha 0.5 at r = 5°.
        var spec = StimulusSpec(name: "a", background: .named("black"), pattern: .uniform(.named("white")),
                                aperture: Aperture(shape: .circle, diameterDeg: 10, edge: .raisedCosine, edgeWidthDeg: 1))
        let w = 480
        let image = try renderer.render(spec, width: w, height: w)
        let row = Measure.luminance(image)[(w / 2) * w..<(w / 2 + 1) * w]
        let edge = Measure.risingCrossings(Array(row), level: 0.5).first!
        // Pixel centres sit at x + 0.5; the image centre is at 240.
        #expect(abs((240 - (edge + 0.5)) - 5 * ppd) < 0.05)
        // Fully inside 0.5° in from the edge, fully outside 0.5° beyond it.
        #expect(row[row.startIndex + 240 - Int(4.4 * ppd)] == 1 && row[row.startIndex + 240 - Int(5.6 * ppd)] == 0)
        spec.aperture = Aperture(shape: .circle, diameterDeg: 10)
        let hard = Measure.luminance(try renderer.render(spec, width: w, height: w))
        let area = hard.reduce(0, +), expected = Double.pi * pow(5 * ppd, 2)
        #expect(abs(area - expected) / expected < 0.001)
    }

    @Test func quadrantTestFigureHasHorizontalAndVerticalBars() throws {
        let h = Pattern.squareGrating(Grating(orientationDeg: 0, cyclesPerDegree: 2))
        let v = Pattern.squareGrating(Grating(orientationDeg: 90, cyclesPerDegree: 2))
        let spec = StimulusSpec(name: "q", pattern: .tiles(Tiles(rows: 2, columns: 2, tiles: [h, v, v, h])))
        let image = try renderer.render(spec, width: 200, height: 200)
        let lum = Measure.luminance(image)
        func varianceAlongRows(_ xs: Range<Int>, _ ys: Range<Int>) -> Double {
            ys.map { y in let r = xs.map { lum[y * 200 + $0] }; let m = r.reduce(0, +) / Double(r.count); return r.map { ($0 - m) * ($0 - m) }.reduce(0, +) }.reduce(0, +)
        }
        func varianceAlongColumns(_ xs: Range<Int>, _ ys: Range<Int>) -> Double {
            xs.map { x in let c = ys.map { lum[$0 * 200 + x] }; let m = c.reduce(0, +) / Double(c.count); return c.map { ($0 - m) * ($0 - m) }.reduce(0, +) }.reduce(0, +)
        }
        // Horizontal bars: constant along each row, varying down a column. Vertical bars: the reverse.
        #expect(varianceAlongRows(0..<100, 0..<100) < 1e-9 && varianceAlongColumns(0..<100, 0..<100) > 1)
        #expect(varianceAlongColumns(100..<200, 0..<100) < 1e-9 && varianceAlongRows(100..<200, 0..<100) > 1)
        #expect(varianceAlongColumns(0..<100, 100..<200) < 1e-9)
        #expect(varianceAlongRows(100..<200, 100..<200) < 1e-9)
    }

    @Test func driftShiftsPhaseByVelocityTimesTime() throws {
        let drifting = try renderer.render(grating(.sine, orientation: 30, cpd: 2, drift: 2), width: 50, height: 40, time: 0.125)
        // 2 cycles/s × 0.125 s = a quarter cycle: the static grating with phase −90°.
        let shifted = try renderer.render(grating(.sine, orientation: 30, cpd: 2, phase: -90), width: 50, height: 40)
        #expect(zip(drifting.pixels, shifted.pixels).allSatisfy { abs($0 - $1) < 1e-4 })
    }

    @Test func morphEndsAreItsPatternsAndMiddleIsTheirMean() throws {
        let a = Pattern.circleGrid(CircleGrid(spacingDeg: 1, diameterDeg: 0.5, colourA: .named("red"), colourB: .named("black")))
        let b = Pattern.crossGrid(CrossGrid(spacingDeg: 1, armLengthDeg: 0.7, lineWidthDeg: 0.1, colourA: .named("lime"), colourB: .named("black")))
        func render(_ p: Pattern) throws -> [Float] { try renderer.render(StimulusSpec(name: "m", pattern: p), width: 80, height: 60).pixels }
        let ra = try render(a), rb = try render(b)
        #expect(try render(.morph(Morph(from: a, to: b, t: 0))) == ra)
        #expect(try render(.morph(Morph(from: a, to: b, t: 1))) == rb)
        let mid = try render(.morph(Morph(from: a, to: b, t: 0.5)))
        #expect(zip(mid, zip(ra, rb)).allSatisfy { abs($0 - ($1.0 + $1.1) / 2) < 1e-6 })
    }

    @Test func noiseIsSeededAndBalanced() throws {
        func noise(_ seed: UInt64) throws -> [Float] {
            try renderer.render(StimulusSpec(name: "n", pattern: .noise(Noise(seed: seed, elementSizeDeg: 2 / ppd, distribution: .binary))), width: 200, height: 200).pixels
        }
        let a = try noise(7)
        #expect(try noise(7) == a)
        #expect(try noise(8) != a)
        let whiteShare = Double(stride(from: 0, to: a.count, by: 3).filter { a[$0] == 1 }.count) / Double(a.count / 3)
        #expect(abs(whiteShare - 0.5) < 0.03)   // 100 × 100 elements of 2 px
    }

    @Test func invalidParametersNameTheirField() {
        var spec = grating(.square, orientation: 0, cpd: -1)
        #expect(throws: StimulusError.invalid(".pattern.cycles_per_degree", "must be > 0, got -1.0")) {
            _ = try renderer.render(spec, width: 10, height: 10)
        }
        spec = grating(.square, orientation: 0, cpd: 1, a: .xyY(x: 0.0743, y: 0.8338, luminanceCdM2: 20))
        #expect {
            _ = try renderer.render(spec, width: 10, height: 10)
        } throws: { error in
            guard case let StimulusError.invalid(path, reason)? = error as? StimulusError else { return false }
            return path == ".pattern.colour_a" && reason.contains("gamut")
        }
    }
}

@Suite struct FixationTests {
    let renderer = StimulusRenderer(geometry: .standard, profile: .standardSRGB)

    func inkArea(_ mark: FixationMark) throws -> Double {
        let spec = StimulusSpec(name: "f", background: .named("black"), pattern: .uniform(.named("black")), fixation: mark)
        return Measure.luminance(try renderer.render(spec, width: 120, height: 120)).reduce(0, +)
    }

    @Test func letterInkCoversItsCells() throws {
        // "T": a top bar of 5 cells and a stem of 6 = 11 cells; "L": 6 + 5 = 11; "O": 3 + 5 × 2 + 3 = 16 cells (hand-counted).
        let cell = 0.7 * renderer.pixelsPerDegree / 7
        for (letter, cells) in [("T", 11.0), ("L", 11.0), ("O", 16.0)] {
            let area = try inkArea(FixationMark(mark: .letter, sizeDeg: 0.7, letter: letter))
            #expect(abs(area - cells * cell * cell) < 1e-2, "\(letter): \(area) px² vs \(cells * cell * cell)")
        }
    }

    @Test func crossAndDotAreas() throws {
        let ppd = renderer.pixelsPerDegree
        // Cross: two 1° × 0.1° bars overlapping in a 0.1° square.
        let cross = try inkArea(FixationMark(mark: .cross, sizeDeg: 1, lineWidthDeg: 0.1))
        #expect(abs(cross - (2 * 0.1 - 0.01) * ppd * ppd) / ((2 * 0.1 - 0.01) * ppd * ppd) < 0.01)
        let dot = try inkArea(FixationMark(mark: .dot, sizeDeg: 0.5))
        #expect(abs(dot - Double.pi * pow(0.25 * ppd, 2)) / (Double.pi * pow(0.25 * ppd, 2)) < 0.01)
    }

    @Test func unknownLetterIsRejected() {
        let spec = StimulusSpec(name: "f", pattern: .uniform(.named("black")), fixation: FixationMark(mark: .letter, sizeDeg: 1, letter: "?"))
        #expect(throws: StimulusError.self) { _ = try renderer.render(spec, width: 10, height: 10) }
    }
}
