import CNeuralKernels

/// A convolution multiplied straight from its input, without a column matrix: each image's input
/// is padded and split by stride phase once (a few times the input's size at most, against the
/// column matrix's kH · kW times), and the packed weight's micro-kernel reads each tap's values for
/// 32 output pixels as 32 consecutive floats of those planes (Sources/CNeuralKernels/include/
/// implicit_conv.h). Bias, residual and a fused Relu are applied as the output is written.
///
/// It runs where the CPU has AVX-512 and the weight was packed at load, for every convolution
/// with more than one tap that is not depthwise or Winograd's: ResNet's 7 × 7 first layer alone
/// went from 3.7 to 1.6 ms, AlexNet's 11 × 11 from 3.0 to 1.1-1.6 ms against im2col + sgemm
/// (bench/RESULTS.md). The backward pass goes through im2col, as for every convolution.
struct ImplicitConvolution {
    let plan: Conv.Plan
    /// One group's geometry.
    var geometry: nk_implicit_geometry

    init(_ p: Conv.Plan) {
        plan = p
        geometry = nk_implicit_geometry(channels: p.cg, height: p.h, width: p.w, kernel_h: p.window.kernel.h, kernel_w: p.window.kernel.w,
                                        stride_h: p.window.strides.h, stride_w: p.window.strides.w,
                                        dilation_h: p.window.dilations.h, dilation_w: p.window.dilations.w,
                                        pad_top: p.pads[0], pad_left: p.pads[1], out_h: p.outH, out_w: p.outW)
    }

    /// Whether a convolution of plan `p` runs this way on this CPU: one with more than one tap.
    /// A 1 × 1 kernel with a stride reads one phase plane with as many channels as taps, whose
    /// rows the kernel's loads then leave the L1 cache for: ResNet-50's three 1 × 1 stride-2
    /// layers were 1.3-1.6 times slower this way than as im2col + a packed product
    /// (bench/RESULTS.md).
    static func runs(_ p: Conv.Plan) -> Bool {
        nk_implicit_available() != 0 && p.window.kernel.h * p.window.kernel.w > 1 && !p.isDepthwise
    }

    /// Writes the convolution of `x` with the packed filters of each group (`matrices`) into `y`,
    /// applying `pass`. Images are split over the threads where there are enough of them;
    /// otherwise each image's product is, by tiles of output pixels or by filters.
    func run(_ x: UnsafePointer<Float>, matrices: [PackedMatrix], _ pass: Conv.OutputPass, _ y: UnsafeMutablePointer<Float>) {
        let offsets = [Int](unsafeUninitializedCapacity: plan.k) { buffer, initialized in
            withUnsafePointer(to: geometry) { nk_implicit_offsets($0, buffer.baseAddress!) }
            initialized = plan.k
        }
        offsets.withUnsafeBufferPointer { offsets in
            if Parallel.threads > 1, plan.n >= Parallel.threads {
                Parallel.split(plan.n) { images in
                    for image in images { runImage(image, x, matrices, offsets.baseAddress!, pass, y) }
                }
            } else {
                for image in 0..<plan.n { runImage(image, x, matrices, offsets.baseAddress!, pass, y) }
            }
        }
    }

    /// One image, group by group: its phase planes, then the product, split over the threads
    /// (one thread inside a split over images).
    private func runImage(_ image: Int, _ x: UnsafePointer<Float>, _ matrices: [PackedMatrix], _ offsets: UnsafePointer<Int>,
                          _ pass: Conv.OutputPass, _ y: UnsafeMutablePointer<Float>) {
        withUnsafePointer(to: geometry) { g in
            runImage(image, geometry: g, x, matrices, offsets, pass, y)
        }
    }

    private func runImage(_ image: Int, geometry g: UnsafePointer<nk_implicit_geometry>, _ x: UnsafePointer<Float>,
                          _ matrices: [PackedMatrix], _ offsets: UnsafePointer<Int>, _ pass: Conv.OutputPass,
                          _ y: UnsafeMutablePointer<Float>) {
        let p = plan
        let outPixels = p.outH * p.outW
        let positions = nk_implicit_positions(g), tile = Int(NK_IMPLICIT_TILE)
        let phases = UnsafeMutablePointer<Float>.allocate(capacity: nk_implicit_input_count(g))
        defer { phases.deallocate() }
        for group in 0..<p.groups {
            let planes = x + (image * p.c + group * p.cg) * p.h * p.w
            Parallel.split(p.cg, minimumPerThread: Conv.planesPerThread(p.h * p.w)) { channels in
                nk_implicit_input(g, planes, channels.lowerBound, channels.upperBound, phases)
            }
            let first = (image * p.m + group * p.mg) * outPixels
            let groupPass = pass.from(filter: group * p.mg, element: first)
            let product = matrices[group]
            // By tiles of output pixels where there are at least as many as filters, else by panels
            // of filters, as the packed product splits its columns.
            product.split(columns: positions, columnStep: tile) { rows, tiles in
                product.storage.withUnsafeBufferPointer { packed in
                    nk_implicit_product(packed.baseAddress!, p.mg, p.k, rows.lowerBound, rows.upperBound, phases, offsets, g,
                                        tiles.lowerBound, tiles.upperBound, y + first + rows.lowerBound * outPixels, outPixels,
                                        groupPass.bias, groupPass.residual.map { $0 + rows.lowerBound * outPixels },
                                        groupPass.clampsAtZero ? 1 : 0)
                }
            }
        }
    }
}
