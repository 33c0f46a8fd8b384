import Foundation

/// A linear grating (sine or square): straight bars at `orientationDeg`.
/// Orientation is that of the bars, anticlockwise from horizontal: 0 = horizontal bars, 90 = vertical.
public struct Grating: Codable, Sendable, Equatable {
    /// Orientation of the bars (deg, anticlockwise from horizontal).
    public var orientationDeg: Double
    /// Spatial frequency (cycles/deg).
    public var cyclesPerDegree: Double
    /// Drift: phase velocity (cycles/s) towards the bars' normal at +90°; 0 = static.
    public var driftCyclesPerS: Double
    public var modulation: Modulation

    public init(orientationDeg: Double = 0, cyclesPerDegree: Double, driftCyclesPerS: Double = 0, modulation: Modulation = Modulation()) {
        self.orientationDeg = orientationDeg
        self.cyclesPerDegree = cyclesPerDegree
        self.driftCyclesPerS = driftCyclesPerS
        self.modulation = modulation
    }

    static let ownKeys = ["orientation_deg", "cycles_per_degree", "drift_cycles_per_s"]

    init(_ f: Fields, waveform: Waveform) throws {
        self.init(orientationDeg: try f("orientation_deg", default: 0), cyclesPerDegree: try f("cycles_per_degree"),
                  driftCyclesPerS: try f("drift_cycles_per_s", default: 0), modulation: try Modulation(f, defaultWaveform: waveform))
    }

    public init(from decoder: Decoder) throws {
        try self.init(Fields(decoder, allowed: Self.ownKeys + Modulation.keys + ["type"]), waveform: .sine)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(orientationDeg, forKey: .init(stringValue: "orientation_deg"))
        try c.encode(cyclesPerDegree, forKey: .init(stringValue: "cycles_per_degree"))
        try c.encode(driftCyclesPerS, forKey: .init(stringValue: "drift_cycles_per_s"))
        try modulation.encode(to: encoder)
    }

    func validate(_ path: String) throws {
        guard cyclesPerDegree > 0, cyclesPerDegree.isFinite else {
            throw StimulusError.invalid(path + ".cycles_per_degree", "must be > 0, got \(cyclesPerDegree)")
        }
        guard orientationDeg.isFinite else { throw StimulusError.invalid(path + ".orientation_deg", "must be a finite number") }
        try modulation.validate(path)
    }
}

/// One sinusoidal component of a plaid.
public struct PlaidComponent: Codable, Sendable, Equatable {
    /// Orientation of the bars (deg, anticlockwise from horizontal).
    public var orientationDeg: Double
    /// Spatial frequency (cycles/deg).
    public var cyclesPerDegree: Double
    /// Phase (deg).
    public var phaseDeg: Double
    /// This component's share of the modulation (0...1; the components' sum must not exceed 1).
    public var contrast: Double

    public init(orientationDeg: Double, cyclesPerDegree: Double, phaseDeg: Double = 0, contrast: Double) {
        self.orientationDeg = orientationDeg; self.cyclesPerDegree = cyclesPerDegree; self.phaseDeg = phaseDeg; self.contrast = contrast
    }
    enum CodingKeys: String, CodingKey, CaseIterable {
        case orientationDeg = "orientation_deg", cyclesPerDegree = "cycles_per_degree", phaseDeg = "phase_deg", contrast
    }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        self.init(orientationDeg: try f("orientation_deg"), cyclesPerDegree: try f("cycles_per_degree"),
                  phaseDeg: try f("phase_deg", default: 0), contrast: try f("contrast", default: 0.5))
    }
}

/// A plaid: the sum of sinusoidal gratings between two colours; weight of colour A
/// `0.5 + 0.5 × Σ contrastᵢ sin(2π uᵢ)`.
public struct Plaid: Codable, Sendable, Equatable {
    public var components: [PlaidComponent]
    public var colourA: Colour
    public var colourB: Colour
    public init(components: [PlaidComponent], colourA: Colour = .named("white"), colourB: Colour = .named("black")) {
        self.components = components; self.colourA = colourA; self.colourB = colourB
    }
    enum CodingKeys: String, CodingKey, CaseIterable { case components, colourA = "colour_a", colourB = "colour_b" }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue) + ["type"])
        self.init(components: try f("components"), colourA: try f("colour_a", default: .named("white")), colourB: try f("colour_b", default: .named("black")))
    }
}

/// A Gabor patch: a sine grating under a circular Gaussian envelope of standard deviation `sigmaDeg`,
/// fading to the mean of its two colours.
public struct Gabor: Codable, Sendable, Equatable {
    public var grating: Grating
    /// Standard deviation of the envelope (deg).
    public var sigmaDeg: Double
    public init(grating: Grating, sigmaDeg: Double) { self.grating = grating; self.sigmaDeg = sigmaDeg }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: Grating.ownKeys + Modulation.keys + ["sigma_deg", "type"])
        self.init(grating: try Grating(f, waveform: .sine), sigmaDeg: try f("sigma_deg"))
    }
    public func encode(to encoder: Encoder) throws {
        try grating.encode(to: encoder)
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(sigmaDeg, forKey: .init(stringValue: "sigma_deg"))
    }
}

/// A checkerboard of square checks, a check corner at the pattern centre.
public struct Checkerboard: Codable, Sendable, Equatable {
    /// Side of one check (deg).
    public var checkSizeDeg: Double
    public var colourA: Colour
    public var colourB: Colour
    public init(checkSizeDeg: Double, colourA: Colour = .named("white"), colourB: Colour = .named("black")) {
        self.checkSizeDeg = checkSizeDeg; self.colourA = colourA; self.colourB = colourB
    }
    enum CodingKeys: String, CodingKey, CaseIterable { case checkSizeDeg = "check_size_deg", colourA = "colour_a", colourB = "colour_b" }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue) + ["type"])
        self.init(checkSizeDeg: try f("check_size_deg"), colourA: try f("colour_a", default: .named("white")), colourB: try f("colour_b", default: .named("black")))
    }
}

/// A square grid of filled discs (colour A) on colour B, one disc centred on the pattern centre.
public struct CircleGrid: Codable, Sendable, Equatable {
    /// Centre-to-centre distance (deg).
    public var spacingDeg: Double
    /// Disc diameter (deg).
    public var diameterDeg: Double
    public var colourA: Colour
    public var colourB: Colour
    public init(spacingDeg: Double, diameterDeg: Double, colourA: Colour, colourB: Colour) {
        self.spacingDeg = spacingDeg; self.diameterDeg = diameterDeg; self.colourA = colourA; self.colourB = colourB
    }
    enum CodingKeys: String, CodingKey, CaseIterable { case spacingDeg = "spacing_deg", diameterDeg = "diameter_deg", colourA = "colour_a", colourB = "colour_b" }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue) + ["type"])
        self.init(spacingDeg: try f("spacing_deg"), diameterDeg: try f("diameter_deg"),
                  colourA: try f("colour_a", default: .named("red")), colourB: try f("colour_b", default: .named("black")))
    }
}

/// A square grid of upright plus-shaped crosses (colour A) on colour B, one centred on the pattern centre.
public struct CrossGrid: Codable, Sendable, Equatable {
    /// Centre-to-centre distance (deg).
    public var spacingDeg: Double
    /// Length of each of the cross's two bars, end to end (deg).
    public var armLengthDeg: Double
    /// Width of the bars (deg).
    public var lineWidthDeg: Double
    public var colourA: Colour
    public var colourB: Colour
    public init(spacingDeg: Double, armLengthDeg: Double, lineWidthDeg: Double, colourA: Colour, colourB: Colour) {
        self.spacingDeg = spacingDeg; self.armLengthDeg = armLengthDeg; self.lineWidthDeg = lineWidthDeg; self.colourA = colourA; self.colourB = colourB
    }
    enum CodingKeys: String, CodingKey, CaseIterable {
        case spacingDeg = "spacing_deg", armLengthDeg = "arm_length_deg", lineWidthDeg = "line_width_deg", colourA = "colour_a", colourB = "colour_b"
    }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue) + ["type"])
        self.init(spacingDeg: try f("spacing_deg"), armLengthDeg: try f("arm_length_deg"), lineWidthDeg: try f("line_width_deg"),
                  colourA: try f("colour_a", default: .named("lime")), colourB: try f("colour_b", default: .named("black")))
    }
}

/// Concentric rings around the pattern centre, modulated along the radius.
public struct ConcentricRings: Codable, Sendable, Equatable {
    /// Radial frequency (cycles/deg).
    public var cyclesPerDegree: Double
    public var modulation: Modulation
    public init(cyclesPerDegree: Double, modulation: Modulation) { self.cyclesPerDegree = cyclesPerDegree; self.modulation = modulation }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: ["cycles_per_degree", "type"] + Modulation.keys)
        self.init(cyclesPerDegree: try f("cycles_per_degree"), modulation: try Modulation(f, defaultWaveform: .square))
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(cyclesPerDegree, forKey: .init(stringValue: "cycles_per_degree"))
        try modulation.encode(to: encoder)
    }
}

/// A radial pattern (windmill): sectors around the pattern centre, modulated along the polar angle.
public struct Radial: Codable, Sendable, Equatable {
    /// Cycles per full turn (a square windmill with 8 has 8 sectors of each colour).
    public var cyclesPerRevolution: Double
    public var modulation: Modulation
    public init(cyclesPerRevolution: Double, modulation: Modulation) { self.cyclesPerRevolution = cyclesPerRevolution; self.modulation = modulation }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: ["cycles_per_revolution", "type"] + Modulation.keys)
        self.init(cyclesPerRevolution: try f("cycles_per_revolution"), modulation: try Modulation(f, defaultWaveform: .square))
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(cyclesPerRevolution, forKey: .init(stringValue: "cycles_per_revolution"))
        try modulation.encode(to: encoder)
    }
}

/// Seeded noise of square elements between two colours; the same seed gives the same image everywhere.
public struct Noise: Codable, Sendable, Equatable {
    public enum Distribution: String, Codable, Sendable, CaseIterable {
        /// Weight of colour A uniform in 0.5 ± contrast/2.
        case uniform
        /// Weight of colour A 0.5 + contrast/2 or 0.5 − contrast/2, with equal probability.
        case binary
    }
    public var seed: UInt64
    /// Side of one noise element (deg).
    public var elementSizeDeg: Double
    public var distribution: Distribution
    /// Modulation depth 0...1.
    public var contrast: Double
    public var colourA: Colour
    public var colourB: Colour
    public init(seed: UInt64, elementSizeDeg: Double, distribution: Distribution = .uniform, contrast: Double = 1,
                colourA: Colour = .named("white"), colourB: Colour = .named("black")) {
        self.seed = seed; self.elementSizeDeg = elementSizeDeg; self.distribution = distribution; self.contrast = contrast
        self.colourA = colourA; self.colourB = colourB
    }
    enum CodingKeys: String, CodingKey, CaseIterable {
        case seed, elementSizeDeg = "element_size_deg", distribution, contrast, colourA = "colour_a", colourB = "colour_b"
    }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue) + ["type"])
        self.init(seed: try f("seed"), elementSizeDeg: try f("element_size_deg"), distribution: try f("distribution", default: .uniform),
                  contrast: try f("contrast", default: 1), colourA: try f("colour_a", default: .named("white")), colourB: try f("colour_b", default: .named("black")))
    }
}

/// A PNG image file shown at a given width, centred; its pixels are read as sRGB.
public struct ImageFile: Codable, Sendable, Equatable {
    /// Path of the PNG, relative to the stimulus file's folder (or absolute).
    public var file: String
    /// Displayed width (deg); the height follows the image's aspect ratio.
    public var widthDeg: Double
    /// Colour outside the image.
    public var surround: Colour
    public init(file: String, widthDeg: Double, surround: Colour = .linearRGB([0.5, 0.5, 0.5])) {
        self.file = file; self.widthDeg = widthDeg; self.surround = surround
    }
    enum CodingKeys: String, CodingKey, CaseIterable { case file, widthDeg = "width_deg", surround }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue) + ["type"])
        self.init(file: try f("file"), widthDeg: try f("width_deg"), surround: try f("surround", default: .linearRGB([0.5, 0.5, 0.5])))
    }
}

/// A grid of patterns, each centred in its own cell: 2×2 gives Bach's quadrant test figure,
/// 1×N patterns side by side.
public struct Tiles: Codable, Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    /// `rows × columns` patterns, row by row from the top left.
    public var tiles: [Pattern]
    public init(rows: Int, columns: Int, tiles: [Pattern]) { self.rows = rows; self.columns = columns; self.tiles = tiles }
    enum CodingKeys: String, CodingKey, CaseIterable { case rows, columns, tiles }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue) + ["type"])
        self.init(rows: try f("rows"), columns: try f("columns"), tiles: try f("tiles"))
    }
}

/// One layer: a pattern seen through an aperture, drawn over what lies below it.
public struct Layer: Codable, Sendable, Equatable {
    public var pattern: Pattern
    public var aperture: Aperture
    public init(pattern: Pattern, aperture: Aperture = Aperture()) { self.pattern = pattern; self.aperture = aperture }
    enum CodingKeys: String, CodingKey, CaseIterable { case pattern, aperture }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        self.init(pattern: try f("pattern"), aperture: try f("aperture", default: Aperture()))
    }
}

/// A continuous transition between two patterns: `(1 − t) × from + t × to` in linear light.
public struct Morph: Codable, Sendable, Equatable {
    public var from: Pattern
    public var to: Pattern
    /// Position along the transition, 0 (all `from`) ... 1 (all `to`).
    public var t: Double
    public init(from: Pattern, to: Pattern, t: Double) { self.from = from; self.to = to; self.t = t }
    enum CodingKeys: String, CodingKey, CaseIterable { case from, to, t }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue) + ["type"])
        self.init(from: try f("from"), to: try f("to"), t: try f("t"))
    }
}
