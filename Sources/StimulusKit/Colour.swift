import Foundation

/// A colour as a stimulus file gives it, in a named space. `linearRGB(profile:background:)` converts it
/// through a monitor profile; a colour the monitor cannot show is an error, never a silent clip.
///
/// YAML forms:
/// - a name (`red`, `black`, CSS Color 4 names, see `Colour.names`) or sRGB hex (`"#ff0000"`, `"#f00"`);
/// - `{srgb: [r, g, b]}` 0...1, gamma-encoded sRGB; `{srgb_255: [r, g, b]}` 0...255;
/// - `{linear_rgb: [r, g, b]}` 0...1 of each gun's maximum, in this monitor's own primaries;
/// - `{cie_xy: [x, y], luminance_cd_m2: Y}` CIE 1931 chromaticity and luminance;
/// - `{dkl: [luminance, l_minus_m, s_minus_lm]}` cone contrasts around the stimulus background (see `ConeSpace`).
///
/// sRGB colours (names, hex, srgb, srgb_255) mean the sRGB standard's colour: they go to CIE XYZ through
/// the sRGB definition, then into this monitor's guns, so the same name looks the same on a calibrated
/// monitor with other primaries.
public enum Colour: Sendable, Equatable, Codable, CustomStringConvertible {
    case named(String)
    case hex(String)
    case sRGB(SIMD3<Double>)
    case sRGB255(SIMD3<Double>)
    case linearRGB(SIMD3<Double>)
    case xyY(x: Double, y: Double, luminanceCdM2: Double)
    case dkl(SIMD3<Double>)

    /// CSS Color 4 names (sRGB, 0–255) accepted as colours.
    public static let names: [String: SIMD3<Double>] = [
        "black": [0, 0, 0], "white": [255, 255, 255], "gray": [128, 128, 128], "grey": [128, 128, 128],
        "red": [255, 0, 0], "lime": [0, 255, 0], "green": [0, 128, 0], "blue": [0, 0, 255],
        "yellow": [255, 255, 0], "cyan": [0, 255, 255], "magenta": [255, 0, 255], "orange": [255, 165, 0],
        "purple": [128, 0, 128], "silver": [192, 192, 192], "maroon": [128, 0, 0], "navy": [0, 0, 128],
        "teal": [0, 128, 128], "olive": [128, 128, 0],
    ]

    public var description: String {
        func list(_ v: SIMD3<Double>) -> String { "[\(v.x), \(v.y), \(v.z)]" }
        switch self {
        case let .named(n): return n
        case let .hex(h): return h
        case let .sRGB(v): return "srgb \(list(v))"
        case let .sRGB255(v): return "srgb_255 \(list(v))"
        case let .linearRGB(v): return "linear_rgb \(list(v))"
        case let .xyY(x, y, l): return "cie_xy [\(x), \(y)] at \(l) cd/m²"
        case let .dkl(v): return "dkl \(list(v))"
        }
    }

    /// The colour in this monitor's linear RGB (0...1 per gun). `background` (linear RGB) is the origin
    /// of DKL coordinates. Throws `ColourError` for unknown names, malformed values and colours outside
    /// the monitor's gamut.
    public func linearRGB(profile: MonitorProfile, background: SIMD3<Double> = [0.5, 0.5, 0.5]) throws -> SIMD3<Double> {
        let rgb: SIMD3<Double>
        switch self {
        case let .named(n):
            guard let v = Self.names[n.lowercased()] else {
                throw ColourError.unknownName(n, valid: Self.names.keys.sorted())
            }
            rgb = try Self.fromSRGB(v / 255, profile: profile)
        case let .hex(h):
            rgb = try Self.fromSRGB(try Self.parseHex(h) / 255, profile: profile)
        case let .sRGB(v):
            try Self.checkRange(v, 0...1, colour: self)
            rgb = try Self.fromSRGB(v, profile: profile)
        case let .sRGB255(v):
            try Self.checkRange(v, 0...255, colour: self)
            rgb = try Self.fromSRGB(v / 255, profile: profile)
        case let .linearRGB(v):
            rgb = v
        case let .xyY(x, y, l):
            guard x > 0, y > 0, x + y <= 1, l >= 0 else { throw ColourError.invalid(self, reason: "need x > 0, y > 0, x + y ≤ 1 and luminance ≥ 0") }
            rgb = profile.xyzToRGB * Chromaticity(x: x, y: y).xyz(luminance: l / profile.maxLuminanceCdM2)
        case let .dkl(v):
            rgb = ConeSpace(profile: profile).rgb(dkl: v, background: background)
        }
        try Self.checkGamut(rgb, colour: self)
        return rgb
    }

    /// Tolerance for rounding in conversions before a gun value counts as out of gamut.
    static let gamutTolerance = 1e-6

    static func checkGamut(_ rgb: SIMD3<Double>, colour: Colour) throws {
        for (i, gun) in ["R", "G", "B"].enumerated() {
            let v = rgb[i]
            if !(v >= -gamutTolerance) || !(v <= 1 + gamutTolerance) {
                throw ColourError.outOfGamut(colour, gun: gun, value: v)
            }
        }
    }

    /// sRGB 0...1 → CIE XYZ (sRGB definition, D65) → this monitor's linear RGB.
    static func fromSRGB(_ v: SIMD3<Double>, profile: MonitorProfile) throws -> SIMD3<Double> {
        let lin = SIMD3(TransferFunction.sRGB.decode(v.x), TransferFunction.sRGB.decode(v.y), TransferFunction.sRGB.decode(v.z))
        if profile.primaries == .bt709 && profile.whitePoint == .d65 { return lin }
        return profile.xyzToRGB * (MonitorProfile.standardSRGB.rgbToXYZ * lin)
    }

    static func checkRange(_ v: SIMD3<Double>, _ r: ClosedRange<Double>, colour: Colour) throws {
        guard r.contains(v.x), r.contains(v.y), r.contains(v.z) else {
            throw ColourError.invalid(colour, reason: "each component must lie in \(r.lowerBound)…\(r.upperBound)")
        }
    }

    static func parseHex(_ h: String) throws -> SIMD3<Double> {
        var s = Substring(h)
        if s.hasPrefix("#") { s = s.dropFirst() }
        if s.count == 3 { s = Substring(s.map { "\($0)\($0)" }.joined()) }
        guard s.count == 6, let n = UInt32(s, radix: 16) else {
            throw ColourError.invalid(.hex(h), reason: "hex colours are #rrggbb or #rgb")
        }
        return SIMD3(Double((n >> 16) & 255), Double((n >> 8) & 255), Double(n & 255))
    }

    // MARK: YAML

    enum Key: String, CodingKey, CaseIterable {
        case srgb, srgb255 = "srgb_255", linearRGB = "linear_rgb", cieXY = "cie_xy", luminance = "luminance_cd_m2", dkl
    }

    public init(from decoder: Decoder) throws {
        if let s = try? decoder.singleValueContainer().decode(String.self) {
            self = s.hasPrefix("#") ? .hex(s) : .named(s)
            if case .named(let n) = self, Self.names[n.lowercased()] == nil {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                    debugDescription: "unknown colour name '\(n)'; valid names: \(Self.names.keys.sorted().joined(separator: ", ")); or #rrggbb, {srgb: [r,g,b]}, {srgb_255: …}, {linear_rgb: …}, {cie_xy: [x,y], luminance_cd_m2: Y}, {dkl: [lum, l_minus_m, s_minus_lm]}"))
            }
            if case .hex(let h) = self {
                do { _ = try Self.parseHex(h) } catch {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
                }
            }
            return
        }
        try rejectUnknownKeys(decoder, allowed: Key.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: Key.self)
        func triple(_ k: Key) throws -> SIMD3<Double>? {
            guard let a = try c.decodeIfPresent([Double].self, forKey: k) else { return nil }
            guard a.count == 3 else {
                throw DecodingError.dataCorruptedError(forKey: k, in: c, debugDescription: "\(k.rawValue) needs 3 numbers, got \(a.count)")
            }
            return SIMD3(a[0], a[1], a[2])
        }
        if let v = try triple(.srgb) { self = .sRGB(v) }
        else if let v = try triple(.srgb255) { self = .sRGB255(v) }
        else if let v = try triple(.linearRGB) { self = .linearRGB(v) }
        else if let v = try triple(.dkl) { self = .dkl(v) }
        else if let xy = try c.decodeIfPresent([Double].self, forKey: .cieXY) {
            guard xy.count == 2 else { throw DecodingError.dataCorruptedError(forKey: .cieXY, in: c, debugDescription: "cie_xy needs [x, y]") }
            self = .xyY(x: xy[0], y: xy[1], luminanceCdM2: try c.decode(Double.self, forKey: .luminance))
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "a colour is a name, #rrggbb, or one of {srgb: [r,g,b]}, {srgb_255: [r,g,b]}, {linear_rgb: [r,g,b]}, {cie_xy: [x,y], luminance_cd_m2: Y}, {dkl: [luminance, l_minus_m, s_minus_lm]}"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case let .named(s), let .hex(s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case let .sRGB(v): try encodeTriple(v, .srgb, encoder)
        case let .sRGB255(v): try encodeTriple(v, .srgb255, encoder)
        case let .linearRGB(v): try encodeTriple(v, .linearRGB, encoder)
        case let .dkl(v): try encodeTriple(v, .dkl, encoder)
        case let .xyY(x, y, l):
            var c = encoder.container(keyedBy: Key.self)
            try c.encode([x, y], forKey: .cieXY)
            try c.encode(l, forKey: .luminance)
        }
    }

    private func encodeTriple(_ v: SIMD3<Double>, _ k: Key, _ encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode([v.x, v.y, v.z], forKey: k)
    }
}

/// A colour that cannot be shown or was not understood.
public enum ColourError: Error, CustomStringConvertible, Equatable {
    case unknownName(String, valid: [String])
    case invalid(Colour, reason: String)
    /// A gun would need a value outside 0...1 (the gamut limit).
    case outOfGamut(Colour, gun: String, value: Double)

    public var description: String {
        switch self {
        case let .unknownName(n, valid): return "unknown colour name '\(n)'; valid names: \(valid.joined(separator: ", "))"
        case let .invalid(c, reason): return "colour \(c): \(reason)"
        case let .outOfGamut(c, gun, v):
            return "colour \(c) is outside the monitor's gamut: linear \(gun) = \(String(format: "%.4f", v)), the gun's range is 0…1"
        }
    }
}
