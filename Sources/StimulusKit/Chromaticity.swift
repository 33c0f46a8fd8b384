/// A CIE 1931 xy chromaticity.
public struct Chromaticity: Sendable, Equatable, Codable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }

    /// CIE standard illuminant D65 (x 0.3127, y 0.3290), the sRGB white.
    public static let d65 = Chromaticity(x: 0.3127, y: 0.3290)

    /// CIE XYZ of this chromaticity at luminance `Y` (any unit; X and Z come out in the same unit).
    public func xyz(luminance Y: Double) -> SIMD3<Double> {
        SIMD3(x * Y / y, Y, (1 - x - y) * Y / y)
    }

    /// Chromaticity of a CIE XYZ triple; nil for black (X + Y + Z = 0).
    public init?(xyz: SIMD3<Double>) {
        let s = xyz.sum()
        guard s > 0 else { return nil }
        self.init(x: xyz.x / s, y: xyz.y / s)
    }

    /// Encodes as the two-element list `[x, y]` used in profile files.
    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let x = try c.decode(Double.self), y = try c.decode(Double.self)
        guard c.isAtEnd else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a chromaticity is [x, y]: two numbers")
        }
        guard x > 0, y > 0, x + y <= 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "CIE xy (\(x), \(y)) is not a chromaticity: need x > 0, y > 0, x + y ≤ 1"))
        }
        self.init(x: x, y: y)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(x)
        try c.encode(y)
    }
}
