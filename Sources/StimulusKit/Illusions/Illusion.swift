/// An illusion as a pattern: which one, how strong its context is and how different its targets really are,
/// all sizes in degrees of visual angle. See `IllusionKind` for the sign convention and docs/ILLUSIONS.md for
/// how each illusion maps these parameters onto its geometry.
public struct Illusion: Codable, Sendable, Equatable {
    public var kind: IllusionKind
    /// Context strength (dimensionless): 0 none, positive classic, negative reversed; |value| ≤ `kind.strengthLimit`.
    public var illusionStrength: Double
    /// Physical difference target A − target B, in `kind.differenceUnit`.
    public var difference: Double
    /// Base size of the targets (deg): line length, disc diameter, patch side or grating diameter.
    public var sizeDeg: Double
    /// Width of every drawn line (deg).
    public var lineWidthDeg: Double
    /// Colour of the targets in line-drawing illusions.
    public var colourA: Colour
    /// Colour of the context (fins, inducers, rails, hatches, bar, frame) in line-drawing illusions.
    public var colourB: Colour
    /// Mean relative luminance of the targets in lightness illusions (0–1 of the monitor's white).
    public var luminance: Double
    /// Spatial frequency of the tilt illusion's gratings (cycles/deg).
    public var cyclesPerDegree: Double

    public init(kind: IllusionKind, illusionStrength: Double = 1, difference: Double = 0, sizeDeg: Double = 2,
                lineWidthDeg: Double = 0.08, colourA: Colour = .named("black"), colourB: Colour = .named("black"),
                luminance: Double = 0.2, cyclesPerDegree: Double = 2) {
        self.kind = kind; self.illusionStrength = illusionStrength; self.difference = difference; self.sizeDeg = sizeDeg
        self.lineWidthDeg = lineWidthDeg; self.colourA = colourA; self.colourB = colourB
        self.luminance = luminance; self.cyclesPerDegree = cyclesPerDegree
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind = "illusion", illusionStrength = "illusion_strength", difference, sizeDeg = "size_deg"
        case lineWidthDeg = "line_width_deg", colourA = "colour_a", colourB = "colour_b", luminance
        case cyclesPerDegree = "cycles_per_degree"
    }

    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue) + ["type"])
        let d = Illusion(kind: .mullerLyer)
        let name: String = try f("illusion")
        guard let kind = IllusionKind(rawValue: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [AnyCodingKey(stringValue: "illusion")],
                debugDescription: "unknown illusion '\(name)'; valid illusions: \(IllusionKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        self.init(kind: kind, illusionStrength: try f("illusion_strength", default: d.illusionStrength),
                  difference: try f("difference", default: d.difference), sizeDeg: try f("size_deg", default: d.sizeDeg),
                  lineWidthDeg: try f("line_width_deg", default: d.lineWidthDeg), colourA: try f("colour_a", default: d.colourA),
                  colourB: try f("colour_b", default: d.colourB), luminance: try f("luminance", default: d.luminance),
                  cyclesPerDegree: try f("cycles_per_degree", default: d.cyclesPerDegree))
    }

    /// Checks the parameters every illusion shares; the geometry builders check what depends on the kind.
    func validate(_ path: String) throws {
        for (key, v) in [("size_deg", sizeDeg), ("line_width_deg", lineWidthDeg), ("cycles_per_degree", cyclesPerDegree)] {
            guard v > 0, v.isFinite else { throw StimulusError.invalid(path + "." + key, "must be > 0, got \(v)") }
        }
        guard illusionStrength.isFinite, abs(illusionStrength) <= kind.strengthLimit else {
            throw StimulusError.invalid(path + ".illusion_strength",
                                        "must lie in −\(kind.strengthLimit)…\(kind.strengthLimit) for \(kind.rawValue), got \(illusionStrength)")
        }
        guard difference.isFinite else { throw StimulusError.invalid(path + ".difference", "must be a finite number") }
        guard luminance > 0, luminance < 1 else { throw StimulusError.invalid(path + ".luminance", "must lie in 0…1 (exclusive), got \(luminance)") }
    }
}
