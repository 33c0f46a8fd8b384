import Foundation
import Testing

/// `stimgen layers`, run as the user runs it, on the small CNN fixture (input 1×3×32×32).
@Suite struct LayersCommandTests {
    @Test func listsEveryNodeOutputWithItsShape() throws {
        let result = try StimgenProcess.run(["layers", NeuralFixtures.path("net_small_cnn.onnx")])
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\n").map { line -> (String, String, String) in
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            return (String(fields[0]), String(fields[1]), fields[2].trimmingCharacters(in: .whitespaces))
        }
        // By hand from the graph: a 5×5 conv, stride 2, pads 2: (32 + 4 − 5)/2 + 1 = 16 px;
        // a 3×3 max pool, stride 2, ceil mode: ⌈(16 − 3)/2⌉ + 1 = 8 px; a 3×3 conv, pads 1, keeps 8 px;
        // global pooling, flatten, a 16→10 Gemm and a softmax.
        let expected: [(String, String, String)] = [
            ("c1", "Conv", "[1, 8, 16, 16]"), ("n1", "BatchNormalization", "[1, 8, 16, 16]"), ("r1", "Relu", "[1, 8, 16, 16]"),
            ("p1", "MaxPool", "[1, 8, 8, 8]"), ("c2", "Conv", "[1, 16, 8, 8]"), ("r2", "Relu", "[1, 16, 8, 8]"),
            ("g", "GlobalAveragePool", "[1, 16, 1, 1]"), ("f", "Flatten", "[1, 16]"), ("logits", "Gemm", "[1, 10]"),
            ("y", "Softmax", "[1, 10]"),
        ]
        #expect(rows.count == expected.count, "\(result.out)")
        for (row, want) in zip(rows, expected) { #expect(row == want) }
    }

    @Test func aMissingModelFileIsNamed() throws {
        let result = try StimgenProcess.run(["layers", "/nonexistent/model.onnx"])
        #expect(result.status != 0)
        #expect(result.err.contains("/nonexistent/model.onnx"), "\(result.err)")
    }
}
