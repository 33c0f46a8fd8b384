/// An n-alternative forced choice: each alternative has its own key; the first mapped key
/// pressed after stimulus onset is the answer.
public struct ForcedChoice: Sendable, Equatable {
    /// Key names (SDL key names, lower case, e.g. "left", "right", "1") in the order of the alternatives.
    public let keys: [String]

    /// Fails with a message naming the problem when fewer than two or duplicate keys are given.
    public init(keys: [String]) throws(ResponseMethodError) {
        guard keys.count >= 2 else {
            throw ResponseMethodError("a forced choice needs at least 2 alternatives (got \(keys.count))")
        }
        guard Set(keys).count == keys.count else {
            throw ResponseMethodError("forced-choice keys must be distinct (got \(keys.joined(separator: ", ")))")
        }
        self.keys = keys
    }

    /// The alternative (0-based) a key selects, or nil for a key that selects none.
    public func alternative(forKey key: String) -> Int? {
        keys.firstIndex(of: key.lowercased())
    }

    /// The answer to one trial.
    public struct Answer: Codable, Sendable, Equatable {
        /// Chosen alternative (0-based).
        public var choice: Int
        /// Whether it is the correct one; nil when the trial has no correct answer (appearance judgements).
        public var correct: Bool?
        /// Seconds from the stimulus-onset flip to the key press.
        public var reactionTime: Double
    }

    /// Scores a key press made `reactionTime` s after onset; nil when the key selects no alternative.
    public func answer(key: String, reactionTime: Double, correctAlternative: Int?) -> Answer? {
        guard let choice = alternative(forKey: key) else { return nil }
        return Answer(choice: choice, correct: correctAlternative.map { $0 == choice }, reactionTime: reactionTime)
    }
}

/// A response method set up with values it cannot work with.
public struct ResponseMethodError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
