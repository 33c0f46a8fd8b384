import NeuralKit

/// Which of the V1 model's oriented units a prediction reads the perceived tint from: every unit of
/// every spatial-frequency band (`all`, the default), or the units of one band, named as that band's
/// Gabor layer (`linear@1.5cpd`), whose luminance and L−M responses the decorrelation works on.
public struct PredictionLayer: Sendable, Equatable {
    /// The layer's name as given on the command line.
    public let name: String
    /// Unit indices (`band · orientations + orientation`) the reading sums over.
    let units: Range<Int>

    /// The name of the reading over every band.
    public static let allName = "all"

    /// Every layer a prediction with `configuration` can read: `all`, then one per band.
    public static func available(_ configuration: V1Configuration) -> [PredictionLayer] {
        let o = configuration.orientationsDeg.count, bands = configuration.spatialFrequenciesCpd.count
        return [PredictionLayer(name: allName, units: 0..<(o * bands))]
            + (0..<bands).map { PredictionLayer(name: "linear" + V1Model.bandSuffix(configuration.spatialFrequenciesCpd[$0]), units: ($0 * o)..<(($0 + 1) * o)) }
    }

    /// The layer called `name`; the error lists the valid names.
    public static func named(_ name: String, _ configuration: V1Configuration) throws -> PredictionLayer {
        let choices = available(configuration)
        guard let layer = choices.first(where: { $0.name == name }) else {
            throw NeuralError("the V1 prediction has no layer '\(name)' (layers: \(choices.map(\.name).joined(separator: ", ")))")
        }
        return layer
    }
}
