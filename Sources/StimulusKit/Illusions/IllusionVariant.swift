extension StimulusSpec {
    /// The illusion this stimulus draws, when its pattern is one.
    public var illusion: Illusion? {
        if case let .illusion(i) = pattern { return i }
        return nil
    }

    /// This stimulus with its illusion's `illusion_strength` (dimensionless) and `difference` (the illusion's unit)
    /// replaced; nil when the pattern is not an illusion.
    public func withIllusion(strength: Double, difference: Double) -> StimulusSpec? {
        guard var i = illusion else { return nil }
        i.illusionStrength = strength
        i.difference = difference
        var copy = self
        copy.pattern = .illusion(i)
        return copy
    }
}
