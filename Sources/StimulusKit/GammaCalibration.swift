import Foundation

/// Photometer readings of a display → a monitor profile, by PsychoPy's gamma model (its `eq=1`):
/// `L(v) = a + (k v)^γ` per gun, with the black level `a = L(0)` and `k = (L(1) − a)^(1/γ)` fixed by the
/// measured end points and γ fitted by least squares on every reading in between.
///
/// The CSV has a header naming its columns: `gun` (red, green, blue; `white` rows give the white point),
/// `level` (drive level 0…1) or `level_255` (0…255), `luminance_cd_m2`, and optionally `x`, `y`
/// (CIE 1931 chromaticity). Each gun needs readings at levels 0 and 1 and at least one between.
public enum GammaCalibration {
    public struct Reading: Sendable, Equatable {
        public var gun: String
        /// Drive level (0…1).
        public var level: Double
        /// Measured luminance (cd/m²).
        public var luminanceCdM2: Double
        public var chromaticity: Chromaticity?
    }

    /// One gun's fit.
    public struct GunFit: Sendable {
        public let gun: String
        public let gamma: Double
        /// Black level a (cd/m²) and maximum L(1) (cd/m²).
        public let minLuminanceCdM2: Double, maxLuminanceCdM2: Double
        /// (level, measured, fitted) for each reading (cd/m²).
        public let points: [(level: Double, measured: Double, fitted: Double)]
        /// Root-mean-square residual (cd/m²).
        public var rmsResidualCdM2: Double {
            (points.map { pow($0.measured - $0.fitted, 2) }.reduce(0, +) / Double(points.count)).squareRoot()
        }
        public func model(_ v: Double) -> Double {
            minLuminanceCdM2 + pow(pow(maxLuminanceCdM2 - minLuminanceCdM2, 1 / gamma) * v, gamma)
        }
    }

    public struct Result: Sendable {
        public let fits: [GunFit]
        public let profile: MonitorProfile
        /// True when the CSV had chromaticities; otherwise the profile assumes sRGB primaries and D65.
        public let measuredChromaticity: Bool
    }

    /// Parses the CSV; errors name the file and line.
    public static func readings(csv text: String, file: String) throws -> [Reading] {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let header = lines.first?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw CalibrationError.csv(file: file, line: 1, "the file is empty")
        }
        func column(_ n: String) -> Int? { header.firstIndex(of: n) }
        guard let gunCol = column("gun"), let lumCol = column("luminance_cd_m2") else {
            throw CalibrationError.csv(file: file, line: 1, "header needs columns gun, level (0…1) or level_255, luminance_cd_m2, and optionally x, y; got \(header.joined(separator: ","))")
        }
        let levelCol = column("level"), level255Col = column("level_255")
        guard levelCol != nil || level255Col != nil else {
            throw CalibrationError.csv(file: file, line: 1, "header needs a level (0…1) or level_255 (0…255) column")
        }
        let xCol = column("x"), yCol = column("y")
        var out: [Reading] = []
        for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty && !line.hasPrefix("#") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func number(_ c: Int?, _ name: String) throws -> Double? {
                guard let c else { return nil }
                guard c < f.count, let v = Double(f[c]) else {
                    throw CalibrationError.csv(file: file, line: i + 1, "\(name) is not a number: '\(c < f.count ? f[c] : "")'")
                }
                return v
            }
            let gun = gunCol < f.count ? f[gunCol].lowercased() : ""
            guard ["red", "green", "blue", "white"].contains(gun) else {
                throw CalibrationError.csv(file: file, line: i + 1, "gun '\(gun)' is not one of red, green, blue, white")
            }
            let level = try number(levelCol, "level") ?? (try number(level255Col, "level_255")! / 255)
            guard (0...1).contains(level) else { throw CalibrationError.csv(file: file, line: i + 1, "level \(level) is outside 0…1") }
            let lum = try number(lumCol, "luminance_cd_m2")!
            guard lum >= 0 else { throw CalibrationError.csv(file: file, line: i + 1, "luminance_cd_m2 must be ≥ 0") }
            var xy: Chromaticity?
            if let x = try number(xCol, "x"), let y = try number(yCol, "y") { xy = Chromaticity(x: x, y: y) }
            out.append(Reading(gun: gun, level: level, luminanceCdM2: lum, chromaticity: xy))
        }
        return out
    }

    /// Fits γ for one gun's readings by golden-section search on the squared error (γ in 0.2…8).
    public static func fitGun(_ gun: String, _ readings: [Reading]) throws -> GunFit {
        let pts = readings.sorted { $0.level < $1.level }
        guard let lo = pts.first, lo.level == 0, let hi = pts.last, hi.level == 1, pts.count >= 3 else {
            throw CalibrationError.fit(gun: gun, "needs readings at level 0, level 1 and at least one level between")
        }
        let a = lo.luminanceCdM2, top = hi.luminanceCdM2
        guard top > a else { throw CalibrationError.fit(gun: gun, "luminance at level 1 (\(top) cd/m²) is not above level 0 (\(a) cd/m²)") }
        func sse(_ g: Double) -> Double {
            pts.map { pow(a + pow(pow(top - a, 1 / g) * $0.level, g) - $0.luminanceCdM2, 2) }.reduce(0, +)
        }
        var (l, r) = (0.2, 8.0)
        let phi = (5.0.squareRoot() - 1) / 2
        var c = r - phi * (r - l), d = l + phi * (r - l)
        var fc = sse(c), fd = sse(d)
        for _ in 0..<200 where r - l > 1e-12 {
            if fc < fd { r = d; d = c; fd = fc; c = r - phi * (r - l); fc = sse(c) } else { l = c; c = d; fc = fd; d = l + phi * (r - l); fd = sse(d) }
        }
        let g = (l + r) / 2
        let fit = GunFit(gun: gun, gamma: g, minLuminanceCdM2: a, maxLuminanceCdM2: top, points: [])
        return GunFit(gun: gun, gamma: g, minLuminanceCdM2: a, maxLuminanceCdM2: top,
                      points: pts.map { ($0.level, $0.luminanceCdM2, fit.model($0.level)) })
    }

    /// Fits every gun and assembles a profile. Linear 0 is the black level: luminance above black is
    /// `Σ (L_gun(1) − a_gun) × linear_gun`; the profile's white luminance is that sum.
    public static func fit(_ readings: [Reading], name: String) throws -> Result {
        let fits = try ["red", "green", "blue"].map { g in try fitGun(g, readings.filter { $0.gun == g }) }
        let chroma = ["red", "green", "blue"].map { g in readings.last { $0.gun == g && $0.level == 1 }?.chromaticity }
        let measured = chroma.allSatisfy { $0 != nil }
        let primaries = measured ? MonitorProfile.Primaries(red: chroma[0]!, green: chroma[1]!, blue: chroma[2]!) : .bt709
        var white = Chromaticity.d65
        if let w = readings.last(where: { $0.gun == "white" && $0.level == 1 })?.chromaticity {
            white = w
        } else if measured {
            let xyz = zip(fits, chroma).map { f, c in c!.xyz(luminance: f.maxLuminanceCdM2 - f.minLuminanceCdM2) }.reduce(SIMD3<Double>(), +)
            white = Chromaticity(xyz: xyz) ?? .d65
        }
        let profile = MonitorProfile(name: name, transfer: .init(red: .gamma(fits[0].gamma), green: .gamma(fits[1].gamma), blue: .gamma(fits[2].gamma)),
                                     primaries: primaries, whitePoint: white,
                                     maxLuminanceCdM2: fits.map { $0.maxLuminanceCdM2 - $0.minLuminanceCdM2 }.reduce(0, +))
        try profile.validate()
        return Result(fits: fits, profile: profile, measuredChromaticity: measured)
    }
}

public enum CalibrationError: Error, CustomStringConvertible, Equatable {
    case csv(file: String, line: Int, String)
    case fit(gun: String, String)
    public var description: String {
        switch self {
        case let .csv(file, line, m): return "\(file):\(line): \(m)"
        case let .fit(gun, m): return "\(gun) gun: \(m)"
        }
    }
}
