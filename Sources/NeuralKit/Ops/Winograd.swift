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
/// The matrices are written out below as the paper gives them. The input and output transforms
/// are also written out as sums (`inputLine`, `outputLine`, the rows of Bᵀ and Aᵀ), since they run
/// for every tile; the tests check those sums against the matrices.
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

    /// Eight tiles side by side, one per SIMD lane.
    typealias Lanes = SIMD8<Float>

    /// Bᵀ · d on one line of a tile: six values `stride` apart in `d`, written `stride` apart to `r`.
    @inline(__always)
    static func inputLine(_ d: UnsafePointer<Lanes>, _ r: UnsafeMutablePointer<Lanes>, stride s: Int) {
        let (d0, d1, d2, d3, d4, d5) = (d[0], d[s], d[2 * s], d[3 * s], d[4 * s], d[5 * s])
        r[0] = 4 * d0 - 5 * d2 + d4
        r[s] = -4 * d1 - 4 * d2 + d3 + d4
        r[2 * s] = 4 * d1 - 4 * d2 - d3 + d4
        r[3 * s] = -2 * d1 - d2 + 2 * d3 + d4
        r[4 * s] = 2 * d1 - d2 - 2 * d3 + d4
        r[5 * s] = 4 * d1 - 5 * d3 + d5
    }

    /// Aᵀ · m on one line of a transformed tile: six values `stride` apart in `m`, four written
    /// `outStride` apart to `y`.
    @inline(__always)
    static func outputLine(_ m: UnsafePointer<Lanes>, stride s: Int, _ y: UnsafeMutablePointer<Lanes>, outStride o: Int) {
        let (m0, m1, m2, m3, m4, m5) = (m[0], m[s], m[2 * s], m[3 * s], m[4 * s], m[5 * s])
        let (sum12, difference12, sum34, difference34) = (m1 + m2, m1 - m2, m3 + m4, m3 - m4)
        y[0] = m0 + sum12 + sum34
        y[o] = difference12 + 2 * difference34
        y[2 * o] = sum12 + 4 * sum34
        y[3 * o] = difference12 + 8 * difference34 + m5
    }

    /// Bᵀ · d · B for eight 6×6 tiles (`tile`, row-major, 36 values): the columns first, then the rows.
    @inline(__always)
    static func transformInput(_ tile: UnsafeMutablePointer<Lanes>, scratch: UnsafeMutablePointer<Lanes>) {
        for column in 0..<6 { inputLine(tile + column, scratch + column, stride: 6) }
        for row in 0..<6 { inputLine(scratch + 6 * row, tile + 6 * row, stride: 1) }
    }

    /// Aᵀ · m · A for eight transformed tiles (`tile`, 6×6 row-major): the 4×4 output tiles,
    /// row-major, written to `y`.
    @inline(__always)
    static func transformOutput(_ tile: UnsafePointer<Lanes>, scratch: UnsafeMutablePointer<Lanes>, _ y: UnsafeMutablePointer<Lanes>) {
        for column in 0..<6 { outputLine(tile + column, stride: 6, scratch + column, outStride: 6) }
        for row in 0..<4 { outputLine(scratch + 6 * row, stride: 1, y + 4 * row, outStride: 1) }
    }

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
