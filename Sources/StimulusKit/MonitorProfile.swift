import Foundation
import Yams

/// A monitor profile: each gun's transfer function (gamma or measured table), the primaries' and
/// white point's CIE 1931 xy, the white's luminance (cd/m²) and optionally the viewing geometry.
/// Loaded from YAML (`MonitorProfile.load`) or fitted by `GammaCalibration`.
public struct MonitorProfile: Codable, Sendable {
    /// A label for manifests and reports.
    public var name: String
    /// Transfer functions of the red, green and blue guns.
    public var transfer: GunTransfers
    /// Chromaticities of the three primaries.
    public var primaries: Primaries
    /// Chromaticity of full white (all guns at maximum).
    public var whitePoint: Chromaticity
    /// Luminance of full white (cd/m²).
    public var maxLuminanceCdM2: Double
    /// Screen size, resolution and viewing distance, when the profile states them.
    public var geometry: ViewingGeometry?

    /// Chromaticities of the red, green and blue primaries.
    public struct Primaries: Codable, Sendable, Equatable {
        public var red: Chromaticity, green: Chromaticity, blue: Chromaticity
        public init(red: Chromaticity, green: Chromaticity, blue: Chromaticity) {
            self.red = red; self.green = green; self.blue = blue
        }
        /// ITU-R BT.709 / sRGB primaries.
        public static let bt709 = Primaries(red: .init(x: 0.64, y: 0.33), green: .init(x: 0.30, y: 0.60), blue: .init(x: 0.15, y: 0.06))
    }

    /// One transfer function per gun. In YAML either one function for all three
    /// (`transfer: srgb`, `transfer: {gamma: 2.2}`) or `{red: …, green: …, blue: …}`.
    public struct GunTransfers: Codable, Sendable, Equatable {
        public var red: TransferFunction, green: TransferFunction, blue: TransferFunction
        public init(red: TransferFunction, green: TransferFunction, blue: TransferFunction) {
            self.red = red; self.green = green; self.blue = blue
        }
        public init(all f: TransferFunction) { self.init(red: f, green: f, blue: f) }
        public var guns: [TransferFunction] { [red, green, blue] }

        enum CodingKeys: String, CodingKey { case red, green, blue }
        public init(from decoder: Decoder) throws {
            if let keyed = try? decoder.container(keyedBy: AnyCodingKey.self),
               keyed.allKeys.contains(where: { ["red", "green", "blue"].contains($0.stringValue) }) {
                try rejectUnknownKeys(decoder, allowed: ["red", "green", "blue"])
                let c = try decoder.container(keyedBy: CodingKeys.self)
                self.init(red: try c.decode(TransferFunction.self, forKey: .red),
                          green: try c.decode(TransferFunction.self, forKey: .green),
                          blue: try c.decode(TransferFunction.self, forKey: .blue))
            } else {
                self.init(all: try TransferFunction(from: decoder))
            }
        }
    }

    public init(name: String, transfer: GunTransfers, primaries: Primaries, whitePoint: Chromaticity,
                maxLuminanceCdM2: Double, geometry: ViewingGeometry? = nil) {
        self.name = name
        self.transfer = transfer
        self.primaries = primaries
        self.whitePoint = whitePoint
        self.maxLuminanceCdM2 = maxLuminanceCdM2
        self.geometry = geometry
    }

    /// A standard sRGB display (IEC 61966-2-1): sRGB curve on every gun, BT.709 primaries, D65 white,
    /// 80 cd/m² white, standard viewing geometry.
    public static let standardSRGB = MonitorProfile(name: "standard sRGB", transfer: GunTransfers(all: .sRGB),
        primaries: .bt709, whitePoint: .d65, maxLuminanceCdM2: 80, geometry: .standard)

    /// Loads and validates a profile YAML file; errors carry the file, line, column and field path.
    public static func load(from url: URL) throws -> MonitorProfile {
        let profile: MonitorProfile = try YAMLFile.decode(MonitorProfile.self, from: url)
        do { try profile.validate() } catch { throw YAMLFileError(file: url.path, line: nil, column: nil, fieldPath: "", message: "\(error)") }
        return profile
    }

    /// Checks every parameter; the error names the field.
    public func validate() throws {
        for (f, field) in zip(transfer.guns, ["transfer.red", "transfer.green", "transfer.blue"]) { try f.validate(field: field) }
        guard maxLuminanceCdM2 > 0, maxLuminanceCdM2.isFinite else {
            throw ProfileError.invalid(field: "max_luminance_cd_m2", reason: "must be > 0, got \(maxLuminanceCdM2)")
        }
        guard rgbToXYZ.inverse != nil else {
            throw ProfileError.invalid(field: "primaries_xy", reason: "the three primaries are collinear: no gamut")
        }
        try geometry?.validate()
    }

    /// Linear RGB (0...1 per gun) → CIE XYZ relative to the white (white has Y = 1).
    public var rgbToXYZ: Matrix3 {
        let p = Matrix3(columns: primaries.red.xyz(luminance: 1), primaries.green.xyz(luminance: 1), primaries.blue.xyz(luminance: 1))
        let w = whitePoint.xyz(luminance: 1)
        guard let pinv = p.inverse else { return p }
        let s = pinv * w
        return Matrix3(columns: primaries.red.xyz(luminance: 1) * s.x, primaries.green.xyz(luminance: 1) * s.y, primaries.blue.xyz(luminance: 1) * s.z)
    }

    /// CIE XYZ relative to the white (white Y = 1) → linear RGB.
    public var xyzToRGB: Matrix3 { rgbToXYZ.inverse! }

    /// Relative luminance Y/Y_white (0...1) of a linear RGB triple.
    public func relativeLuminance(r: Double, g: Double, b: Double) -> Double {
        (rgbToXYZ.rows[1] * SIMD3(r, g, b)).sum()
    }

    /// Linear image → display image through this profile's inverse transfer functions (software
    /// gamma correction), each value rounded to the nearest 8-bit code; alpha 255.
    public func encode(_ image: LinearImage) -> DisplayImage {
        DisplayEncoder(profile: self).encode(image)
    }

    enum CodingKeys: String, CodingKey {
        case name, transfer, primaries = "primaries_xy", whitePoint = "white_point_xy"
        case maxLuminanceCdM2 = "max_luminance_cd_m2", geometry
    }

    public init(from decoder: Decoder) throws {
        try rejectUnknownKeys(decoder, allowed: ["name", "transfer", "primaries_xy", "white_point_xy", "max_luminance_cd_m2", "geometry"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decodeIfPresent(String.self, forKey: .name) ?? "unnamed monitor",
                  transfer: try c.decode(GunTransfers.self, forKey: .transfer),
                  primaries: try c.decodeIfPresent(Primaries.self, forKey: .primaries) ?? .bt709,
                  whitePoint: try c.decodeIfPresent(Chromaticity.self, forKey: .whitePoint) ?? .d65,
                  maxLuminanceCdM2: try c.decode(Double.self, forKey: .maxLuminanceCdM2),
                  geometry: try c.decodeIfPresent(ViewingGeometry.self, forKey: .geometry))
    }
}

/// A monitor profile parameter that makes no sense.
public enum ProfileError: Error, CustomStringConvertible, Equatable {
    case invalid(field: String, reason: String)
    public var description: String {
        switch self {
        case let .invalid(field, reason): return "monitor profile field \(field): \(reason)"
        }
    }
}
