/// A fixation mark drawn on top of the stimulus.
public struct FixationMark: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case cross, dot, letter }
    public var mark: Kind
    /// Cross: length of each bar end to end; dot: diameter; letter: height of the 5×7 glyph (deg).
    public var sizeDeg: Double
    /// Width of the cross's bars (deg); unused for a dot.
    public var lineWidthDeg: Double
    public var colour: Colour
    /// The character drawn by a `letter` mark (A–Z, 0–9).
    public var letter: String
    /// Position, right and up of the screen centre (deg), e.g. for jitter.
    public var offsetDeg: [Double]

    public init(mark: Kind, sizeDeg: Double, lineWidthDeg: Double = 0.1, colour: Colour = .named("white"), letter: String = "A",
                offsetDeg: [Double] = [0, 0]) {
        self.mark = mark; self.sizeDeg = sizeDeg; self.lineWidthDeg = lineWidthDeg; self.colour = colour; self.letter = letter
        self.offsetDeg = offsetDeg
    }
    enum CodingKeys: String, CodingKey, CaseIterable {
        case mark, sizeDeg = "size_deg", lineWidthDeg = "line_width_deg", colour, letter, offsetDeg = "offset_deg"
    }
    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        self.init(mark: try f("mark"), sizeDeg: try f("size_deg"), lineWidthDeg: try f("line_width_deg", default: 0.1),
                  colour: try f("colour", default: .named("white")), letter: try f("letter", default: "A"),
                  offsetDeg: try f("offset_deg", default: [0, 0]))
    }
    func validate(_ path: String) throws {
        guard sizeDeg > 0 else { throw StimulusError.invalid(path + ".size_deg", "must be > 0, got \(sizeDeg)") }
        guard mark == .dot || lineWidthDeg > 0 else { throw StimulusError.invalid(path + ".line_width_deg", "must be > 0, got \(lineWidthDeg)") }
        guard offsetDeg.count == 2 else { throw StimulusError.invalid(path + ".offset_deg", "needs [x, y]") }
        if mark == .letter {
            guard letter.count == 1, let c = letter.first, Glyphs.cells(c) != nil else {
                throw StimulusError.invalid(path + ".letter", "must be one of \(Glyphs.characters), got '\(letter)'")
            }
        }
    }
}
