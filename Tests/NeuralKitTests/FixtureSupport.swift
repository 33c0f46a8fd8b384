import Foundation
@testable import NeuralKit

/// The committed fixtures made by scripts/make-neural-fixtures.py (onnxruntime's outputs).
enum Fixtures {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/onnx")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    struct Case: Decodable { var name: String; var opset: Int; var ops: [String] }
    struct Manifest: Decodable { var cases: [Case] }

    static let caseNames: [String] = {
        let data = try! Data(contentsOf: url("cases.json"))
        return try! JSONDecoder().decode(Manifest.self, from: data).cases.map(\.name)
    }()

    /// Runs a fixture model on its input and returns (stimgen's output, onnxruntime's output).
    static func evaluate(_ name: String, unfolded: Set<String> = []) throws -> (got: Tensor, expected: Tensor, network: Network) {
        let network = try Network.load(onnx: url(name + ".onnx"), unfolded: unfolded)
        let x = try NPY.read(url(name + ".x.npy"))
        let output = network.outputs[0]
        let got = try network.run([network.inputs[0].name: x], keep: [output])[output]!
        return (got, try NPY.read(url(name + ".y.npy")), network)
    }
}

/// Largest |a − b| / max(|b|, 1) over two tensors of the same shape (infinity if shapes differ).
func maxRelativeError(_ a: Tensor, _ b: Tensor) -> Float {
    guard a.shape == b.shape else { return .infinity }
    return zip(a.data, b.data).map { abs($0 - $1) / max(abs($1), 1) }.max() ?? 0
}

/// A deterministic pseudo-random tensor (uniform in −1…1) from a seed.
func seededTensor(_ shape: [Int], seed: UInt64) -> Tensor {
    var state = seed &* 6364136223846793005 &+ 1442695040888963407
    let count = shape.reduce(1, *)
    return Tensor(shape: shape, data: (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Float(Double(state >> 11) / Double(1 << 53)) * 2 - 1
    })
}
