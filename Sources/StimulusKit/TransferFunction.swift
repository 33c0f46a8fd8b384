import Foundation

/// A display gun's transfer function: drive level v (0...1 of full scale) → normalised output
/// luminance (0...1 of that gun's maximum). `decode` is the monitor's gamma; `encode` its inverse,
/// which software gamma correction applies.
public enum TransferFunction: Sendable, Equatable, Codable {
    /// The IEC 61966-2-1 sRGB curve (linear segment below v = 0.04045, exponent 2.4 above).
    case sRGB
    /// A pure power law `v^gamma` (PsychoPy's gamma model with the black offset removed).
    case gamma(Double)
    /// A measured lookup table: normalised luminance at equally spaced drive levels from 0 to 1,
    /// non-decreasing, first 0 and last 1; linear interpolation between entries.
    case table([Double])

    /// Normalised luminance (0...1) at drive level `v` (0...1).
    public func decode(_ v: Double) -> Double {
        let v = min(max(v, 0), 1)
        switch self {
        case .sRGB: return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        case let .gamma(g): return pow(v, g)
        case let .table(t):
            let p = v * Double(t.count - 1)
            let i = min(Int(p), t.count - 2)
            return t[i] + (t[i + 1] - t[i]) * (p - Double(i))
        }
    }

    /// Drive level (0...1) giving normalised luminance `l` (0...1): the inverse of `decode`.
    public func encode(_ l: Double) -> Double {
        let l = min(max(l, 0), 1)
        switch self {
        case .sRGB: return l <= 0.0031308 ? l * 12.92 : 1.055 * pow(l, 1 / 2.4) - 0.055
        case let .gamma(g): return pow(l, 1 / g)
        case let .table(t):
            // First segment whose upper end reaches l; flat segments resolve to their start.
            guard let j = t.indices.dropFirst().first(where: { t[$0] >= l }) else { return 1 }
            let lo = t[j - 1], hi = t[j]
            let f = hi > lo ? (l - lo) / (hi - lo) : 0
            return (Double(j - 1) + f) / Double(t.count - 1)
        }
    }

    /// Checks the parameters; `field` names where they came from in the error.
    func validate(field: String) throws {
        switch self {
        case .sRGB: return
        case let .gamma(g):
            guard g > 0, g.isFinite else { throw ProfileError.invalid(field: field, reason: "gamma must be > 0, got \(g)") }
        case let .table(t):
            guard t.count >= 2 else { throw ProfileError.invalid(field: field, reason: "a lookup table needs at least 2 entries, got \(t.count)") }
            guard zip(t, t.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw ProfileError.invalid(field: field, reason: "lookup table must be non-decreasing")
            }
            guard abs(t[0]) < 1e-9, abs(t[t.count - 1] - 1) < 1e-9 else {
                throw ProfileError.invalid(field: field, reason: "lookup table must run from 0 to 1 (normalised luminance), got \(t[0])…\(t[t.count - 1])")
            }
        }
    }

    // YAML forms: `srgb`, `{gamma: 2.2}`, `{lookup_table: [0, 0.01, …, 1]}`.
    enum CodingKeys: String, CodingKey { case gamma, lookupTable = "lookup_table" }

    public init(from decoder: Decoder) throws {
        if let s = try? decoder.singleValueContainer().decode(String.self) {
            guard s.lowercased() == "srgb" else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                    debugDescription: "unknown transfer function '\(s)'; valid: srgb, {gamma: G}, {lookup_table: [...]}"))
            }
            self = .sRGB
            return
        }
        try rejectUnknownKeys(decoder, allowed: ["gamma", "lookup_table"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let g = try c.decodeIfPresent(Double.self, forKey: .gamma) { self = .gamma(g); return }
        if let t = try c.decodeIfPresent([Double].self, forKey: .lookupTable) { self = .table(t); return }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
            debugDescription: "a transfer function is one of: srgb, {gamma: G}, {lookup_table: [...]}"))
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .sRGB:
            var c = encoder.singleValueContainer()
            try c.encode("srgb")
        case let .gamma(g):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(g, forKey: .gamma)
        case let .table(t):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(t, forKey: .lookupTable)
        }
    }
}
