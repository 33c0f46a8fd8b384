import Foundation
import StimulusKit

/// A monitor's transfer functions applied to an image tensor [N, 3, H, W] of drive levels (0…1 of
/// full scale, i.e. byte / 255): channel c becomes the normalised linear light of gun c (0…1), as
/// `TransferFunction.decode` computes it. Levels outside 0…1 are clamped, as the display does.
///
/// Its backward multiplies the output gradient by the transfer function's slope at the input
/// (0 where the input was clamped).
struct DisplayDecoding: Operator {
    /// The red, green and blue guns' transfer functions, in channel order.
    var guns: [TransferFunction]

    init(guns: [TransferFunction]) { self.guns = guns }

    /// Planes of `x` and the elements in each, checking that there are three channels.
    private func layout(_ x: Tensor) throws -> (images: Int, plane: Int) {
        try expectRank(x, 4, "input (N, 3, H, W)")
        guard x.shape[1] == guns.count else {
            throw NeuralError("input has \(x.shape[1]) channels; the display has \(guns.count) guns")
        }
        return (x.shape[0], x.shape[2] * x.shape[3])
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] {
        var y = try inputs.required(0)
        let (images, plane) = try layout(y)
        for image in 0..<images {
            for (c, gun) in guns.enumerated() {
                let start = (image * guns.count + c) * plane
                for i in start..<start + plane { y.data[i] = Float(gun.decode(Double(y.data[i]))) }
            }
        }
        return [y]
    }

    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] {
        let x = try inputs.required(0)
        let (images, plane) = try layout(x)
        var dx = outputGradients[0]
        for image in 0..<images {
            for (c, gun) in guns.enumerated() {
                let start = (image * guns.count + c) * plane
                for i in start..<start + plane { dx.data[i] *= Float(gun.slope(Double(x.data[i]))) }
            }
        }
        return [dx]
    }
}

extension TransferFunction {
    /// d decode / dv at drive level `v` (normalised luminance per unit of drive level); 0 outside
    /// 0…1, where `decode` clamps, and where the slope is unbounded (a power law below 1 at 0).
    func slope(_ v: Double) -> Double {
        guard v >= 0, v <= 1 else { return 0 }
        switch self {
        case .sRGB:
            return v <= 0.04045 ? 1 / 12.92 : 2.4 / 1.055 * pow((v + 0.055) / 1.055, 1.4)
        case let .gamma(g):
            return v > 0 ? g * pow(v, g - 1) : (g == 1 ? 1 : 0)
        case let .table(t):
            let p = v * Double(t.count - 1)
            let i = min(Int(p), t.count - 2)
            return (t[i + 1] - t[i]) * Double(t.count - 1)
        }
    }
}
