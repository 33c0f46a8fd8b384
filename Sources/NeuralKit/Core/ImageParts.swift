/// Running a batch as one part per thread: each part goes through the whole graph on its own
/// thread, and the kept tensors are joined again along the batch axis.
///
/// Splitting each op over threads leaves the second thread waiting at every op's end, and many
/// of a CNN's ops are too small to split well; parts of a batch need no waiting until the end.
/// It applies only where every node computes each image from that image alone
/// (`computesImagesSeparately`), so the parts' outputs are the batch's outputs.
extension Network {
    /// Whether every node computes each image (index along axis 0) of its outputs from the same
    /// image of its inputs alone, and its weights have no batch axis: the ops of ImageNet-style
    /// CNNs, with their axis attributes away from axis 0. Anything else (Reshape, MatMul, Gather,
    /// ReduceMean, an axis that may be 0) counts as mixing images.
    var computesImagesSeparately: Bool {
        nodes.allSatisfy { node in
            let weights = node.inputs.dropFirst().compactMap { initializers[$0] }
            switch node.op {
            case is Conv, is Pool, is GlobalAveragePool, is Activation, is BatchNormalization, is LRN:
                return true
            case let op as Reshaping:
                if case .flatten(let axis) = op.kind { return axis >= 1 }
                return op.kind == .identity
            case let op as Concat:
                return op.axis >= 1 || op.axis == -1
            case let op as Softmax:
                return op.axis >= 1 || (op.axis == -1 && !op.coerceTo2D)
            case let op as Gemm:
                // A is the images' rows; B (and C, broadcast along the rows) are weights.
                return !op.transA && weights.count == node.inputs.count - 1 && weights.dropFirst().allSatisfy { $0.rank <= 1 || $0.shape[0] == 1 }
            case is Elementwise:
                // Operands are images of the same batch, or weights broadcast over it.
                return weights.allSatisfy { $0.rank <= 1 || $0.shape[0] == 1 } && !node.inputs.isEmpty && initializers[node.inputs[0]] == nil
            default:
                return false
            }
        }
    }

    /// The batch of `feeds` cut into `parts` parts (fewer where the batch has fewer images), each run
    /// with `run(_:keep:)` on a thread of its own, and each kept tensor joined along axis 0; nil
    /// where this cannot apply: images mixed by some node, a graph input whose batch size is
    /// fixed, feeds of different batch sizes, or a kept tensor that is not a node's output.
    func runInParts(_ feeds: [String: Tensor], keep: Set<String>, parts: Int) throws -> [String: Tensor]? {
        let batches = Set(feeds.values.map { $0.shape.first ?? 0 })
        guard parts > 1, batches.count == 1, let batch = batches.first, batch >= 2,
              inputs.allSatisfy({ $0.shape.first == .some(nil) }),
              keep.allSatisfy({ name in nodes.contains { $0.outputs.contains(name) } }), computesImagesSeparately else { return nil }
        let count = min(parts, batch)
        let ranges = (0..<count).map { batch * $0 / count..<batch * ($0 + 1) / count }
        let results = ResultSlots(count)
        Parallel.split(count) { indices in
            for index in indices {
                results.set(index, Result { try run(feeds.mapValues { $0.images(ranges[index]) }, keep: keep) })
            }
        }
        let outputs = try results.values()
        var joined = [String: Tensor]()
        for name in keep {
            let pieces = outputs.map { $0[name]! }
            guard pieces.allSatisfy({ $0.rank >= 1 && Array($0.shape.dropFirst()) == Array(pieces[0].shape.dropFirst()) }),
                  zip(pieces, ranges).allSatisfy({ $0.shape[0] == $1.count }) else { return nil }
            joined[name] = Tensor(shape: [batch] + pieces[0].shape.dropFirst(), data: pieces.flatMap(\.data))
        }
        return joined
    }
}

extension Tensor {
    /// Images `range` (along axis 0) of this tensor.
    func images(_ range: Range<Int>) -> Tensor {
        let perImage = count / max(1, shape[0])
        return Tensor(shape: [range.count] + shape.dropFirst(), data: Array(data[range.lowerBound * perImage..<range.upperBound * perImage]))
    }
}

/// One result slot per part, each written by one thread.
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<[String: Tensor], any Error>?>

    init(_ count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Slot `index` is written by one thread only, and read after every thread has finished.
    func set(_ index: Int, _ result: Result<[String: Tensor], any Error>) { slots[index] = result }

    /// Every part's tensors, or the first part's error.
    func values() throws -> [[String: Tensor]] { try slots.map { try $0!.get() } }
}
