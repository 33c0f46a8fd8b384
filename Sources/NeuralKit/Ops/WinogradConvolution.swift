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
    /// ([N, M, outH, outW]), adding `bias` ([M]) and clamping at zero when `clampsAtZero`.
    func run(_ x: UnsafePointer<Float>, filters: WinogradFilters, bias: UnsafePointer<Float>?, clampsAtZero: Bool,
             _ y: UnsafeMutablePointer<Float>) {
        let p = plan
        let maximumTiles = imagesPerChunk * tilesPerImage
        let input = UnsafeMutablePointer<Float>.allocate(capacity: Winograd.positions * p.c * maximumTiles)
        let products = UnsafeMutablePointer<Float>.allocate(capacity: Winograd.positions * p.m * maximumTiles)
        defer { input.deallocate(); products.deallocate() }
        for first in stride(from: 0, to: p.n, by: imagesPerChunk) {
            let places = tilePlaces(images: first..<min(p.n, first + imagesPerChunk))
            let tiles = places.count
            Parallel.split(p.c) { channels in
                let work = Workspace()
                defer { work.release() }
                for channel in channels {
                    for firstTile in stride(from: 0, to: tiles, by: 8) {
                        transformInput(x, channel: channel, places[firstTile..<min(tiles, firstTile + 8)],
                                       into: input + channel * tiles + firstTile, positionStride: p.c * tiles, work)
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
            Parallel.split(p.m) { filterRange in
                let work = Workspace()
                defer { work.release() }
                for filter in filterRange {
                    for firstTile in stride(from: 0, to: tiles, by: 8) {
                        transformOutput(products + filter * tiles + firstTile, positionStride: p.m * tiles,
                                        places[firstTile..<min(tiles, firstTile + 8)], filter: filter,
                                        bias: bias?[filter] ?? 0, clampsAtZero: clampsAtZero, into: y, work)
                    }
                }
            }
        }
    }

    /// Where one tile lies: its image, and its top-left output pixel (row, column).
    struct TilePlace {
        var image, row, column: Int
    }

    /// The tiles of `images`, image by image, row by row: tile t of a chunk is column t of V and P.
    private func tilePlaces(images: Range<Int>) -> [TilePlace] {
        let side = Winograd.outputTile
        return images.flatMap { image in
            (0..<tilesPerImage).map { TilePlace(image: image, row: $0 / tilesWide * side, column: $0 % tilesWide * side) }
        }
    }

    /// Per-thread scratch memory for the tile transforms: one group of 8 tiles (36 positions),
    /// 36 intermediate values and 16 output values, each 8 lanes.
    struct Workspace {
        let tile, scratch, outputTile: UnsafeMutablePointer<Winograd.Lanes>

        init() {
            tile = .allocate(capacity: 2 * Winograd.positions + 16)
            scratch = tile + Winograd.positions
            outputTile = scratch + Winograd.positions
        }

        func release() { tile.deallocate() }
    }

    /// Transforms up to 8 tiles (`places`, one per lane) of one input channel; tile t's position ξ
    /// goes to `v[ξ · positionStride + t]`. Padding reads as zero.
    private func transformInput(_ x: UnsafePointer<Float>, channel: Int, _ places: ArraySlice<TilePlace>,
                                into v: UnsafeMutablePointer<Float>, positionStride: Int, _ work: Workspace) {
        let p = plan, lanesOfTile = UnsafeMutableRawPointer(work.tile)
        func put(_ value: Float, _ position: Int, _ lane: Int) {
            lanesOfTile.storeBytes(of: value, toByteOffset: (position * 8 + lane) * 4, as: Float.self)
        }
        for (lane, place) in places.enumerated() {
            let plane = x + (place.image * p.c + channel) * p.h * p.w
            let (top, left) = (place.row - p.pads[0], place.column - p.pads[1])
            if top >= 0, left >= 0, top + 6 <= p.h, left + 6 <= p.w {
                for i in 0..<6 {
                    let row = plane + (top + i) * p.w + left
                    for j in 0..<6 { put(row[j], i * 6 + j, lane) }
                }
            } else {
                for i in 0..<6 {
                    let ih = top + i
                    for j in 0..<6 {
                        let iw = left + j
                        put(ih >= 0 && ih < p.h && iw >= 0 && iw < p.w ? plane[ih * p.w + iw] : 0, i * 6 + j, lane)
                    }
                }
            }
        }
        for lane in places.count..<8 {
            for position in 0..<Winograd.positions { put(0, position, lane) }
        }
        Winograd.transformInput(work.tile, scratch: work.scratch)
        for position in 0..<Winograd.positions {
            let out = v + position * positionStride
            if places.count == 8 {
                UnsafeMutableRawPointer(out).storeBytes(of: work.tile[position], as: Winograd.Lanes.self)
            } else {
                for lane in 0..<places.count { out[lane] = lanesOfTile.load(fromByteOffset: (position * 8 + lane) * 4, as: Float.self) }
            }
        }
    }

    /// Transforms one filter's products for up to 8 tiles (`places`) back into its output planes
    /// of `y`; tile t's position ξ is `products[ξ · positionStride + t]`.
    private func transformOutput(_ products: UnsafePointer<Float>, positionStride: Int, _ places: ArraySlice<TilePlace>,
                                 filter: Int, bias: Float, clampsAtZero: Bool, into y: UnsafeMutablePointer<Float>, _ work: Workspace) {
        let p = plan, side = Winograd.outputTile, floor = clampsAtZero ? 0 : -Float.infinity
        for position in 0..<Winograd.positions {
            let m = products + position * positionStride
            if places.count == 8 {
                work.tile[position] = UnsafeRawPointer(m).loadUnaligned(as: Winograd.Lanes.self)
            } else {
                let lanes = UnsafeMutableRawPointer(work.tile + position)
                for lane in 0..<8 { lanes.storeBytes(of: lane < places.count ? m[lane] : 0, toByteOffset: lane * 4, as: Float.self) }
            }
        }
        Winograd.transformOutput(work.tile, scratch: work.scratch, work.outputTile)
        let lanesOfTile = UnsafeRawPointer(work.outputTile)
        for (lane, place) in places.enumerated() {
            let plane = y + (place.image * p.m + filter) * p.outH * p.outW
            let (rows, columns) = (min(side, p.outH - place.row), min(side, p.outW - place.column))
            for i in 0..<rows {
                let row = plane + (place.row + i) * p.outW + place.column
                for j in 0..<columns {
                    row[j] = max(lanesOfTile.load(fromByteOffset: ((i * side + j) * 8 + lane) * 4, as: Float.self) + bias, floor)
                }
            }
        }
    }
}
