import Testing
@testable import NeuralKit

/// MaxPool without Indices (`nk_max_pool_plane`: down the window's rows, then across) against
/// the maximum of each window taken position by position, and its NaN rule.
@Suite struct MaxPoolTests {
    /// The maximum over window (oh, ow) of each plane, position by position; padding never wins.
    func windowMaxima(_ x: Tensor, kernel: (Int, Int), strides: (Int, Int), dilations: (Int, Int), pads: [Int],
                      outH: Int, outW: Int) -> [Float] {
        let (planes, h, w) = (x.shape[0] * x.shape[1], x.shape[2], x.shape[3])
        var maxima = [Float]()
        for plane in 0..<planes {
            for oh in 0..<outH {
                for ow in 0..<outW {
                    var best = -Float.infinity
                    for i in 0..<kernel.0 {
                        for j in 0..<kernel.1 {
                            let ih = oh * strides.0 - pads[0] + i * dilations.0, iw = ow * strides.1 - pads[1] + j * dilations.1
                            if (0..<h).contains(ih), (0..<w).contains(iw) { best = max(best, x.data[(plane * h + ih) * w + iw]) }
                        }
                    }
                    maxima.append(best)
                }
            }
        }
        return maxima
    }

    /// AlexNet's and ResNet's 3 × 3 stride 2 (with and without padding), a dilated 2 × 2, a
    /// non-square window with unequal strides, and a plane wider than the 4096 px the row buffer
    /// holds on the stack.
    @Test(arguments: [
        ([2, 3, 27, 27], [3, 3], [2, 2], [1, 1], [0, 0, 0, 0]),
        ([1, 2, 30, 30], [3, 3], [2, 2], [1, 1], [1, 1, 1, 1]),
        ([1, 2, 11, 13], [2, 2], [1, 1], [2, 2], [1, 0, 0, 1]),
        ([1, 1, 12, 17], [2, 4], [3, 1], [1, 1], [0, 2, 1, 0]),
        ([1, 1, 4, 5000], [3, 3], [1, 2], [1, 1], [1, 1, 1, 1]),
    ])
    func maximaMatchEachWindowTakenPositionByPosition(_ shape: [Int], _ kernel: [Int], _ strides: [Int], _ dilations: [Int],
                                                     _ pads: [Int]) throws {
        let pool = try Pool(.max, Attributes(["kernel_shape": .ints(kernel), "strides": .ints(strides),
                                              "dilations": .ints(dilations), "pads": .ints(pads)]))
        let x = seededTensor(shape, seed: 41)
        let y = try pool.forward([x])[0]
        let expected = windowMaxima(x, kernel: (kernel[0], kernel[1]), strides: (strides[0], strides[1]),
                                    dilations: (dilations[0], dilations[1]), pads: pads, outH: y.shape[2], outW: y.shape[3])
        #expect(y.data == expected)
    }

    /// A NaN never replaces a value: the window around it gives the largest of its other values.
    @Test func aNaNNeverWins() throws {
        let pool = try Pool(.max, Attributes(["kernel_shape": .ints([2, 2]), "strides": .ints([2, 2])]))
        var x = Tensor(shape: [1, 1, 2, 4], data: [1, 5, 2, 2, 3, 4, 7, 6])
        x.data[1] = .nan
        #expect(try pool.forward([x])[0].data == [4, 7])
    }
}
