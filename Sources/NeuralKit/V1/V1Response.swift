/// The V1 model's response to one image: the cone-contrast input and one `V1Band` per spatial
/// frequency. Layers are found by the names `V1Model.layers()` lists.
public struct V1Response: Sendable {
    /// `[1, 3, size, size]`: luminance, L−M, S−(L+M) cone contrast.
    public let opponent: Tensor
    public let bands: [V1Band]

    /// The layer named `name` (e.g. `opponent`, `complex@1.5cpd`); the error lists the valid names.
    public func layer(_ name: String) throws -> Tensor {
        if name == "opponent" { return opponent }
        for band in bands {
            let suffix = V1Model.bandSuffix(band.cpd)
            guard name.hasSuffix(suffix) else { continue }
            switch name.dropLast(suffix.count) {
            case "linear": return band.linear
            case "simple": return band.simple
            case "complex": return band.complex
            case "normalized": return band.normalized
            case "conjunctive": return band.conjunctive
            default: break
            }
        }
        let valid = ["opponent"] + bands.flatMap { b in
            ["linear", "simple", "complex", "normalized", "conjunctive"].map { $0 + V1Model.bandSuffix(b.cpd) }
        }
        throw NeuralError("the V1 model has no layer '\(name)' (layers: \(valid.joined(separator: ", ")))")
    }
}
