import Foundation

extension CodingUserInfoKey {
    /// Pixels per degree of visual angle (px/deg, a `Double`) that sizes given in px are read at.
    public static let pixelsPerDegree = CodingUserInfoKey(rawValue: "stimgen.pixelsPerDegree")!
}

/// Sizes given in screen pixels. Every size in a stimulus file is in degrees of visual angle
/// (`X_deg`); a size may instead be given as `X_px` (pixels of the display the stimulus is shown
/// on), which is converted to degrees with the viewing geometry's pixels per degree when the file is
/// read. Angles that are not sizes — orientations, phases, tilts, rotations — have no px form.
struct PixelSizes {
    /// Pixels per degree (px/deg) of the display the file is read for; nil when unknown.
    let pixelsPerDegree: Double?

    init(_ pixelsPerDegree: Double?) { self.pixelsPerDegree = pixelsPerDegree }

    /// Words that make a `_deg` key an angle rather than a visual-angle size.
    private static let angleWords = ["orientation", "phase", "tilt", "angle", "rotation"]

    /// `X_px` for a size key `X_deg`; nil for keys that are not sizes.
    static func pixelKey(_ degreeKey: String) -> String? {
        guard degreeKey.hasSuffix("_deg"), !angleWords.contains(where: degreeKey.contains) else { return nil }
        return String(degreeKey.dropLast(4)) + "_px"
    }

    /// A size given both ways is an error at its px key.
    func rejectBothUnits(in c: KeyedDecodingContainer<AnyCodingKey>, allowed: [String]) throws {
        for key in allowed {
            guard let px = Self.pixelKey(key), c.contains(AnyCodingKey(stringValue: key)),
                  c.contains(AnyCodingKey(stringValue: px)) else { continue }
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [AnyCodingKey(stringValue: px)],
                debugDescription: "give '\(key)' or '\(px)', not both"))
        }
    }

    /// The value of `X_px` converted to degrees when `key` is a size `X_deg` given in px; nil when
    /// the size is not given in px. Numbers and lists of numbers (e.g. `[x, y]` offsets) convert.
    func degrees<T: Decodable>(_ key: String, in c: KeyedDecodingContainer<AnyCodingKey>) throws -> T? {
        guard let px = Self.pixelKey(key) else { return nil }
        let pxKey = AnyCodingKey(stringValue: px)
        guard c.contains(pxKey) else { return nil }
        guard let ppd = pixelsPerDegree else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [pxKey],
                debugDescription: "a size in px needs the display's pixels per degree, which is not known here; give '\(key)' instead"))
        }
        if T.self == Double.self { return (try c.decode(Double.self, forKey: pxKey) / ppd) as? T }
        if T.self == [Double].self { return try c.decode([Double].self, forKey: pxKey).map { $0 / ppd } as? T }
        throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [pxKey],
            debugDescription: "'\(px)' cannot be read as a size in px"))
    }
}
