/// What fills a stimulus, before any aperture. In YAML a mapping whose `type` names the kind
/// (see `Pattern.typeNames`) and whose other keys are that kind's parameters, with units in their names.
public indirect enum Pattern: Sendable, Equatable, Codable {
    case uniform(Colour)
    case sineGrating(Grating)
    case squareGrating(Grating)
    case plaid(Plaid)
    case gabor(Gabor)
    case checkerboard(Checkerboard)
    case circleGrid(CircleGrid)
    case crossGrid(CrossGrid)
    case concentricRings(ConcentricRings)
    case radial(Radial)
    case noise(Noise)
    case image(ImageFile)
    case tiles(Tiles)
    case layers([Layer])
    case morph(Morph)
    case illusion(Illusion)

    /// The `type` values a stimulus file may use.
    public static let typeNames = ["uniform", "sine_grating", "square_grating", "plaid", "gabor", "checkerboard", "circle_grid",
                                   "cross_grid", "concentric_rings", "radial", "noise", "image", "tiles", "layers", "morph", "illusion"]

    public var typeName: String {
        switch self {
        case .uniform: return "uniform"
        case .sineGrating: return "sine_grating"
        case .squareGrating: return "square_grating"
        case .plaid: return "plaid"
        case .gabor: return "gabor"
        case .checkerboard: return "checkerboard"
        case .circleGrid: return "circle_grid"
        case .crossGrid: return "cross_grid"
        case .concentricRings: return "concentric_rings"
        case .radial: return "radial"
        case .noise: return "noise"
        case .image: return "image"
        case .tiles: return "tiles"
        case .layers: return "layers"
        case .morph: return "morph"
        case .illusion: return "illusion"
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        let type = try c.decode(String.self, forKey: AnyCodingKey(stringValue: "type"))
        switch type {
        case "uniform":
            let f = try Fields(decoder, allowed: ["type", "colour"])
            self = .uniform(try f("colour"))
        case "sine_grating":
            self = .sineGrating(try Grating(Fields(decoder, allowed: Grating.ownKeys + Modulation.keys + ["type"]), waveform: .sine))
        case "square_grating":
            self = .squareGrating(try Grating(Fields(decoder, allowed: Grating.ownKeys + Modulation.keys + ["type"]), waveform: .square))
        case "plaid": self = .plaid(try Plaid(from: decoder))
        case "gabor": self = .gabor(try Gabor(from: decoder))
        case "checkerboard": self = .checkerboard(try Checkerboard(from: decoder))
        case "circle_grid": self = .circleGrid(try CircleGrid(from: decoder))
        case "cross_grid": self = .crossGrid(try CrossGrid(from: decoder))
        case "concentric_rings": self = .concentricRings(try ConcentricRings(from: decoder))
        case "radial": self = .radial(try Radial(from: decoder))
        case "noise": self = .noise(try Noise(from: decoder))
        case "image": self = .image(try ImageFile(from: decoder))
        case "tiles": self = .tiles(try Tiles(from: decoder))
        case "layers":
            let f = try Fields(decoder, allowed: ["type", "layers"])
            self = .layers(try f("layers"))
        case "morph": self = .morph(try Morph(from: decoder))
        case "illusion": self = .illusion(try Illusion(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [AnyCodingKey(stringValue: "type")],
                debugDescription: "unknown pattern type '\(type)'; valid types: \(Self.typeNames.joined(separator: ", "))"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: AnyCodingKey.self)
        try c.encode(typeName, forKey: AnyCodingKey(stringValue: "type"))
        switch self {
        case let .uniform(colour): try c.encode(colour, forKey: AnyCodingKey(stringValue: "colour"))
        case let .sineGrating(g), let .squareGrating(g): try g.encode(to: encoder)
        case let .plaid(p): try p.encode(to: encoder)
        case let .gabor(g): try g.encode(to: encoder)
        case let .checkerboard(p): try p.encode(to: encoder)
        case let .circleGrid(p): try p.encode(to: encoder)
        case let .crossGrid(p): try p.encode(to: encoder)
        case let .concentricRings(p): try p.encode(to: encoder)
        case let .radial(p): try p.encode(to: encoder)
        case let .noise(p): try p.encode(to: encoder)
        case let .image(p): try p.encode(to: encoder)
        case let .tiles(p): try p.encode(to: encoder)
        case let .layers(l): try c.encode(l, forKey: AnyCodingKey(stringValue: "layers"))
        case let .morph(m): try m.encode(to: encoder)
        case let .illusion(i): try i.encode(to: encoder)
        }
    }
}
