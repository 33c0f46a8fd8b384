/// One kind of graph node: its forward computation and, beside it, its backward one.
///
/// Inputs arrive in the node's order; an absent optional input (an empty name in ONNX) is nil.
public protocol Operator: Sendable {
    /// The node's outputs for these inputs.
    func forward(_ inputs: [Tensor?]) throws -> [Tensor]

    /// The gradient of a scalar loss with respect to each input, given the inputs, the outputs
    /// `forward` produced from them, and the loss's gradient with respect to each output.
    /// An element is nil where that input is not differentiated (an absent input, integer indices,
    /// a shape, or a normalisation statistic).
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?]
}

extension Array where Element == Tensor? {
    /// Input `index`, or an error naming it when it is absent.
    func required(_ index: Int) throws -> Tensor {
        guard index < count, let tensor = self[index] else {
            throw NeuralError("input \(index) is required but missing")
        }
        return tensor
    }

    /// Input `index` when present.
    func optional(_ index: Int) -> Tensor? {
        index < count ? self[index] : nil
    }
}

/// Throws unless `tensor` has rank `rank`, naming `what` and the shape found.
func expectRank(_ tensor: Tensor, _ rank: Int, _ what: String) throws {
    guard tensor.rank == rank else {
        throw NeuralError("\(what) must have rank \(rank), got shape \(tensor.shape)")
    }
}

/// An operator that can clamp its own output at zero as it writes it, and so take over a Relu
/// that follows it (`Network.fuseRelus`): one tensor and one pass over memory fewer.
protocol ClampingOperator: Operator {
    var clampsAtZero: Bool { get set }
}

extension Tensor {
    /// This gradient with its elements zeroed where `output` is not positive: the backward of a
    /// Relu fused into the operator that wrote `output`.
    func zeroed(where output: Tensor) -> Tensor {
        Tensor(shape: shape, data: zip(data, output.data).map { $1 > 0 ? $0 : 0 })
    }
}
