extension Conv {
    /// What a convolution adds to its filters' products as it writes its output, and how it
    /// clamps them: the bias (one value per filter), a residual connection's tensor fused in by
    /// the importer (laid out as the output), and a fused Relu's clamp at zero, in that order.
    struct OutputPass {
        /// The bias of the first filter written (nil: none).
        var bias: UnsafePointer<Float>?
        /// The residual's element for the first output element written (nil: none).
        var residual: UnsafePointer<Float>?
        var clampsAtZero: Bool

        /// The pass for an output written from filter `filter` and output element `element` on.
        func from(filter: Int, element: Int) -> OutputPass {
            OutputPass(bias: bias.map { $0 + filter }, residual: residual.map { $0 + element }, clampsAtZero: clampsAtZero)
        }

        /// Applies the pass in place to `count` elements of one filter's output plane.
        func apply(to plane: UnsafeMutablePointer<Float>, count: Int) {
            let offset = bias?.pointee ?? 0
            let floor = clampsAtZero ? 0 : -Float.infinity
            if let residual {
                for i in 0..<count { plane[i] = max(plane[i] + offset + residual[i], floor) }
            } else {
                for i in 0..<count { plane[i] = max(plane[i] + offset, floor) }
            }
        }
    }
}
