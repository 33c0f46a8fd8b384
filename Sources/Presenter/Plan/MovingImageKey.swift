/// Image keys of moving stimuli: image `k` of stimulus `name`'s animation is `name@k`.
enum MovingImageKey {
    static func key(_ name: String, image: Int) -> String { "\(name)@\(image)" }

    /// The stimulus name and animation image of a moving-image key; nil for any other key.
    static func parse(_ key: String) -> (name: String, image: Int)? {
        guard let at = key.lastIndex(of: "@"), let image = Int(key[key.index(after: at)...]) else { return nil }
        return (String(key[..<at]), image)
    }
}
