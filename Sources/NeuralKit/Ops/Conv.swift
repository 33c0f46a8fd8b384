import CNeuralKernels

/// 2-D convolution (ONNX Conv): input X [N, C, H, W], weight W [M, C/group, kH, kW], optional
/// bias B [M]; output [N, M, outH, outW]. A fourth input, never from ONNX, is a residual
/// connection's tensor that the importer fused in from the Add after the convolution
/// (`Network.fuseResidualAdds`): it is added to the output as the output is written.
/// Grouped and depthwise convolution, strides, pads, dilations and auto_pad. Runs as im2col +
/// sgemm; a 3×3 kernel with unit stride, enough channels and enough output tiles runs as Winograd
/// F(4×4, 3×3) (`WinogradConvolution`, `Conv.runsWinograd`), a 1×1 kernel with unit stride and no
/// padding multiplies the input directly, a depthwise kernel runs as a direct loop, and on a CPU
/// with AVX-512 the other kernels of more than one tap multiply straight from their input
/// (`ImplicitConvolution`). Bias, residual and
/// a fused Relu (`OutputPass`) are applied as NeuralKit's packed product or the Winograd output
/// transform writes the output, or in one pass over each image's output after OpenBLAS's products.
struct Conv: ClampingOperator {
    var window: Window2D
    var group: Int
    /// Whether `window` came with an explicit kernel_shape (otherwise taken from the weight).
    var kernelFromAttributes: Bool
    /// Whether the output is clamped at zero as it is written: a following Relu fused in by the
    /// importer (`Network.fuseRelus`), never set from ONNX attributes.
    var clampsAtZero = false
    /// The weight transformed for Winograd F(4×4, 3×3) when the model was loaded
    /// (`Network.prepareWinogradFilters`).
    var keptWinogradFilters: WinogradFilters?
    /// Each group's filters packed for NeuralKit's own kernel when the model was loaded
    /// (`Network.packWeights`); used for the products where that is faster than OpenBLAS.
    var packedWeight: PackedWeights?

    init(_ attributes: Attributes) throws {
        try attributes.allow(["auto_pad", "dilations", "group", "kernel_shape", "pads", "strides"])
        group = try attributes.int("group", default: 1)
        guard group >= 1 else { throw NeuralError("attribute 'group' must be at least 1, got \(group)") }
        kernelFromAttributes = try attributes.ints("kernel_shape") != nil
        window = try Window2D(attributes, kernel: (1, 1))
    }

    /// Shapes of one call, checked.
    struct Plan {
        var n, c, h, w, m, outH, outW: Int
        var window: Window2D
        var pads: [Int]
        var cg: Int { c / groups }
        var mg: Int { m / groups }
        var groups: Int
        /// Rows of the column matrix: (C/group)·kH·kW.
        var k: Int { cg * window.kernel.h * window.kernel.w }
        var isPointwise: Bool {
            window.kernel == (1, 1) && window.strides == (1, 1) && pads.allSatisfy { $0 == 0 }
        }
        var isDepthwise: Bool { cg == 1 && mg == 1 }
    }

    func plan(_ x: Tensor, _ weight: Tensor, _ bias: Tensor?) throws -> Plan {
        try expectRank(x, 4, "input X (N, C, H, W)")
        try expectRank(weight, 4, "weight W (M, C/group, kH, kW)")
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let m = weight.shape[0]
        guard c % group == 0, m % group == 0, weight.shape[1] * group == c else {
            throw NeuralError("input has \(c) channels but weight \(weight.shape) with group \(group) expects \(weight.shape[1] * group)")
        }
        var window = self.window
        if kernelFromAttributes {
            guard window.kernel == (weight.shape[2], weight.shape[3]) else {
                throw NeuralError("kernel_shape \([window.kernel.h, window.kernel.w]) does not match weight \(weight.shape)")
            }
        } else {
            window.kernel = (weight.shape[2], weight.shape[3])
        }
        if let bias, bias.shape != [m] {
            throw NeuralError("bias B has shape \(bias.shape), expected [\(m)]")
        }
        let out = try window.outputSize(height: h, width: w)
        return Plan(n: n, c: c, h: h, w: w, m: m, outH: out.h, outW: out.w, window: window,
                    pads: window.resolvedPads(height: h, width: w), groups: group)
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        let x = try inputs.required(0), weight = try inputs.required(1), bias = inputs.optional(2), residual = inputs.optional(3)
        let p = try plan(x, weight, bias)
        if let residual, residual.shape != [p.n, p.m, p.outH, p.outW] {
            // An addend that broadcasts (not a residual connection's): the convolution, then the Add.
            var convolution = self
            convolution.clampsAtZero = false
            var add = try Elementwise(.add, Attributes([:]))
            add.clampsAtZero = clampsAtZero
            return try add.forward([convolution.forward(Array(inputs.prefix(3)))[0], residual])
        }
        let winogradConvolution = WinogradConvolution(p)
        let winograd = runsWinograd(weightShape: weight.shape) && winogradConvolution.pays ? winogradFilters(for: weight) : nil
        let packed = packedWeight?.matrices(for: weight)
        let y = Tensor(shape: [p.n, p.m, p.outH, p.outW]) { out in
            x.data.withUnsafeBufferPointer { xb in
                weight.data.withUnsafeBufferPointer { wb in
                    (bias?.data ?? []).withUnsafeBufferPointer { biasValues in
                        (residual?.data ?? []).withUnsafeBufferPointer { residualValues in
                            let pass = OutputPass(bias: bias == nil ? nil : biasValues.baseAddress,
                                                  residual: residual == nil ? nil : residualValues.baseAddress, clampsAtZero: clampsAtZero)
                            let product = Product(weight: wb.baseAddress!, packed: packed)
                            if let winograd {
                                winogradConvolution.run(xb.baseAddress!, filters: winograd, pass, out.baseAddress!)
                            } else {
                                write(out.baseAddress!, x: xb.baseAddress!, product, pass, p)
                            }
                        }
                    }
                }
            }
        }
        return [y]
    }

    /// Writes the convolution of `x` into `y` without Winograd: every path writes each output
    /// element once (no zeroing first) and applies the output pass as it writes, or in one pass
    /// over each image's output (`finish`) where OpenBLAS multiplied.
    private func write(_ y: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>, _ product: Product, _ pass: OutputPass, _ p: Plan) {
        if p.isDepthwise {
            Parallel.split(p.n * p.c, minimumPerThread: Conv.planesPerThread(p.outH * p.outW)) { planes in
                depthwise(x, product.weight, p, y, planes: planes)
            }
            finish(y, images: 0..<p.n, p, pass)
            return
        }
        if let matrices = product.packed, ImplicitConvolution.runs(p) {
            ImplicitConvolution(p).run(x, matrices: matrices, pass, y)
            return
        }
        // Images share one product only where each has few output pixels (late layers);
        // early layers keep per-image products, whose column matrices stay cache-sized.
        let outPixels = p.outH * p.outW
        let fewPixels = p.window.kernel == (1, 1) ? Conv.fewPointwisePixels : Conv.fewPixels
        let imagesPerProduct = outPixels > fewPixels ? 1 : max(1, min(p.n, Conv.columnBudget / max(1, p.k * outPixels)))
        if imagesPerProduct == 1, Parallel.threads > 1, p.n >= Parallel.threads {
            // Enough images for every thread: each takes its share of them whole.
            Parallel.split(p.n) { images in
                for image in images where !forwardImage(image, x, product, pass, p, y) {
                    finish(y, images: image..<image + 1, p, pass)
                }
            }
            return
        }
        for first in stride(from: 0, to: p.n, by: imagesPerProduct) {
            let images = first..<min(p.n, first + imagesPerProduct)
            let finished = images.count == 1 ? forwardImage(first, x, product, pass, p, y)
                                             : forwardImagesTogether(images, x, product, pass, p, y)
            if !finished { finish(y, images: images, p, pass) }
        }
    }

    /// Whether a 1 × 1 kernel's products run on the packed weight however many columns they have:
    /// where the CPU has AVX-512. On wide products the packed product packs B in strips that stay
    /// in the L1 cache (`nk_gemm_packed`) and applies the output pass as it writes, where OpenBLAS
    /// needs one more pass over the output: ResNet-50's 1 × 1 layers of 56 × 56 maps took
    /// 7.8 ms this way against 8.2 through OpenBLAS at batch 1 on one thread, 4.1 against 4.5 on
    /// two (bench/RESULTS.md).
    static func pointwiseRunsPacked(_ p: Plan) -> Bool {
        p.window.kernel == (1, 1) && nk_kernels_in_use() == NK_KERNELS_AVX512
    }

    /// The operands of one call's filter products: the weight, and its packed groups when the
    /// model was loaded with it.
    struct Product {
        var weight: UnsafePointer<Float>
        var packed: [PackedMatrix]?
    }

    /// C = (group g's filters) · B for B of p.k rows × `columns` and C of filters × `columns`, both
    /// with row stride `columns`. With the weight packed at load, where that is faster for this
    /// many columns, `pass` (for C: its bias from group g's first filter, its residual laid out
    /// as C) is applied as C is written and this returns true; otherwise OpenBLAS multiplies and
    /// the caller's `finish` pass applies it. A nil `pass` leaves the plain product in C.
    private func multiply(group g: Int, _ product: Product, _ p: Plan, b: UnsafePointer<Float>, columns: Int,
                          c: UnsafeMutablePointer<Float>, pass: OutputPass?) -> Bool {
        if let matrix = product.packed?[g], Conv.pointwiseRunsPacked(p) || matrix.isFaster(columns: columns, threads: Parallel.threadsHere) {
            matrix.multiply(b, ldb: columns, columns: columns, into: c, ldc: columns, rowBias: pass?.bias, addend: pass?.residual,
                            clampsAtZero: pass?.clampsAtZero ?? false)
            return true
        }
        OpenBLAS.shared.parallelSgemm(transA: false, transB: false, m: p.mg, n: columns, k: p.k,
                                      a: product.weight + g * p.mg * p.k, lda: p.k, b: b, ldb: columns,
                                      beta: 0, c: c, ldc: columns)
        return false
    }

    /// Most column-matrix elements one product of several images may use (16 MiB of floats).
    /// With 128 MiB, AlexNet's 5×5 layer at batch 8 (a 1600 × 5832 column matrix, 37 MB) made
    /// the whole AlexNet-shaped graph of bench/neural 12 % slower at 1 thread: a block that large
    /// is mapped afresh on every call (9 100 page faults per run); within glibc's heap blocks
    /// (`TensorMemory`) it is reused, with no page faults after the first run.
    static let columnBudget = 4 << 20
    /// Output pixels per image below which several images share one product (a 28×28 map has 784).
    static let fewPixels = 1024
    /// The same for a 1 × 1 kernel, whose per-image product reads the input planes as they are
    /// (or, strided, a column matrix no larger than its input): sharing a product costs it a
    /// copy of the inputs in and of the products out (and the fused residual's pass). ResNet-50
    /// at batch 8, 1 thread: its unit-stride 1 × 1 layers of 28 × 28 and 14 × 14 maps took 77.5
    /// and 93.1 ms sharing products, 58.1 and 75.2 per image; its stride-2 ones 18.2 and 16.9,
    /// 15.6 and 12.7 (bench/RESULTS.md). A 7 × 7 map's 49 pixels still share.
    static let fewPointwisePixels = 64

    /// Fewest planes of `pixels` each that one thread takes in a split pass over planes.
    static func planesPerThread(_ pixels: Int) -> Int {
        max(1, Parallel.elementsPerThread / max(1, pixels))
    }

    /// The column matrix of `count` elements for one call; uninitialised, since im2col writes every element.
    private static func workspace(_ count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// One image's output, one product per group; a pointwise kernel multiplies the input planes
    /// directly. Returns whether the output pass was applied (`multiply`).
    private func forwardImage(_ image: Int, _ x: UnsafePointer<Float>, _ product: Product, _ pass: OutputPass, _ p: Plan,
                              _ y: UnsafeMutablePointer<Float>) -> Bool {
        if let matrices = product.packed, let chunks = Conv.chunks(p, threads: Parallel.threadsHere) {
            forwardImageInChunks(image, x, matrices, pass, p, y, chunks: chunks)
            return true
        }
        let outPixels = p.outH * p.outW
        var columns = Conv.workspace(p.isPointwise ? 0 : p.k * outPixels)
        return columns.withUnsafeMutableBufferPointer { cb in
            var finished = true
            for g in 0..<p.groups {
                let src = x + (image * p.c + g * p.cg) * p.h * p.w
                let matrix: UnsafePointer<Float>
                if p.isPointwise {
                    matrix = src
                } else {
                    let rowsPerChannel = p.window.kernel.h * p.window.kernel.w
                    Parallel.split(p.cg, minimumPerThread: Conv.planesPerThread(rowsPerChannel * outPixels)) { channels in
                        Im2Col.unfold(image: src + channels.lowerBound * p.h * p.w, channels: channels.count, height: p.h, width: p.w,
                                      window: p.window, pads: p.pads, outH: p.outH, outW: p.outW,
                                      columns: cb.baseAddress! + channels.lowerBound * rowsPerChannel * outPixels)
                    }
                    matrix = UnsafePointer(cb.baseAddress!)
                }
                let first = (image * p.m + g * p.mg) * outPixels
                finished = multiply(group: g, product, p, b: matrix, columns: outPixels, c: y + first,
                                    pass: pass.from(filter: g * p.mg, element: first)) && finished
            }
            return finished
        }
    }

    /// Most column-matrix elements of one chunk (`chunks`): 768 KiB, so that the packed product
    /// reads the chunk just unfolded from the cache.
    static let chunkBudget = 192 << 10

    /// How many chunks of output rows an image's convolution runs in, or nil where it runs whole.
    /// Chunks are for a first layer's products: an image's column matrix larger than two chunks'
    /// budget and at least 16 times the size of the weight (16 times as many output pixels as
    /// filters per group). There are so many chunks that each chunk's matrix fits `chunkBudget`,
    /// and a multiple of `threads` (at most one chunk per output row), so that each thread takes
    /// as many. Written whole, ResNet's first column matrix (7.4 MB) went out to memory and came
    /// back for the product, and its bias and Relu took one more pass; with a weight as large as
    /// AlexNet's second layer's, each chunk's product read the weight again, which cost more than
    /// the chunks saved (bench/RESULTS.md).
    static func chunks(_ p: Plan, threads: Int) -> Int? {
        let perRow = p.k * p.outW
        guard !p.isPointwise, perRow * p.outH > 2 * chunkBudget, p.outH * p.outW >= 16 * p.mg else { return nil }
        let rowsFitting = max(1, chunkBudget / perRow)
        let fitting = (p.outH + rowsFitting - 1) / rowsFitting
        return min(p.outH, (fitting + threads - 1) / threads * threads)
    }

    /// One image's output in `chunks` chunks of output rows, split over the threads: each chunk's
    /// column matrix is unfolded straight into the kernel's packed order (`Im2Col.unfoldPacked`;
    /// unfolded row-major, the product copied it again) and multiplied by the packed weight,
    /// which applies the output pass as it writes those rows of the output.
    private func forwardImageInChunks(_ image: Int, _ x: UnsafePointer<Float>, _ matrices: [PackedMatrix],
                                      _ pass: OutputPass, _ p: Plan, _ y: UnsafeMutablePointer<Float>, chunks: Int) {
        let outPixels = p.outH * p.outW
        Parallel.split(chunks) { ownChunks in
            let largest = ((p.outH + chunks - 1) / chunks) * p.outW
            var columns = Conv.workspace(Im2Col.packedCount(channels: p.cg, window: p.window, outputPixels: largest))
            columns.withUnsafeMutableBufferPointer { cb in
                for chunk in ownChunks {
                    let rows = p.outH * chunk / chunks..<p.outH * (chunk + 1) / chunks
                    for g in 0..<p.groups {
                        Im2Col.unfoldPacked(image: x + (image * p.c + g * p.cg) * p.h * p.w, channels: p.cg, height: p.h, width: p.w,
                                            window: p.window, pads: p.pads, outW: p.outW, outputRows: rows, into: cb.baseAddress!)
                        let first = (image * p.m + g * p.mg) * outPixels + rows.lowerBound * p.outW
                        let rowsPass = pass.from(filter: g * p.mg, element: first)
                        matrices[g].multiply(packedColumns: cb.baseAddress!, columns: rows.count * p.outW, into: y + first, ldc: outPixels,
                                             rowBias: rowsPass.bias, addend: rowsPass.residual, clampsAtZero: rowsPass.clampsAtZero)
                    }
                }
            }
        }
    }

    /// Several images' column matrices side by side, one sgemm per group for all of them: a wider
    /// product keeps sgemm efficient where each image has few output pixels (late layers).
    /// Returns whether the output pass was applied (`multiply`): never with a residual, which is
    /// laid out as the output, not as the images side by side.
    private func forwardImagesTogether(_ images: Range<Int>, _ x: UnsafePointer<Float>, _ product: Product, _ pass: OutputPass,
                                       _ p: Plan, _ y: UnsafeMutablePointer<Float>) -> Bool {
        let productPass = pass.residual == nil ? pass : nil
        let outPixels = p.outH * p.outW
        let width = images.count * outPixels
        var columns = Conv.workspace(p.k * width), products = Conv.workspace(p.mg * width)
        return columns.withUnsafeMutableBufferPointer { cb in
            products.withUnsafeMutableBufferPointer { pb in
                var finished = true
                for g in 0..<p.groups {
                    Parallel.split(images.count) { slots in
                        for slot in slots {
                            Im2Col.unfold(image: x + ((images.lowerBound + slot) * p.c + g * p.cg) * p.h * p.w, channels: p.cg,
                                          height: p.h, width: p.w, window: p.window, pads: p.pads, outH: p.outH, outW: p.outW,
                                          columns: cb.baseAddress! + slot * outPixels, rowStride: width)
                        }
                    }
                    finished = multiply(group: g, product, p, b: cb.baseAddress!, columns: width, c: pb.baseAddress!,
                                        pass: productPass?.from(filter: g * p.mg, element: 0)) && productPass != nil && finished
                    Parallel.split(p.mg, minimumPerThread: Conv.planesPerThread(width)) { channels in
                        for (slot, image) in images.enumerated() {
                            for channel in channels {
                                (y + (image * p.m + g * p.mg + channel) * outPixels)
                                    .update(from: pb.baseAddress! + channel * width + slot * outPixels, count: outPixels)
                            }
                        }
                    }
                }
                return finished
            }
        }
    }

    /// The output pass over `images` of y, after products that did not apply it.
    private func finish(_ y: UnsafeMutablePointer<Float>, images: Range<Int>, _ p: Plan, _ pass: OutputPass) {
        guard pass.bias != nil || pass.residual != nil || pass.clampsAtZero else { return }
        let outPixels = p.outH * p.outW
        Parallel.split(images.count * p.m, minimumPerThread: Conv.planesPerThread(outPixels)) { planes in
            for index in planes {
                let (image, channel) = (images.lowerBound + index / p.m, index % p.m)
                let start = (image * p.m + channel) * outPixels
                pass.from(filter: channel, element: start).apply(to: y + start, count: outPixels)
            }
        }
    }

    /// One filter per channel, directly (sgemm with a single output row would waste its time): each
    /// kernel tap adds its weight times the input plane, shifted by the tap's offset and subsampled by
    /// the strides, to the output pixels whose input for that tap lies inside the plane. The inner
    /// loop runs along an output row without bounds checks, so it vectorises. `planes` numbers the
    /// (image, channel) pairs to compute as image · C + channel.
    private func depthwise(_ x: UnsafePointer<Float>, _ weight: UnsafePointer<Float>, _ p: Plan, _ y: UnsafeMutablePointer<Float>,
                           planes: Range<Int>) {
        let (kH, kW) = p.window.kernel, (sH, sW) = p.window.strides, (dH, dW) = p.window.dilations
        /// ⌈a / b⌉ for b > 0 (Swift's division truncates towards zero, which is the ceiling for a < 0).
        func ceilDiv(_ a: Int, _ b: Int) -> Int { a > 0 ? (a + b - 1) / b : a / b }
        for index in planes {
            let (image, channel) = (index / p.c, index % p.c)
            let plane = x + (image * p.c + channel) * p.h * p.w
            let filter = weight + channel * kH * kW
            let out = y + (image * p.m + channel) * p.outH * p.outW
            out.initialize(repeating: 0, count: p.outH * p.outW)
            for ki in 0..<kH {
                // Output row oh reads input row oh·sH + rowOffset, inside the plane for oh in rows.
                let rowOffset = ki * dH - p.pads[0]
                let rows = max(0, ceilDiv(-rowOffset, sH))..<max(0, min(p.outH, ceilDiv(p.h - rowOffset, sH)))
                for kj in 0..<kW {
                    let columnOffset = kj * dW - p.pads[1]
                    let first = max(0, ceilDiv(-columnOffset, sW)), end = min(p.outW, ceilDiv(p.w - columnOffset, sW))
                    guard first < end else { continue }
                    let tap = filter[ki * kW + kj]
                    for oh in rows {
                        let source = plane + (oh * sH + rowOffset) * p.w + columnOffset
                        let row = out + oh * p.outW
                        if sW == 1 {
                            for ow in first..<end { row[ow] += tap * source[ow] }
                        } else {
                            for ow in first..<end { row[ow] += tap * source[ow * sW] }
                        }
                    }
                }
            }
        }
    }

    /// Packs each group's filters (M/group × C/group·kH·kW) from the fixed weight `weight`; a
    /// depthwise weight (one input and one output channel per group, `Plan.isDepthwise`) is left
    /// as it is: it runs as a direct loop, without a product.
    mutating func pack(_ weight: Tensor) {
        guard weight.rank == 4, !(weight.shape[1] == 1 && weight.shape[0] == group) else { return }
        let (rows, depth) = (weight.shape[0] / group, weight.count / weight.shape[0])
        let matrices = weight.data.withUnsafeBufferPointer { w in
            (0..<group).map { PackedMatrix(w.baseAddress! + $0 * rows * depth, rows: rows, depth: depth, lda: depth) }
        }
        packedWeight = PackedWeights(source: WeightSource(weight), matrices: matrices)
    }

    /// dX = fold(Wᵀ·dY), dW = dY·colᵀ, dB = Σ dY over images and pixels, and a fused residual's
    /// gradient is dY (summed to its shape where it broadcast); with a fused Relu, dY is first
    /// zeroed where the output is not positive. This runs through im2col whichever path the
    /// forward took: a Winograd forward computes the same convolution, so it has the same gradients.
    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let x = try inputs.required(0), weight = try inputs.required(1), bias = inputs.optional(2), residual = inputs.optional(3)
        let p = try plan(x, weight, bias)
        let dy = clampsAtZero ? outputGradients[0].zeroed(where: outputs[0]) : outputGradients[0]
        let outPixels = p.outH * p.outW
        var dx = Tensor(shape: x.shape), dw = Tensor(shape: weight.shape)
        var columns = [Float](repeating: 0, count: p.k * outPixels)
        var dColumns = [Float](repeating: 0, count: p.k * outPixels)
        let blas = OpenBLAS.shared
        x.data.withUnsafeBufferPointer { xb in
            weight.data.withUnsafeBufferPointer { wb in
                dy.data.withUnsafeBufferPointer { dyb in
                    dx.data.withUnsafeMutableBufferPointer { dxb in
                        dw.data.withUnsafeMutableBufferPointer { dwb in
                            columns.withUnsafeMutableBufferPointer { cb in
                                dColumns.withUnsafeMutableBufferPointer { dcb in
                                    for image in 0..<p.n {
                                        for g in 0..<p.groups {
                                            let offset = (image * p.c + g * p.cg) * p.h * p.w
                                            let gradOut = dyb.baseAddress! + (image * p.m + g * p.mg) * outPixels
                                            Im2Col.unfold(image: xb.baseAddress! + offset, channels: p.cg, height: p.h, width: p.w,
                                                          window: p.window, pads: p.pads, outH: p.outH, outW: p.outW, columns: cb.baseAddress!)
                                            blas.parallelSgemm(transA: false, transB: true, m: p.mg, n: p.k, k: outPixels,
                                                       a: gradOut, lda: outPixels, b: cb.baseAddress!, ldb: outPixels,
                                                       beta: 1, c: dwb.baseAddress! + g * p.mg * p.k, ldc: p.k)
                                            blas.parallelSgemm(transA: true, transB: false, m: p.k, n: outPixels, k: p.mg,
                                                       a: wb.baseAddress! + g * p.mg * p.k, lda: p.k, b: gradOut, ldb: outPixels,
                                                       beta: 0, c: dcb.baseAddress!, ldc: outPixels)
                                            Im2Col.fold(columns: dcb.baseAddress!, channels: p.cg, height: p.h, width: p.w,
                                                        window: p.window, pads: p.pads, outH: p.outH, outW: p.outW, image: dxb.baseAddress! + offset)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var db: Tensor?
        if bias != nil {
            var sums = Tensor(shape: [p.m])
            for image in 0..<p.n {
                for channel in 0..<p.m {
                    let start = (image * p.m + channel) * outPixels
                    sums.data[channel] += dy.data[start..<start + outPixels].reduce(0, +)
                }
            }
            db = sums
        }
        return [dx, dw, db] + (residual.map { [Broadcast.reduce(dy, to: $0.shape)] } ?? [])
    }
}
