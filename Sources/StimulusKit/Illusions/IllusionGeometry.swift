extension StimulusSpec {
    /// The derived geometry of every illusion in this spec (`IllusionFigure.measures`: sizes and positions in
    /// deg, orientations in deg anticlockwise from horizontal, luminances relative and in cd/m²), keyed by
    /// the pattern's field path; nil when the spec holds no illusion.
    public func illusionGeometry(maxLuminanceCdM2: Double) throws -> [String: [String: Double]]? {
        var out: [String: [String: Double]] = [:]
        func collect(_ p: Pattern, _ path: String) throws {
            switch p {
            case let .illusion(i): out[path] = try IllusionFigure(i, maxLuminanceCdM2: maxLuminanceCdM2, path: path).measures
            case let .tiles(t): for (k, c) in t.tiles.enumerated() { try collect(c, path + ".tiles[\(k)]") }
            case let .layers(ls): for (k, l) in ls.enumerated() { try collect(l.pattern, path + ".layers[\(k)].pattern") }
            case let .morph(m): try collect(m.from, path + ".from"); try collect(m.to, path + ".to")
            default: break
            }
        }
        try collect(pattern, "pattern")
        return out.isEmpty ? nil : out
    }
}
