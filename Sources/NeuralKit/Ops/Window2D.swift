/// The sliding-window geometry shared by Conv and the pools, over the height and width axes (px).
struct Window2D: Sendable, Equatable {
    var kernel: (h: Int, w: Int)
    var strides: (h: Int, w: Int) = (1, 1)
    var dilations: (h: Int, w: Int) = (1, 1)
    /// Explicit padding: top, left, bottom, right (px).
    var pads: [Int] = [0, 0, 0, 0]
    /// NOTSET (use `pads`), SAME_UPPER, SAME_LOWER or VALID.
    var autoPad: String = "NOTSET"
    /// Pools only: round the output size up (a last, partial window is kept).
    var ceilMode = false

    static func == (a: Window2D, b: Window2D) -> Bool {
        a.kernel == b.kernel && a.strides == b.strides && a.dilations == b.dilations && a.pads == b.pads
            && a.autoPad == b.autoPad && a.ceilMode == b.ceilMode
    }

    static let autoPadChoices: Set<String> = ["NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"]

    /// Reads kernel_shape, strides, dilations, pads and auto_pad; `kernel` fills in a missing
    /// kernel_shape (Conv takes it from the weight).
    init(_ attributes: Attributes, kernel fallback: (Int, Int)? = nil) throws {
        let kernel = try attributes.ints("kernel_shape") ?? fallback.map { [$0.0, $0.1] }
        guard let kernel, kernel.count == 2, kernel.allSatisfy({ $0 > 0 }) else {
            throw NeuralError("attribute 'kernel_shape' must hold two positive sizes (only 2-D windows are supported)")
        }
        self.kernel = (kernel[0], kernel[1])
        if let s = try attributes.ints("strides") {
            guard s.count == 2, s.allSatisfy({ $0 > 0 }) else { throw NeuralError("attribute 'strides' must hold two positive values, got \(s)") }
            strides = (s[0], s[1])
        }
        if let d = try attributes.ints("dilations") {
            guard d.count == 2, d.allSatisfy({ $0 > 0 }) else { throw NeuralError("attribute 'dilations' must hold two positive values, got \(d)") }
            dilations = (d[0], d[1])
        }
        if let p = try attributes.ints("pads") {
            guard p.count == 4, p.allSatisfy({ $0 >= 0 }) else { throw NeuralError("attribute 'pads' must hold four non-negative values, got \(p)") }
            pads = [p[0], p[1], p[2], p[3]]
        }
        autoPad = try attributes.string("auto_pad", default: "NOTSET")
        guard Window2D.autoPadChoices.contains(autoPad) else {
            throw NeuralError("attribute 'auto_pad' is '\(autoPad)' (supported: \(Window2D.autoPadChoices.sorted().joined(separator: ", ")))")
        }
        ceilMode = try attributes.int("ceil_mode", default: 0) != 0
    }

    init(kernel: (Int, Int)) { self.kernel = kernel }

    /// The output columns (of `outW`) whose kernel column `kj` reads a column inside an input
    /// `width` px wide, with `padLeft` px of padding on the left.
    func outputColumnsInside(kernelColumn kj: Int, width: Int, padLeft: Int, outW: Int) -> Range<Int> {
        let offset = kj * dilations.w - padLeft
        let first = offset >= 0 ? 0 : (-offset + strides.w - 1) / strides.w
        let last = min(outW, (width - offset + strides.w - 1) / strides.w)
        return first..<max(first, last)
    }

    /// Extent of the dilated kernel (px).
    var span: (h: Int, w: Int) { ((kernel.h - 1) * dilations.h + 1, (kernel.w - 1) * dilations.w + 1) }

    /// The padding actually applied to an input of this height and width: top, left, bottom, right.
    func resolvedPads(height: Int, width: Int) -> [Int] {
        switch autoPad {
        case "VALID": return [0, 0, 0, 0]
        case "SAME_UPPER", "SAME_LOWER":
            func total(_ size: Int, _ stride: Int, _ span: Int) -> Int {
                max(0, ((size + stride - 1) / stride - 1) * stride + span - size)
            }
            let th = total(height, strides.h, span.h), tw = total(width, strides.w, span.w)
            return autoPad == "SAME_UPPER"
                ? [th / 2, tw / 2, th - th / 2, tw - tw / 2]
                : [th - th / 2, tw - tw / 2, th / 2, tw / 2]
        default: return pads
        }
    }

    /// Output height and width for an input of this height and width, or an error when the window
    /// does not fit.
    func outputSize(height: Int, width: Int) throws -> (h: Int, w: Int) {
        let p = resolvedPads(height: height, width: width)
        func size(_ input: Int, _ begin: Int, _ end: Int, _ span: Int, _ stride: Int) throws -> Int {
            let room = input + begin + end - span
            guard room >= 0 else {
                throw NeuralError("window of \(span) px does not fit an input of \(input) px with padding \(begin)+\(end)")
            }
            if autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER" { return (input + stride - 1) / stride }
            var out = (ceilMode ? (room + stride - 1) / stride : room / stride) + 1
            // A last window that would start inside the end padding is dropped (as PyTorch and onnxruntime do).
            if ceilMode, (out - 1) * stride >= input + begin { out -= 1 }
            return out
        }
        return (try size(height, p[0], p[2], span.h, strides.h), try size(width, p[1], p[3], span.w, strides.w))
    }
}
