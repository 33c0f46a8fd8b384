/// A Conv weight transformed for Winograd's F(4×4, 3×3) (`Winograd.transformFilters`), kept on
/// the op so that the transform is done once, when the model is loaded, not on every run.
struct WinogradFilters: Sendable {
    /// The weight these filters were transformed from.
    let source: WeightSource
    /// U [36, M, C].
    let transformed: [Float]
    /// U's 36 filters × channels matrices, each packed for NeuralKit's own kernel (`PackedMatrix`);
    /// empty for filters transformed on a call, where packing would cost as much as it saves.
    let packed: [PackedMatrix]

    /// The transform of `weight`, and with `packing` (filters kept on the op at load) U packed too.
    init(_ weight: Tensor, packing: Bool) {
        let (filters, channels) = (weight.shape[0], weight.shape[1])
        source = WeightSource(weight)
        transformed = weight.data.withUnsafeBufferPointer {
            Winograd.transformFilters($0.baseAddress!, filters: filters, channels: channels)
        }
        packed = !packing ? [] : transformed.withUnsafeBufferPointer { u in
            (0..<Winograd.positions).map { PackedMatrix(u.baseAddress! + $0 * filters * channels, rows: filters, depth: channels, lda: channels) }
        }
    }
}

extension Conv {
    /// Fewest input and output channels for which Winograd's transforms cost less than they save
    /// (a network's first layer, with 3 channels, stays with im2col).
    static let winogradMinimumChannels = 8

    /// Whether a convolution with a weight of this shape ([M, C/group, kH, kW]) runs as
    /// Winograd F(4×4, 3×3): a 3×3 kernel, stride 1, no dilation, one group, enough channels.
    func runsWinograd(weightShape w: [Int]) -> Bool {
        group == 1 && w.count == 4 && w[2] == 3 && w[3] == 3 && window.strides == (1, 1) && window.dilations == (1, 1)
            && w[0] >= Conv.winogradMinimumChannels && w[1] >= Conv.winogradMinimumChannels
    }

    /// The transformed filters for `weight`: the ones kept on the op when they belong to it,
    /// otherwise transformed now.
    func winogradFilters(for weight: Tensor) -> WinogradFilters {
        if let kept = keptWinogradFilters, kept.source.isStorage(of: weight) { return kept }
        return WinogradFilters(weight, packing: false)
    }
}

extension Network {
    /// Transforms, once, the weight of every Conv that runs as Winograd F(4×4, 3×3) and whose
    /// weight is a fixed initialiser, and keeps the result on the op.
    mutating func prepareWinogradFilters() {
        for (index, node) in nodes.enumerated() {
            guard var conv = node.op as? Conv, node.inputs.count >= 2, let weight = initializers[node.inputs[1]],
                  conv.runsWinograd(weightShape: weight.shape) else { continue }
            conv.keptWinogradFilters = WinogradFilters(weight, packing: true)
            nodes[index].op = conv
        }
    }
}
