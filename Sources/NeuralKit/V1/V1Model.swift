import Foundation
import StimulusKit

/// The built-in V1 model: cone-contrast input, a Gabor quadrature-pair bank per spatial-frequency
/// band on each opponent channel, simple cells (half-wave rectified), complex cells (energy),
/// divisive normalisation, and colour–luminance conjunctive units. Deterministic; no weights to
/// download. docs/V1_MODEL.md describes each layer and parameter.
public struct V1Model: Sendable {
    /// The opponent channels in the order of the input planes.
    public static let channels = ["lum", "lm", "s"]
    public let configuration: V1Configuration
    public let input: ConeContrastInput
    /// One filter bank per entry of `configuration.spatialFrequenciesCpd`.
    public let banks: [GaborBank]

    /// Fails naming the parameter that is out of range, or when the background is black.
    public init(configuration: V1Configuration = V1Configuration(), profile: MonitorProfile, background: SIMD3<Double>) throws {
        try configuration.validate()
        self.configuration = configuration
        input = try ConeContrastInput(profile: profile, background: background)
        banks = configuration.spatialFrequenciesCpd.map { GaborBank(cpd: $0, configuration: configuration) }
    }

    /// The band's layer-name suffix, e.g. `@1.5cpd` for 1.5 cycles/deg, `@6cpd` for 6.
    public static func bandSuffix(_ cpd: Double) -> String {
        "@" + (cpd == cpd.rounded() ? String(Int(cpd)) : String(cpd)) + "cpd"
    }

    /// Runs the model on a `size × size` image (`configuration.inputSizePx`) spanning `fieldDeg`.
    public func run(_ image: LinearImage) throws -> V1Response {
        let size = configuration.inputSizePx
        guard image.width == size, image.height == size else {
            throw NeuralError("V1 model: input is \(image.width)×\(image.height) px; it needs \(size)×\(size) px (field_deg × pixels_per_degree)")
        }
        let opponent = input.tensor(image)
        let orientations = configuration.orientationsDeg.count
        let bands = try banks.map { bank -> V1Band in
            let weights = Tensor(shape: [3 * orientations * 2, 1, bank.size, bank.size],
                                 data: Array([[Float]](repeating: bank.weights.data, count: 3).joined()))
            let conv = try Conv(Attributes(["group": .int(3), "strides": .ints([bank.stride, bank.stride])]))
            let linear = try conv.forward([opponent, weights, nil])[0]
            return V1Band(cpd: bank.cpd, orientations: orientations, linear: linear,
                          semisaturation: Float(configuration.normalizationSemisaturation))
        }
        return V1Response(opponent: opponent, bands: bands)
    }

    /// Every layer with its shape for one image, in the order the model computes them.
    public func layers() -> [LayerInfo] {
        let size = configuration.inputSizePx
        let o = configuration.orientationsDeg.count
        var list = [LayerInfo(name: "opponent", node: "opponent", opType: "ConeContrast", shape: [1, 3, size, size])]
        for bank in banks {
            let side = (size - bank.size) / bank.stride + 1
            let suffix = Self.bandSuffix(bank.cpd)
            for (name, op, channels) in [("linear", "Gabor", 3 * o * 2), ("simple", "HalfWave", 3 * o * 4),
                                         ("complex", "Energy", 3 * o), ("normalized", "DivisiveNorm", 3 * o),
                                         ("conjunctive", "ColourLuminance", 2 * o)] {
                list.append(LayerInfo(name: name + suffix, node: name + suffix, opType: op, shape: [1, channels, side, side]))
            }
        }
        return list
    }
}
