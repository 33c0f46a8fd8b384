/// The version recorded with every session and every export manifest.
enum StimgenVersion {
    static let string = "0.1.0"
}
