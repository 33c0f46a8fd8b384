extension Pattern {
    /// The single grating this pattern is (a sine or square grating, or a Gabor's carrier), or nil
    /// for every other pattern. Lets recorded trials carry the test's orientation (deg) and spatial
    /// frequency (cpd) as conditions.
    public var grating: Grating? {
        switch self {
        case .sineGrating(let g), .squareGrating(let g): return g
        case .gabor(let gabor): return gabor.grating
        default: return nil
        }
    }
}
