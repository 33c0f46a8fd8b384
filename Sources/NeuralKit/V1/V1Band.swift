/// One spatial-frequency band of the V1 model's response to one image. The linear layer holds the
/// Gabor responses (contrast units: 1 = a full-contrast grating in the filter's own phase);
/// the other layers are computed from it on demand.
///
/// Channel layouts (`o` = number of orientations, channels lum, lm, s):
/// - `linear`: `[1, 3·o·2, h, w]`, index `(channel·o + orientation)·2 + (0 even | 1 odd)`;
/// - `simple`: `[1, 3·o·4, h, w]`, index `(channel·o + orientation)·4 + k`, k = ReLU(even), ReLU(−even),
///   ReLU(odd), ReLU(−odd) (on and off subunits of both phases);
/// - `complex`: `[1, 3·o, h, w]`, `√(even² + odd²)` (energy; the grating's contrast amplitude);
/// - `normalized`: `complex / (σ + mean over orientations of complex)` at the same channel and place
///   (divisive normalisation, σ = `normalizationSemisaturation`);
/// - `conjunctive`: `[1, 2·o, h, w]`, index `sign·o + orientation`: the energy of the luminance pair
///   plus (sign 0) or minus (sign 1) the L−M pair, i.e. orientation-tuned units driven by light bars
///   that are reddish (L−M > 0) or greenish.
public struct V1Band: Sendable {
    /// Preferred spatial frequency (cycles/deg).
    public let cpd: Double
    public let orientations: Int
    public let linear: Tensor
    /// Divisive-normalisation semi-saturation constant (contrast).
    public let semisaturation: Float

    /// Positions (h × w) per channel.
    public var positions: Int { linear.shape[2] * linear.shape[3] }

    /// The linear plane of `channel` (0 lum, 1 lm, 2 s), `orientation`, `phase` (0 even, 1 odd).
    func plane(_ channel: Int, _ orientation: Int, _ phase: Int) -> ArraySlice<Float> {
        let start = ((channel * orientations + orientation) * 2 + phase) * positions
        return linear.data[start..<start + positions]
    }

    /// Builds a layer of `channels` planes, each filled by `body(plane index, position) -> value`.
    private func layer(_ channels: Int, _ body: (Int, Int) -> Float) -> Tensor {
        var data = [Float](repeating: 0, count: channels * positions)
        for c in 0..<channels { for p in 0..<positions { data[c * positions + p] = body(c, p) } }
        return Tensor(shape: [1, channels, linear.shape[2], linear.shape[3]], data: data)
    }

    private func value(_ channel: Int, _ orientation: Int, _ phase: Int, _ position: Int) -> Float {
        linear.data[((channel * orientations + orientation) * 2 + phase) * positions + position]
    }

    public var simple: Tensor {
        layer(3 * orientations * 4) { c, p in
            let v = value(c / 4 / orientations, (c / 4) % orientations, (c % 4) / 2, p)
            return max(0, c % 2 == 0 ? v : -v)
        }
    }

    public var complex: Tensor {
        layer(3 * orientations) { c, p in
            let e = value(c / orientations, c % orientations, 0, p), o = value(c / orientations, c % orientations, 1, p)
            return (e * e + o * o).squareRoot()
        }
    }

    public var normalized: Tensor {
        let energy = complex
        return layer(3 * orientations) { c, p in
            let channel = c / orientations
            var pool: Float = 0
            for i in 0..<orientations { pool += energy.data[(channel * orientations + i) * positions + p] }
            return energy.data[c * positions + p] / (semisaturation + pool / Float(orientations))
        }
    }

    public var conjunctive: Tensor {
        layer(2 * orientations) { c, p in
            let sign: Float = c < orientations ? 1 : -1, i = c % orientations
            let e = value(0, i, 0, p) + sign * value(1, i, 0, p), o = value(0, i, 1, p) + sign * value(1, i, 1, p)
            return (e * e + o * o).squareRoot()
        }
    }
}
