/// A stimulus definition: parameters → image. A background colour, a pattern seen through an aperture,
/// and an optional fixation mark. Loaded from `Stimuli/*.yaml` by `StimulusLibrary`; rendered by
/// `StimulusRenderer`. Encoding it gives every parameter resolved, defaults included.
public struct StimulusSpec: Codable, Sendable, Equatable {
    public var name: String
    /// One line on what it is for (shown by `stimgen list stimuli`).
    public var description: String
    /// Colour outside the aperture, and the origin of DKL colours.
    public var background: Colour
    public var pattern: Pattern
    public var aperture: Aperture
    public var fixation: FixationMark?
    /// Folder that relative paths in the spec (image files) are resolved against; not encoded.
    public var baseDirectory: String?

    /// Mean grey of a full-contrast black/white grating: linear RGB 0.5.
    public static let defaultBackground = Colour.linearRGB([0.5, 0.5, 0.5])

    public init(name: String, description: String = "", background: Colour = StimulusSpec.defaultBackground,
                pattern: Pattern, aperture: Aperture = Aperture(), fixation: FixationMark? = nil) {
        self.name = name; self.description = description; self.background = background
        self.pattern = pattern; self.aperture = aperture; self.fixation = fixation
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case name, description, background, pattern, aperture, fixation }

    public static func == (a: StimulusSpec, b: StimulusSpec) -> Bool {
        a.name == b.name && a.description == b.description && a.background == b.background && a.pattern == b.pattern
            && a.aperture == b.aperture && a.fixation == b.fixation
    }

    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        self.init(name: try f("name"), description: try f("description", default: ""),
                  background: try f("background", default: Self.defaultBackground), pattern: try f("pattern"),
                  aperture: try f("aperture", default: Aperture()), fixation: try f.optional("fixation"))
    }
}

/// A stimulus parameter out of its valid range, or a colour that cannot be shown.
public enum StimulusError: Error, CustomStringConvertible, Equatable {
    /// The field path (e.g. `pattern.tiles[2].cycles_per_degree`) and what is wrong with it.
    case invalid(String, String)
    public var description: String {
        switch self {
        case let .invalid(path, reason): return "\(path): \(reason)"
        }
    }
}
