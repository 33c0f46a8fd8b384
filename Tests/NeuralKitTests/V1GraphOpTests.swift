import Foundation
import StimulusKit
import Testing
@testable import NeuralKit

/// The ops the V1 graph adds (Sqrt, Div, the display's transfer functions): forward values worked by
/// hand or taken from the sRGB standard, backward against central finite differences.
@Suite struct V1GraphOpTests {
    let gradients = GradientTests()
    let tolerance: Float = 2e-2

    /// Pseudo-random values in 0.2…1.8 (away from √'s infinite slope at 0 and from division by 0).
    func positive(_ shape: [Int], seed: UInt64) -> Tensor {
        var t = seededTensor(shape, seed: seed)
        for i in 0..<t.count { t.data[i] = 1 + 0.8 * t.data[i] }
        return t
    }

    @Test func squareRootForward() throws {
        let y = try SquareRoot().forward([Tensor(shape: [4], data: [0, 1, 2.25, 16])])[0]
        #expect(y.data == [0, 1, 1.5, 4])
    }

    @Test func squareRootBackward() throws {
        #expect(try gradients.gradientError(SquareRoot(), [positive([2, 3, 4, 5], seed: 1)], check: [0], h: 1e-3) <= tolerance)
        // At 0 the gradient is the subgradient 0, not infinity.
        let dx = try SquareRoot().backward([Tensor(shape: [1], data: [0])], outputs: [Tensor(shape: [1], data: [0])],
                                           outputGradients: [Tensor(shape: [1], data: [1])])[0]!
        #expect(dx.data == [0])
    }

    @Test func divisionForwardBroadcastsTheDivisor() throws {
        let a = Tensor(shape: [1, 2, 1, 2], data: [1, 2, 3, 4]), b = Tensor(shape: [1, 2, 1, 1], data: [2, 4])
        #expect(try Division().forward([a, b])[0].data == [0.5, 1, 0.75, 1])
    }

    @Test func divisionBackward() throws {
        let a = seededTensor([2, 3, 4, 5], seed: 2)
        #expect(try gradients.gradientError(Division(), [a, positive([2, 3, 4, 5], seed: 3)], check: [0, 1], h: 1e-3) <= tolerance)
        #expect(try gradients.gradientError(Division(), [a, positive([1, 3, 1, 1], seed: 4)], check: [0, 1], h: 1e-3) <= tolerance)
    }

    @Test func sRGBDecodingMatchesTheStandardsValues() throws {
        // IEC 61966-2-1: level 0.5 → 0.2140 (the curve's value at mid-scale), 0.04 on the linear segment → 0.04 / 12.92.
        let op = DisplayDecoding(guns: [.sRGB, .sRGB, .sRGB])
        let y = try op.forward([Tensor(shape: [1, 3, 1, 1], data: [0.5, 0.04, 1])])[0]
        #expect(abs(y.data[0] - 0.21404) < 1e-4)
        #expect(abs(y.data[1] - 0.04 / 12.92) < 1e-6)
        #expect(y.data[2] == 1)
    }

    @Test(arguments: ["srgb", "gamma", "table"])
    func decodingBackward(_ kind: String) throws {
        let gun: TransferFunction = switch kind {
        case "srgb": .sRGB
        case "gamma": .gamma(2.2)
        default: .table([0, 0.1, 0.35, 1])
        }
        // Levels 0.05…0.95, none within a finite-difference step of a table's knot (1/3, 2/3).
        var x = Tensor(shape: [1, 3, 2, 5])
        for i in 0..<x.count { x.data[i] = 0.05 + 0.9 * Float((i * 7) % x.count) / Float(x.count - 1) }
        for i in 0..<x.count where abs(x.data[i] * 3 - (x.data[i] * 3).rounded()) < 0.01 { x.data[i] += 0.02 }
        let op = DisplayDecoding(guns: [gun, gun, gun])
        #expect(try gradients.gradientError(op, [x], check: [0], h: 1e-3, samples: 30) <= tolerance)
    }
}
