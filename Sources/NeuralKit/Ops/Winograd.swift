/// The Winograd minimal-filtering transforms F(4×4, 3×3): a 4×4 output tile of a 3×3 convolution
/// from a 6×6 input tile with 36 multiplications instead of 144 (Lavin & Gray 2016, "Fast
/// Algorithms for Convolutional Neural Networks", CVPR, section 4.2, F(4×4, 3×3)):
///
///     Y = Aᵀ · [(G · g · Gᵀ) ⊙ (Bᵀ · d · B)] · A
///
/// with g the 3×3 filter, d the 6×6 input tile (rows and columns 4 px apart from one tile to the
/// next, so tiles overlap by 2 px), ⊙ the element-wise product and Y the 4×4 output tile. Summed
/// over input channels, the element-wise products become 36 matrix products (filters × channels
/// times channels × tiles), which is where a convolution layer spends its time.
///
/// The matrices are written out below as the paper gives them. The input and output transforms,
/// which run for every tile, are written out as sums (the rows of Bᵀ and Aᵀ) in C, eight tiles
/// at a time (`nk_winograd_input_tiles`, `nk_winograd_output_tiles` in CNeuralKernels); the tests
/// check them against the matrices.
enum Winograd {
    /// Output tile side (px).
    static let outputTile = 4
    /// Input tile side (px): output tile + kernel − 1.
    static let inputTile = 6
    /// Positions of a transformed tile (6 × 6): one matrix product each.
    static let positions = 36

    /// Bᵀ (6 × 6): the input transform.
    static let inputMatrix: [[Float]] = [
        [4, 0, -5, 0, 1, 0],
        [0, -4, -4, 1, 1, 0],
        [0, 4, -4, -1, 1, 0],
        [0, -2, -1, 2, 1, 0],
        [0, 2, -1, -2, 1, 0],
        [0, 4, 0, -5, 0, 1],
    ]

    /// G (6 × 3): the filter transform.
    static let filterMatrix: [[Float]] = [
        [1.0 / 4, 0, 0],
        [-1.0 / 6, -1.0 / 6, -1.0 / 6],
        [-1.0 / 6, 1.0 / 6, -1.0 / 6],
        [1.0 / 24, 1.0 / 12, 1.0 / 6],
        [1.0 / 24, -1.0 / 12, 1.0 / 6],
        [0, 0, 1],
    ]

    /// Aᵀ (4 × 6): the output transform.
    static let outputMatrix: [[Float]] = [
        [1, 1, 1, 1, 1, 0],
        [0, 1, -1, 2, -2, 0],
        [0, 1, 1, 4, 4, 0],
        [0, 1, -1, 8, -8, 1],
    ]

    /// G · g · Gᵀ for every 3×3 filter of `weight` ([M, C, 3, 3]): [36, M, C], position-major, so
    /// that position ξ's filters × channels matrix is one contiguous block. Done once per weight.
    static func transformFilters(_ weight: UnsafePointer<Float>, filters m: Int, channels c: Int) -> [Float] {
        let g = filterMatrix.flatMap { $0 }
        return [Float](unsafeUninitializedCapacity: positions * m * c) { out, initialized in
            for filter in 0..<m {
                for channel in 0..<c {
                    let w = weight + (filter * c + channel) * 9
                    for i in 0..<6 {
                        // Row i of G · w, then times Gᵀ (G row-major, 3 columns).
                        let (r0, r1, r2) = (g[3 * i] * w[0] + g[3 * i + 1] * w[3] + g[3 * i + 2] * w[6],
                                            g[3 * i] * w[1] + g[3 * i + 1] * w[4] + g[3 * i + 2] * w[7],
                                            g[3 * i] * w[2] + g[3 * i + 1] * w[5] + g[3 * i + 2] * w[8])
                        for j in 0..<6 {
                            out[((i * 6 + j) * m + filter) * c + channel] = r0 * g[3 * j] + r1 * g[3 * j + 1] + r2 * g[3 * j + 2]
                        }
                    }
                }
            }
            initialized = positions * m * c
        }
    }
}
