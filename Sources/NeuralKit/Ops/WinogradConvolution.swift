import CNeuralKernels

/// A 3×3, stride-1, undilated, ungrouped convolution by Winograd's F(4×4, 3×3) (`Winograd`):
/// each image's input is cut into 6×6 tiles 4 px apart and the tiles are transformed; 36 sgemm
/// products (filters × channels · channels × tiles) then do 36 multiplications per 4×4 output
/// tile and channel pair where im2col + sgemm does 144; the products are transformed back into
/// output tiles, with the bias and a fused Relu applied as they are written.
///
/// Workspace layout (T = tiles of the images in one chunk): transformed input V [36, C, T],
/// products P [36, M, T], transformed filters U [36, M, C] (`Winograd.transformFilters`).
struct WinogradConvolution {
    let plan: Conv.Plan
    /// Tiles down and across one image's output (4 × 4 px each; the last ones may overhang).
    let tilesHigh, tilesWide: Int
    var tilesPerImage: Int { tilesHigh * tilesWide }

    /// Most elements (floats) of V or P for one chunk of images (8 MiB), so that the products
    /// read a transformed input that is still in the cache.
    static let workspaceBudget = 2 << 20

    /// Fewest tiles per product for which F(4×4, 3×3) beats im2col + sgemm. Each of the 36
    /// products packed its filters × channels block of U again in OpenBLAS, so with few tiles that
    /// packing (4× the weight's size per product) outweighed the multiplications saved (measured
    /// before U was packed at load; not re-measured since). Measured on the
    /// ResNet-18, ResNet-50, GoogLeNet and AlexNet shapes of bench/neural at 1 thread: a 7×7 map
    /// at batch 1 (4 tiles) is faster with im2col; a 13×13 or 14×14 map at batch 1 (16 tiles)
    /// and a 7×7 map at batch 8 (32 tiles) are faster this way.
    static let minimumTilesPerProduct = 16

    init(_ plan: Conv.Plan) {
        self.plan = plan
        let side = Winograd.outputTile
        tilesHigh = (plan.outH + side - 1) / side
        tilesWide = (plan.outW + side - 1) / side
        imagesPerChunk = max(1, min(plan.n, WinogradConvolution.workspaceBudget / (Winograd.positions * max(plan.c, plan.m) * tilesHigh * tilesWide)))
    }

    /// Images whose tiles share one set of 36 products.
    let imagesPerChunk: Int

    /// Whether this convolution is faster this way than with im2col (`minimumTilesPerProduct`).
    var pays: Bool { imagesPerChunk * tilesPerImage >= WinogradConvolution.minimumTilesPerProduct }

    /// Writes the convolution of `x` ([N, C, H, W]) with the transformed `filters` into `y`
    /// ([N, M, outH, outW]), adding the output pass's bias and residual and clamping at zero
    /// when it says so.
    func run(_ x: UnsafePointer<Float>, filters: WinogradFilters, _ pass: Conv.OutputPass, _ y: UnsafeMutablePointer<Float>) {
        let p = plan
        let maximumTiles = imagesPerChunk * tilesPerImage
        let input = UnsafeMutablePointer<Float>.allocate(capacity: Winograd.positions * p.c * maximumTiles)
        let products = UnsafeMutablePointer<Float>.allocate(capacity: Winograd.positions * p.m * maximumTiles)
        defer { input.deallocate(); products.deallocate() }
        for first in stride(from: 0, to: p.n, by: imagesPerChunk) {
            let places = tilePlaces(images: first..<min(p.n, first + imagesPerChunk))
            let tiles = places.count
            places.withUnsafeBufferPointer { places in
                Parallel.split(p.c) { channels in
                    for channel in channels {
                        nk_winograd_input_tiles(x, p.c, channel, p.h, p.w, p.pads[0], p.pads[1], places.baseAddress, tiles,
                                                input + channel * tiles, p.c * tiles)
                    }
                }
            }
            // 36 independent products: each thread takes its share whole, one thread per product.
            // With few tiles the filters packed at load are faster than OpenBLAS's repacking of them.
            let packed = filters.packed.first?.isFaster(columns: tiles, threads: 1) ?? false
            filters.transformed.withUnsafeBufferPointer { u in
                Parallel.split(Winograd.positions) { positions in
                    for position in positions {
                        let (v, product) = (input + position * p.c * tiles, products + position * p.m * tiles)
                        if packed {
                            filters.packed[position].multiply(v, ldb: tiles, columns: tiles, into: product, ldc: tiles)
                        } else {
                            OpenBLAS.shared.sgemm(transA: false, transB: false, m: p.m, n: tiles, k: p.c,
                                                  a: u.baseAddress! + position * p.m * p.c, lda: p.c, b: v, ldb: tiles,
                                                  beta: 0, c: product, ldc: tiles)
                        }
                    }
                }
            }
            places.withUnsafeBufferPointer { places in
                Parallel.split(p.m) { filterRange in
                    for filter in filterRange {
                        nk_winograd_output_tiles(products + filter * tiles, p.m * tiles, places.baseAddress, tiles, p.m, filter,
                                                 p.outH, p.outW, pass.bias?[filter] ?? 0, pass.residual, pass.clampsAtZero ? 1 : 0, y)
                    }
                }
            }
        }
    }

    /// The tiles of `images`, image by image, row by row: tile t of a chunk is column t of V and P.
    private func tilePlaces(images: Range<Int>) -> [nk_tile_place] {
        let side = Winograd.outputTile
        return images.flatMap { image in
            (0..<tilesPerImage).map { nk_tile_place(image: image, row: $0 / tilesWide * side, column: $0 % tilesWide * side) }
        }
    }
}
