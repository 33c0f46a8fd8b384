import Dispatch

/// A 3×3, stride-1, undilated, ungrouped convolution by Winograd's F(4×4, 3×3) (`Winograd`):
/// each image's input is cut into 6×6 tiles 4 px apart, the tiles are transformed, 36 sgemm
/// products (filters × channels · channels × tiles) replace the 144 multiplications per 4×4
/// output tile of im2col + sgemm with 36, and the products are transformed back into output
/// tiles, with the bias and a fused Relu applied as they are written.
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

    init(_ plan: Conv.Plan) {
        self.plan = plan
        let side = Winograd.outputTile
        tilesHigh = (plan.outH + side - 1) / side
        tilesWide = (plan.outW + side - 1) / side
    }

    /// Writes the convolution of `x` ([N, C, H, W]) with the transformed `filters` into `y`
    /// ([N, M, outH, outW]), adding `bias` ([M]) and clamping at zero when `clampsAtZero`.
    func run(_ x: UnsafePointer<Float>, filters: UnsafePointer<Float>, bias: UnsafePointer<Float>?, clampsAtZero: Bool,
             _ y: UnsafeMutablePointer<Float>) {
        let p = plan
        let imagesPerChunk = max(1, min(p.n, WinogradConvolution.workspaceBudget / (Winograd.positions * max(p.c, p.m) * tilesPerImage)))
        let maximumTiles = imagesPerChunk * tilesPerImage
        let input = UnsafeMutablePointer<Float>.allocate(capacity: Winograd.positions * p.c * maximumTiles)
        let products = UnsafeMutablePointer<Float>.allocate(capacity: Winograd.positions * p.m * maximumTiles)
        defer { input.deallocate(); products.deallocate() }
        for first in stride(from: 0, to: p.n, by: imagesPerChunk) {
            let images = first..<min(p.n, first + imagesPerChunk)
            let tiles = images.count * tilesPerImage
            WinogradConvolution.split(p.c) { channels in
                let work = Workspace(tilesWide: tilesWide)
                defer { work.release() }
                for channel in channels {
                    for (slot, image) in images.enumerated() {
                        transformInput(x + (image * p.c + channel) * p.h * p.w,
                                       into: input + channel * tiles + slot * tilesPerImage, positionStride: p.c * tiles, work)
                    }
                }
            }
            for position in 0..<Winograd.positions {
                OpenBLAS.shared.sgemm(transA: false, transB: false, m: p.m, n: tiles, k: p.c,
                                      a: filters + position * p.m * p.c, lda: p.c,
                                      b: input + position * p.c * tiles, ldb: tiles,
                                      beta: 0, c: products + position * p.m * tiles, ldc: tiles)
            }
            WinogradConvolution.split(p.m) { filterRange in
                let work = Workspace(tilesWide: tilesWide)
                defer { work.release() }
                for filter in filterRange {
                    for (slot, image) in images.enumerated() {
                        transformOutput(products + filter * tiles + slot * tilesPerImage, positionStride: p.m * tiles,
                                        bias: bias?[filter] ?? 0, clampsAtZero: clampsAtZero,
                                        into: y + (image * p.m + filter) * p.outH * p.outW, work)
                    }
                }
            }
        }
    }

    /// Per-thread scratch memory for the tile transforms.
    struct Workspace {
        /// 6 input rows of one tile row, zero-padded, wide enough for whole groups of 8 tiles (floats).
        let strip: UnsafeMutablePointer<Float>
        let stripWidth: Int
        /// One group of 8 tiles: 36 positions, 36 intermediate values, 16 output values.
        let tile, scratch, outputTile: UnsafeMutablePointer<Winograd.Lanes>
        /// One output row of 8 tiles (32 floats).
        let row: UnsafeMutablePointer<Float>

        init(tilesWide: Int) {
            stripWidth = (tilesWide + 7) / 8 * 8 * Winograd.outputTile + 2
            strip = .allocate(capacity: Winograd.inputTile * stripWidth)
            tile = .allocate(capacity: 2 * Winograd.positions + 16)
            scratch = tile + Winograd.positions
            outputTile = scratch + Winograd.positions
            row = .allocate(capacity: 8 * Winograd.outputTile)
        }

        func release() { strip.deallocate(); tile.deallocate(); row.deallocate() }
    }

    /// Transforms every tile of one input channel `plane` ([H, W]); tile t's position ξ goes to
    /// `v[ξ · positionStride + t]`.
    private func transformInput(_ plane: UnsafePointer<Float>, into v: UnsafeMutablePointer<Float>, positionStride: Int, _ work: Workspace) {
        let p = plan, (top, left) = (p.pads[0], p.pads[1]), width = work.stripWidth
        for tileRow in 0..<tilesHigh {
            for r in 0..<Winograd.inputTile {
                let ih = tileRow * Winograd.outputTile + r - top
                let dst = work.strip + r * width
                guard ih >= 0, ih < p.h else { dst.update(repeating: 0, count: width); continue }
                let start = min(left, width), copied = max(0, min(p.w, width - left))
                dst.update(repeating: 0, count: start)
                (dst + start).update(from: plane + ih * p.w, count: copied)
                if start + copied < width { (dst + start + copied).update(repeating: 0, count: width - start - copied) }
            }
            for firstTile in stride(from: 0, to: tilesWide, by: 8) {
                for i in 0..<6 {
                    for j in 0..<6 {
                        let s = work.strip + i * width + firstTile * Winograd.outputTile + j
                        work.tile[i * 6 + j] = Winograd.Lanes(s[0], s[4], s[8], s[12], s[16], s[20], s[24], s[28])
                    }
                }
                Winograd.transformInput(work.tile, scratch: work.scratch)
                let lanes = min(8, tilesWide - firstTile), target = v + tileRow * tilesWide + firstTile
                for position in 0..<Winograd.positions {
                    let out = target + position * positionStride
                    if lanes == 8 {
                        UnsafeMutableRawPointer(out).storeBytes(of: work.tile[position], as: Winograd.Lanes.self)
                    } else {
                        for lane in 0..<lanes { out[lane] = work.tile[position][lane] }
                    }
                }
            }
        }
    }

    /// Transforms one filter's products back into its output plane ([outH, outW]); tile t's
    /// position ξ is `products[ξ · positionStride + t]`.
    private func transformOutput(_ products: UnsafePointer<Float>, positionStride: Int, bias: Float, clampsAtZero: Bool,
                                 into plane: UnsafeMutablePointer<Float>, _ work: Workspace) {
        let p = plan, side = Winograd.outputTile
        for tileRow in 0..<tilesHigh {
            for firstTile in stride(from: 0, to: tilesWide, by: 8) {
                let lanes = min(8, tilesWide - firstTile), source = products + tileRow * tilesWide + firstTile
                for position in 0..<Winograd.positions {
                    let m = source + position * positionStride
                    if lanes == 8 {
                        work.tile[position] = UnsafeRawPointer(m).loadUnaligned(as: Winograd.Lanes.self)
                    } else {
                        var values = Winograd.Lanes()
                        for lane in 0..<lanes { values[lane] = m[lane] }
                        work.tile[position] = values
                    }
                }
                Winograd.transformOutput(work.tile, scratch: work.scratch, work.outputTile)
                let columns = min(lanes * side, p.outW - firstTile * side)
                for i in 0..<side {
                    let oh = tileRow * side + i
                    guard oh < p.outH else { break }
                    for j in 0..<side {
                        var value = work.outputTile[i * side + j] + bias
                        if clampsAtZero { value = pointwiseMax(value, .zero) }
                        for lane in 0..<8 { work.row[lane * side + j] = value[lane] }
                    }
                    (plane + oh * p.outW + firstTile * side).update(from: work.row, count: columns)
                }
            }
        }
    }

    /// Runs `body` over `0..<count` split into one contiguous range per OpenBLAS thread, those
    /// ranges at once (the transforms run between the products, when OpenBLAS's threads are idle).
    /// `body` may share pointers across the workers: each range writes its own channels' memory.
    private static func split(_ count: Int, _ body: (Range<Int>) -> Void) {
        let workers = min(count, OpenBLAS.shared.threads)
        guard workers > 1 else { return body(0..<count) }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                body(count * worker / workers..<count * (worker + 1) / workers)
            }
        }
    }
}
