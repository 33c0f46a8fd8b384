/// The window a pattern is seen through: its shape, centre and edge profile.
public struct Aperture: Codable, Sendable, Equatable {
    public enum Shape: String, Codable, Sendable, CaseIterable {
        case fullField = "full_field", circle, rectangle
    }
    /// How the aperture's edge goes from pattern to what lies below.
    public enum Edge: String, Codable, Sendable, CaseIterable {
        /// A sharp edge, antialiased by pixel coverage.
        case hard
        /// A raised-cosine ramp `edgeWidthDeg` wide, centred on the nominal edge (50 % there).
        case raisedCosine = "raised_cosine"
        /// Full inside the nominal edge, falling as a Gaussian of standard deviation `edgeWidthDeg` outside it.
        case gaussian
    }
    public var shape: Shape
    /// Circle diameter (deg).
    public var diameterDeg: Double
    /// Rectangle width and height (deg).
    public var widthDeg: Double
    public var heightDeg: Double
    /// Centre, right and up of the pattern centre (deg).
    public var centreDeg: [Double]
    public var edge: Edge
    /// Ramp width (raised cosine) or standard deviation (Gaussian) of the edge (deg).
    public var edgeWidthDeg: Double

    public init(shape: Shape = .fullField, diameterDeg: Double = 0, widthDeg: Double = 0, heightDeg: Double = 0,
                centreDeg: [Double] = [0, 0], edge: Edge = .hard, edgeWidthDeg: Double = 0) {
        self.shape = shape; self.diameterDeg = diameterDeg; self.widthDeg = widthDeg; self.heightDeg = heightDeg
        self.centreDeg = centreDeg; self.edge = edge; self.edgeWidthDeg = edgeWidthDeg
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case shape, diameterDeg = "diameter_deg", widthDeg = "width_deg", heightDeg = "height_deg"
        case centreDeg = "centre_deg", edge, edgeWidthDeg = "edge_width_deg"
    }

    public init(from decoder: Decoder) throws {
        let f = try Fields(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let shape: Shape = try f("shape")
        self.init(shape: shape,
                  diameterDeg: shape == .circle ? try f("diameter_deg") : try f("diameter_deg", default: 0),
                  widthDeg: shape == .rectangle ? try f("width_deg") : try f("width_deg", default: 0),
                  heightDeg: shape == .rectangle ? try f("height_deg") : try f("height_deg", default: 0),
                  centreDeg: try f("centre_deg", default: [0, 0]), edge: try f("edge", default: .hard),
                  edgeWidthDeg: try f("edge_width_deg", default: 0))
    }

    func validate(_ path: String) throws {
        guard centreDeg.count == 2 else { throw StimulusError.invalid(path + ".centre_deg", "needs [x, y], got \(centreDeg.count) numbers") }
        switch shape {
        case .fullField: break
        case .circle:
            guard diameterDeg > 0 else { throw StimulusError.invalid(path + ".diameter_deg", "must be > 0, got \(diameterDeg)") }
        case .rectangle:
            guard widthDeg > 0 else { throw StimulusError.invalid(path + ".width_deg", "must be > 0, got \(widthDeg)") }
            guard heightDeg > 0 else { throw StimulusError.invalid(path + ".height_deg", "must be > 0, got \(heightDeg)") }
        }
        if edge != .hard && !(edgeWidthDeg > 0) {
            throw StimulusError.invalid(path + ".edge_width_deg", "a \(edge.rawValue) edge needs edge_width_deg > 0")
        }
    }
}
