/// The scalar that dreaming maximises on one layer's activation `a` (shape [1, C, H, W], or any
/// shape whose axis 1 is the channel axis).
public enum DreamObjective: Sendable, Equatable {
    /// ½·Σ a² over the whole layer: DeepDream's `objective_L2`, whose gradient is `a` itself.
    case l2
    /// The mean of channel `c`'s activations over its positions (and the batch).
    case channelMean(Int)

    /// The objective's value for activation `a`.
    public func value(_ a: Tensor) throws -> Double {
        switch self {
        case .l2:
            return a.data.reduce(0) { $0 + 0.5 * Double($1) * Double($1) }
        case .channelMean(let c):
            let positions = try channelPositions(a, c)
            return positions.reduce(0) { $0 + Double(a.data[$1]) } / Double(positions.count)
        }
    }

    /// ∂value/∂a, the seed of the backward pass.
    public func gradient(_ a: Tensor) throws -> Tensor {
        switch self {
        case .l2:
            return a
        case .channelMean(let c):
            let positions = try channelPositions(a, c)
            var g = Tensor(shape: a.shape)
            let weight = 1 / Float(positions.count)
            for i in positions { g.data[i] = weight }
            return g
        }
    }

    /// Flat indices of channel `c` in `a`; throws when `a` has no channel axis or `c` is out of range.
    private func channelPositions(_ a: Tensor, _ c: Int) throws -> [Int] {
        guard a.rank >= 2 else { throw NeuralError("--channel needs a layer with a channel axis; this layer has shape \(a.shape)") }
        let channels = a.shape[1]
        guard (0..<channels).contains(c) else {
            throw NeuralError("channel \(c) is out of range: the layer has \(channels) channels (0…\(channels - 1))")
        }
        let inner = a.shape.dropFirst(2).reduce(1, *)
        return (0..<a.shape[0]).flatMap { n in
            let start = (n * channels + c) * inner
            return start..<start + inner
        }
    }
}
