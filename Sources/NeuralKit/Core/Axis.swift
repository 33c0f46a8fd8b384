/// Normalises a possibly negative ONNX axis into 0..<rank, or throws naming the valid range.
func normaliseAxis(_ axis: Int, rank: Int, what: String = "axis") throws -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    guard resolved >= 0, resolved < rank else {
        throw NeuralError("\(what) \(axis) is out of range for a rank-\(rank) tensor (valid: \(-rank)...\(rank - 1))")
    }
    return resolved
}
