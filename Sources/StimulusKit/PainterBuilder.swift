import Foundation

/// Turns a validated spec into painters: resolves colours through the profile, sizes into pixels, and
/// checks every parameter, naming its field path in errors.
struct PainterBuilder {
    let profile: MonitorProfile
    let pixelsPerDegree: Double
    /// Time since stimulus onset (s), for drift.
    let time: Double
    /// Background in linear RGB (the origin of DKL colours).
    let background: SIMD3<Double>
    let baseDirectory: URL?

    func colour(_ c: Colour, _ path: String) throws -> SIMD3<Float> {
        do { return SIMD3<Float>(try c.linearRGB(profile: profile, background: background)) } catch {
            throw StimulusError.invalid(path, "\(error)")
        }
    }

    func positive(_ v: Double, _ path: String) throws {
        guard v > 0, v.isFinite else { throw StimulusError.invalid(path, "must be > 0, got \(v)") }
    }

    func twoColour(_ field: any WeightField, _ a: Colour, _ b: Colour, _ path: String) throws -> any Painter {
        TwoColourPainter(field: field, a: try colour(a, path + ".colour_a"), b: try colour(b, path + ".colour_b"))
    }

    func painter(_ pattern: Pattern, rect: PixelRect, path: String) throws -> any Painter {
        let ppd = pixelsPerDegree
        switch pattern {
        case let .uniform(c):
            return UniformPainter(colour: try colour(c, path + ".colour"))
        case let .sineGrating(g), let .squareGrating(g):
            try g.validate(path)
            return try twoColour(GratingField(g, rect: rect, pixelsPerDegree: ppd, time: time), g.modulation.colourA, g.modulation.colourB, path)
        case let .gabor(g):
            try g.grating.validate(path)
            try positive(g.sigmaDeg, path + ".sigma_deg")
            return try twoColour(GaborField(g, rect: rect, pixelsPerDegree: ppd, time: time), g.grating.modulation.colourA, g.grating.modulation.colourB, path)
        case let .plaid(p):
            guard !p.components.isEmpty else { throw StimulusError.invalid(path + ".components", "needs at least one component") }
            let total = p.components.map(\.contrast).reduce(0, +)
            guard total <= 1 + 1e-9 else {
                throw StimulusError.invalid(path + ".components", "contrasts sum to \(total); the sum must not exceed 1 (colours would leave the A–B range)")
            }
            let gratings = try p.components.enumerated().map { i, c -> GratingField in
                let g = Grating(orientationDeg: c.orientationDeg, cyclesPerDegree: c.cyclesPerDegree,
                                modulation: Modulation(waveform: .sine, phaseDeg: c.phaseDeg, contrast: c.contrast))
                try g.validate(path + ".components[\(i)]")
                return GratingField(g, rect: rect, pixelsPerDegree: ppd, time: time)
            }
            return try twoColour(PlaidField(components: gratings), p.colourA, p.colourB, path)
        case let .checkerboard(p):
            try positive(p.checkSizeDeg, path + ".check_size_deg")
            return try twoColour(CheckerboardField(p, rect: rect, pixelsPerDegree: ppd), p.colourA, p.colourB, path)
        case let .circleGrid(p):
            try positive(p.spacingDeg, path + ".spacing_deg")
            try positive(p.diameterDeg, path + ".diameter_deg")
            guard p.diameterDeg < p.spacingDeg else { throw StimulusError.invalid(path + ".diameter_deg", "must be smaller than spacing_deg (\(p.spacingDeg))") }
            return try twoColour(CircleGridField(p, rect: rect, pixelsPerDegree: ppd), p.colourA, p.colourB, path)
        case let .crossGrid(p):
            try positive(p.spacingDeg, path + ".spacing_deg")
            try positive(p.armLengthDeg, path + ".arm_length_deg")
            try positive(p.lineWidthDeg, path + ".line_width_deg")
            guard p.armLengthDeg < p.spacingDeg else { throw StimulusError.invalid(path + ".arm_length_deg", "must be smaller than spacing_deg (\(p.spacingDeg))") }
            return try twoColour(CrossGridField(p, rect: rect, pixelsPerDegree: ppd), p.colourA, p.colourB, path)
        case let .concentricRings(p):
            try positive(p.cyclesPerDegree, path + ".cycles_per_degree")
            try p.modulation.validate(path)
            return try twoColour(ConcentricField(p, rect: rect, pixelsPerDegree: ppd), p.modulation.colourA, p.modulation.colourB, path)
        case let .radial(p):
            try positive(p.cyclesPerRevolution, path + ".cycles_per_revolution")
            try p.modulation.validate(path)
            return try twoColour(RadialField(p, rect: rect), p.modulation.colourA, p.modulation.colourB, path)
        case let .noise(p):
            try positive(p.elementSizeDeg, path + ".element_size_deg")
            guard (0...1).contains(p.contrast) else { throw StimulusError.invalid(path + ".contrast", "must lie in 0…1, got \(p.contrast)") }
            return try twoColour(NoiseField(p, rect: rect, pixelsPerDegree: ppd), p.colourA, p.colourB, path)
        case let .image(p):
            try positive(p.widthDeg, path + ".width_deg")
            return try imagePainter(p, rect: rect, path: path)
        case let .tiles(t):
            guard t.rows >= 1, t.columns >= 1 else { throw StimulusError.invalid(path, "rows and columns must be ≥ 1, got \(t.rows)×\(t.columns)") }
            guard t.tiles.count == t.rows * t.columns else {
                throw StimulusError.invalid(path + ".tiles", "needs rows × columns = \(t.rows * t.columns) patterns, got \(t.tiles.count)")
            }
            let tp = TilesPainter(rect: rect, rows: t.rows, columns: t.columns, cells: [])
            let cells = try t.tiles.enumerated().map { i, p in
                let r = i / t.columns, c = i % t.columns
                let cell = PixelRect(x0: tp.columnEdge(c), y0: tp.rowEdge(r), x1: tp.columnEdge(c + 1), y1: tp.rowEdge(r + 1))
                return try painter(p, rect: cell, path: path + ".tiles[\(i)]")
            }
            return TilesPainter(rect: rect, rows: t.rows, columns: t.columns, cells: cells)
        case let .layers(layers):
            guard !layers.isEmpty else { throw StimulusError.invalid(path + ".layers", "needs at least one layer") }
            return try LayersPainter(base: SIMD3<Float>(background), layers: layers.enumerated().map { i, l in
                try layer(l.pattern, l.aperture, rect: rect, path: path + ".layers[\(i)]")
            })
        case let .morph(m):
            guard (0...1).contains(m.t) else { throw StimulusError.invalid(path + ".t", "must lie in 0…1, got \(m.t)") }
            return MorphPainter(from: try painter(m.from, rect: rect, path: path + ".from"),
                                to: try painter(m.to, rect: rect, path: path + ".to"), t: Float(m.t))
        case let .illusion(i):
            return try illusionPainter(i, rect: rect, path: path)
        }
    }

    /// A pattern and its aperture as one layer (no alpha field for a full field).
    func layer(_ p: Pattern, _ a: Aperture, rect: PixelRect, path: String) throws -> (painter: any Painter, alpha: (any WeightField)?) {
        try a.validate(path + ".aperture")
        let painter = try painter(p, rect: rect, path: path + ".pattern")
        return (painter, a.shape == .fullField ? nil : ApertureField(a, rect: rect, pixelsPerDegree: pixelsPerDegree))
    }

    func imagePainter(_ p: ImageFile, rect: PixelRect, path: String) throws -> any Painter {
        let url = p.file.hasPrefix("/") || baseDirectory == nil
            ? URL(fileURLWithPath: p.file) : baseDirectory!.appendingPathComponent(p.file)
        let display: DisplayImage
        do { display = try PNGCodec.read(url) } catch { throw StimulusError.invalid(path + ".file", "\(error)") }
        var linear = LinearImage(width: display.width, height: display.height)
        let toMonitor = profile.primaries == .bt709 && profile.whitePoint == .d65 ? nil : profile.xyzToRGB * MonitorProfile.standardSRGB.rgbToXYZ
        let decode = (0..<256).map { TransferFunction.sRGB.decode(Double($0) / 255) }
        for i in 0..<(display.width * display.height) {
            var v = SIMD3(decode[Int(display.pixels[4 * i])], decode[Int(display.pixels[4 * i + 1])], decode[Int(display.pixels[4 * i + 2])])
            if let m = toMonitor {
                v = m * v
                do { try Colour.checkGamut(v, colour: .linearRGB(v)) } catch {
                    throw StimulusError.invalid(path + ".file", "pixel (\(i % display.width), \(i / display.width)) of \(url.path): \(error)")
                }
            }
            for c in 0..<3 { linear.pixels[3 * i + c] = Float(v[c]) }
        }
        let w = p.widthDeg * pixelsPerDegree
        return ImagePainter(rect: rect, source: linear, widthPx: w, heightPx: w * Double(display.height) / Double(display.width),
                            surround: try colour(p.surround, path + ".surround"))
    }
}
