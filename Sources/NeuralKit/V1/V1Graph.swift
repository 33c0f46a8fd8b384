import StimulusKit

/// The built-in V1 model as a NeuralKit graph, so that it can be listed, read out and dreamed on
/// like any imported model, with gradients from the ops' own backward passes.
///
/// The graph computes what `V1Model.run` and `V1Band` compute by hand, with the same layer names and
/// channel layouts (docs/V1_MODEL.md), from an image of display drive levels:
/// - `linear_rgb`: the monitor's transfer functions (drive level → linear light, per gun);
/// - `opponent`: a 1×1 convolution with the RGB → DKL cone-contrast matrix, the background subtracted
///   by its bias;
/// - per band F (e.g. `@1.5cpd`): `linear@F`, the Gabor bank as a grouped convolution (one group per
///   opponent channel, no padding, the bank's stride); `signed@F`, a grouped 1×1 convolution making
///   (+x, −x) of every linear response, and `simple@F` = ReLU of it; `complex@F` = √(even² + odd²)
///   (`linear_squared@F`, then the pairs summed by a grouped 1×1 convolution, `pair_sum@F`, then Sqrt);
///   `normalized@F` = complex / (σ + mean over orientations), the denominator `orientation_pool@F` a
///   grouped 1×1 convolution with bias σ; `conjunctive@F` from `conjunctive_linear@F` (a 1×1
///   convolution giving luminance ± L−M for each filter) in the same way as `complex@F`.
extension V1Model {
    /// Name of the graph's input: [1, 3, N, N] display drive levels (byte / 255) in R, G, B order,
    /// N = `configuration.inputSizePx`.
    public static let graphInput = "image"

    /// The model as a graph whose input is seen through `transfer` (the display's gun transfer
    /// functions, normally those of the profile the model was made with).
    public func network(transfer: MonitorProfile.GunTransfers) throws -> Network {
        var graph = GraphBuilder()
        let linearRGB = graph.add("linear_rgb", "DisplayDecode", [Self.graphInput], DisplayDecoding(guns: transfer.guns))
        let opponent = try graph.conv("opponent", linearRGB, weight: opponentWeight, bias: opponentBias)
        var outputs = [String]()
        for bank in banks {
            outputs += try addBand(bank, from: opponent, to: &graph)
        }
        let size = configuration.inputSizePx
        return graph.network(inputs: [.init(name: Self.graphInput, shape: [1, 3, size, size])], outputs: outputs)
    }

    /// [3, 3, 1, 1]: row c gives opponent channel c's contrast per unit of linear R, G, B.
    private var opponentWeight: Tensor {
        Tensor(shape: [3, 3, 1, 1], data: input.rgbToDKL.flatMap { row in (0..<3).map { Float(row[$0]) } })
    }

    /// [3]: minus each opponent channel's response to the background, so that it reads 0 there.
    private var opponentBias: Tensor {
        Tensor(shape: [3], data: input.rgbToDKL.map { Float(-($0 * input.background).sum()) })
    }

    /// Adds one band's layers and returns the names of its last ones (normalised and conjunctive).
    private func addBand(_ bank: GaborBank, from opponent: String, to graph: inout GraphBuilder) throws -> [String] {
        let o = configuration.orientationsDeg.count
        let suffix = Self.bandSuffix(bank.cpd)
        let bankWeight = Tensor(shape: [3 * o * 2, 1, bank.size, bank.size],
                                data: Array([[Float]](repeating: bank.weights.data, count: 3).joined()))
        let linear = try graph.conv("linear" + suffix, opponent, weight: bankWeight, group: 3, stride: bank.stride)

        let signed = try graph.conv("signed" + suffix, linear, weight: Self.onOff(3 * o * 2), group: 3 * o * 2)
        graph.add("simple" + suffix, "Relu", [signed], Activation(.relu))

        let complex = try addEnergy("complex" + suffix, of: linear, pairs: 3 * o, suffix: suffix, prefix: "", to: &graph)
        let pool = try graph.conv("orientation_pool" + suffix, complex, weight: Tensor(shape: [3 * o, o, 1, 1], repeating: 1 / Float(o)),
                                  bias: Tensor(shape: [3 * o], repeating: Float(configuration.normalizationSemisaturation)), group: 3)
        let normalized = graph.add("normalized" + suffix, "Div", [complex, pool], try Division())

        let mixed = try graph.conv("conjunctive_linear" + suffix, linear, weight: Self.colourLuminanceMix(o))
        let conjunctive = try addEnergy("conjunctive" + suffix, of: mixed, pairs: 2 * o, suffix: suffix, prefix: "conjunctive_", to: &graph)
        return [normalized, conjunctive]
    }

    /// Adds √(even² + odd²) over consecutive channel pairs of `pairsTensor` as the tensor `name`.
    private func addEnergy(_ name: String, of pairsTensor: String, pairs: Int, suffix: String, prefix: String,
                           to graph: inout GraphBuilder) throws -> String {
        let squared = graph.add(prefix + "linear_squared" + suffix, "Mul", [pairsTensor, pairsTensor], try Elementwise(.mul, Attributes()))
        let sum = try graph.conv(prefix + "pair_sum" + suffix, squared, weight: Tensor(shape: [pairs, 2, 1, 1], repeating: 1), group: pairs)
        return graph.add(name, "Sqrt", [sum], try SquareRoot())
    }

    /// [2·n, 1, 1, 1]: for each of n channels, a copy with sign + and one with sign −.
    private static func onOff(_ n: Int) -> Tensor {
        Tensor(shape: [2 * n, 1, 1, 1], data: (0..<2 * n).map { $0 % 2 == 0 ? 1 : -1 })
    }

    /// [2·o·2, 3·o·2, 1, 1]: output (sign·o + i)·2 + phase = luminance (i, phase) + (sign 0) or − (sign 1)
    /// L−M (i, phase), reading the linear layout (channel·o + i)·2 + phase.
    private static func colourLuminanceMix(_ o: Int) -> Tensor {
        var w = Tensor(shape: [2 * o * 2, 3 * o * 2, 1, 1])
        for sign in 0..<2 {
            for i in 0..<o {
                for phase in 0..<2 {
                    let row = ((sign * o + i) * 2 + phase) * 3 * o * 2
                    w.data[row + (i * 2 + phase)] = 1
                    w.data[row + ((o + i) * 2 + phase)] = sign == 0 ? 1 : -1
                }
            }
        }
        return w
    }
}
