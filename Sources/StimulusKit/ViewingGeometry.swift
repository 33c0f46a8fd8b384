import Foundation

/// Viewing geometry: how big the screen is, in cm and px, and how far the eye is from it, in cm.
/// Converts between degrees of visual angle and pixels with either mapping named in `Mapping`.
public struct ViewingGeometry: Codable, Sendable, Equatable {
    /// Visible width of the screen (cm).
    public var screenWidthCm: Double
    /// Horizontal resolution (px).
    public var screenWidthPx: Int
    /// Vertical resolution (px).
    public var screenHeightPx: Int
    /// Eye-to-screen distance along the line of sight to the screen centre (cm).
    public var distanceCm: Double

    /// How degrees of visual angle map onto the flat screen.
    public enum Mapping: String, Codable, Sendable, CaseIterable {
        /// Small-angle approximation: `px = deg × π/180 × distance × px/cm`, linear at every eccentricity.
        case smallAngle = "small_angle"
        /// Exact flat-screen mapping: an eccentricity θ lies `distance × tan θ` from the centre.
        case tangent
    }

    public init(screenWidthCm: Double, screenWidthPx: Int, screenHeightPx: Int, distanceCm: Double) {
        self.screenWidthCm = screenWidthCm
        self.screenWidthPx = screenWidthPx
        self.screenHeightPx = screenHeightPx
        self.distanceCm = distanceCm
    }

    /// A 53 cm wide 1920×1080 display viewed from 57 cm (where 1 cm ≈ 1° of visual angle).
    public static let standard = ViewingGeometry(screenWidthCm: 53, screenWidthPx: 1920, screenHeightPx: 1080, distanceCm: 57)

    /// Pixel pitch (px/cm).
    public var pixelsPerCm: Double { Double(screenWidthPx) / screenWidthCm }

    /// Pixels per degree of visual angle (px/deg). `.smallAngle`: `distance × π/180 × px/cm`;
    /// `.tangent`: the width of the central degree, `2 × distance × tan(0.5°) × px/cm`.
    public func pixelsPerDegree(_ mapping: Mapping = .tangent) -> Double {
        switch mapping {
        case .smallAngle: return distanceCm * Double.pi / 180 * pixelsPerCm
        case .tangent: return 2 * distanceCm * tan(0.5 * Double.pi / 180) * pixelsPerCm
        }
    }

    /// Distance from the screen centre (px) of a point at eccentricity `degrees` (deg).
    public func pixels(fromCentreDegrees degrees: Double, _ mapping: Mapping = .tangent) -> Double {
        switch mapping {
        case .smallAngle: return degrees * pixelsPerDegree(.smallAngle)
        case .tangent: return distanceCm * tan(degrees * Double.pi / 180) * pixelsPerCm
        }
    }

    /// Eccentricity (deg) of a point `pixels` (px) from the screen centre.
    public func degrees(fromCentrePixels pixels: Double, _ mapping: Mapping = .tangent) -> Double {
        switch mapping {
        case .smallAngle: return pixels / pixelsPerDegree(.smallAngle)
        case .tangent: return atan(pixels / pixelsPerCm / distanceCm) * 180 / Double.pi
        }
    }

    /// Checks that every size is positive; the error names the offending field.
    public func validate() throws {
        if !(screenWidthCm > 0) { throw GeometryError.notPositive(field: "screen_width_cm", value: screenWidthCm) }
        if screenWidthPx <= 0 { throw GeometryError.notPositive(field: "screen_width_px", value: Double(screenWidthPx)) }
        if screenHeightPx <= 0 { throw GeometryError.notPositive(field: "screen_height_px", value: Double(screenHeightPx)) }
        if !(distanceCm > 0) { throw GeometryError.notPositive(field: "distance_cm", value: distanceCm) }
    }

    enum CodingKeys: String, CodingKey {
        case screenWidthCm = "screen_width_cm", screenWidthPx = "screen_width_px"
        case screenHeightPx = "screen_height_px", distanceCm = "distance_cm"
    }
}

/// A viewing geometry with a size that is zero, negative or not a number.
public enum GeometryError: Error, CustomStringConvertible, Equatable {
    case notPositive(field: String, value: Double)
    public var description: String {
        switch self {
        case let .notPositive(field, value): return "\(field) must be > 0, got \(value)"
        }
    }
}
