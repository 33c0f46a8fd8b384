/// A coding key for any string, used to see every key a YAML mapping holds.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

/// Throws when a mapping holds a key outside `allowed`, so that a misspelt parameter is an error
/// rather than silently falling back to a default. The message lists the valid keys.
func rejectUnknownKeys(_ decoder: Decoder, allowed: [String]) throws {
    let c = try decoder.container(keyedBy: AnyCodingKey.self)
    for key in c.allKeys where !allowed.contains(key.stringValue) {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [key],
            debugDescription: "unknown key '\(key.stringValue)'; valid keys: \(allowed.joined(separator: ", "))"))
    }
}

/// Reads a YAML mapping's fields with defaults, after rejecting keys outside `allowed`.
///
/// A size in degrees of visual angle (`X_deg`, see `PixelSizes`) may instead be given in screen
/// pixels as `X_px`; it is converted with the pixels per degree the file is read for.
struct Fields {
    let container: KeyedDecodingContainer<AnyCodingKey>
    let pixelSizes: PixelSizes

    init(_ decoder: Decoder, allowed: [String]) throws {
        try rejectUnknownKeys(decoder, allowed: allowed + allowed.compactMap(PixelSizes.pixelKey))
        container = try decoder.container(keyedBy: AnyCodingKey.self)
        pixelSizes = PixelSizes(decoder.userInfo[.pixelsPerDegree] as? Double)
        try pixelSizes.rejectBothUnits(in: container, allowed: allowed)
    }

    /// A required field.
    func callAsFunction<T: Decodable>(_ key: String) throws -> T {
        if let value: T = try pixelSizes.degrees(key, in: container) { return value }
        return try container.decode(T.self, forKey: AnyCodingKey(stringValue: key))
    }

    /// An optional field with its default.
    func callAsFunction<T: Decodable>(_ key: String, default value: T) throws -> T {
        try optional(key) ?? value
    }

    /// An optional field without a default.
    func optional<T: Decodable>(_ key: String) throws -> T? {
        if let value: T = try pixelSizes.degrees(key, in: container) { return value }
        return try container.decodeIfPresent(T.self, forKey: AnyCodingKey(stringValue: key))
    }
}
