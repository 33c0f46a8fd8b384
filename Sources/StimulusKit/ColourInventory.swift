/// Every colour a spec uses, with its field path, for manifests.
extension StimulusSpec {
    /// (field path, colour) pairs, background first, in document order.
    public var colourFields: [(path: String, colour: Colour)] {
        var out: [(String, Colour)] = [("background", background)]
        Self.collect(pattern, "pattern", &out)
        if let f = fixation { out.append(("fixation.colour", f.colour)) }
        return out
    }

    private static func collect(_ p: Pattern, _ path: String, _ out: inout [(String, Colour)]) {
        func two(_ a: Colour, _ b: Colour) { out.append((path + ".colour_a", a)); out.append((path + ".colour_b", b)) }
        switch p {
        case let .uniform(c): out.append((path + ".colour", c))
        case let .sineGrating(g), let .squareGrating(g): two(g.modulation.colourA, g.modulation.colourB)
        case let .gabor(g): two(g.grating.modulation.colourA, g.grating.modulation.colourB)
        case let .plaid(x): two(x.colourA, x.colourB)
        case let .checkerboard(x): two(x.colourA, x.colourB)
        case let .circleGrid(x): two(x.colourA, x.colourB)
        case let .crossGrid(x): two(x.colourA, x.colourB)
        case let .concentricRings(x): two(x.modulation.colourA, x.modulation.colourB)
        case let .radial(x): two(x.modulation.colourA, x.modulation.colourB)
        case let .noise(x): two(x.colourA, x.colourB)
        case let .image(x): out.append((path + ".surround", x.surround))
        case let .tiles(t): for (i, c) in t.tiles.enumerated() { collect(c, path + ".tiles[\(i)]", &out) }
        case let .layers(ls): for (i, l) in ls.enumerated() { collect(l.pattern, path + ".layers[\(i)].pattern", &out) }
        case let .morph(m): collect(m.from, path + ".from", &out); collect(m.to, path + ".to", &out)
        case let .illusion(x): two(x.colourA, x.colourB)
        }
    }
}
