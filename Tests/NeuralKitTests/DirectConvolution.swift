@testable import NeuralKit

/// A 2-D convolution ([N, C, H, W] ⊛ [M, C/group, kH, kW]) summed directly in Double, one output
/// at a time from the definition, and the sum of |w·x| of each output's terms (the scale of
/// float32 rounding in that output). `pads` are top, left, bottom, right.
func directConvolution(_ x: Tensor, _ w: Tensor, _ bias: Tensor?, group: Int = 1, strides: (Int, Int) = (1, 1),
                       pads: [Int], dilations: (Int, Int) = (1, 1)) -> (y: [Double], scale: [Double]) {
    let (n, c, h, width, m) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3], w.shape[0])
    let (kH, kW) = (w.shape[2], w.shape[3]), (cg, mg) = (c / group, m / group)
    let outH = (h + pads[0] + pads[2] - dilations.0 * (kH - 1) - 1) / strides.0 + 1
    let outW = (width + pads[1] + pads[3] - dilations.1 * (kW - 1) - 1) / strides.1 + 1
    var y = [Double](), scale = [Double]()
    for image in 0..<n {
        for filter in 0..<m {
            let firstChannel = filter / mg * cg
            for oh in 0..<outH {
                for ow in 0..<outW {
                    var sum = Double(bias?.data[filter] ?? 0), magnitude = abs(sum)
                    for channel in 0..<cg {
                        for ki in 0..<kH {
                            for kj in 0..<kW {
                                let ih = oh * strides.0 - pads[0] + ki * dilations.0, iw = ow * strides.1 - pads[1] + kj * dilations.1
                                guard ih >= 0, ih < h, iw >= 0, iw < width else { continue }
                                let term = Double(x.data[((image * c + firstChannel + channel) * h + ih) * width + iw])
                                    * Double(w.data[((filter * cg + channel) * kH + ki) * kW + kj])
                                sum += term
                                magnitude += abs(term)
                            }
                        }
                    }
                    y.append(sum)
                    scale.append(magnitude)
                }
            }
        }
    }
    return (y, scale)
}

/// The largest error of `y` against a direct sum, relative to each output's Σ|w·x|.
func worstRelativeError(_ y: Tensor, _ reference: (y: [Double], scale: [Double])) -> Double {
    guard y.count == reference.y.count else { return .infinity }
    return zip(y.data, zip(reference.y, reference.scale)).map { abs(Double($0) - $1.0) / max($1.1, .leastNormalMagnitude) }.max() ?? .infinity
}
