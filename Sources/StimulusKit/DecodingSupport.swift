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
struct Fields {
    let container: KeyedDecodingContainer<AnyCodingKey>

    init(_ decoder: Decoder, allowed: [String]) throws {
        try rejectUnknownKeys(decoder, allowed: allowed)
        container = try decoder.container(keyedBy: AnyCodingKey.self)
    }

    /// A required field.
    func callAsFunction<T: Decodable>(_ key: String) throws -> T {
        try container.decode(T.self, forKey: AnyCodingKey(stringValue: key))
    }

    /// An optional field with its default.
    func callAsFunction<T: Decodable>(_ key: String, default value: T) throws -> T {
        try container.decodeIfPresent(T.self, forKey: AnyCodingKey(stringValue: key)) ?? value
    }

    /// An optional field without a default.
    func optional<T: Decodable>(_ key: String) throws -> T? {
        try container.decodeIfPresent(T.self, forKey: AnyCodingKey(stringValue: key))
    }
}
