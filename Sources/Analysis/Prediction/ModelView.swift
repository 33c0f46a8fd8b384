import NeuralKit
import StimulusKit

/// Renders a stimulus as the V1 model sees it: the central `fieldDeg` of the screen at the model's
/// `pixelsPerDegree`, through the protocol's monitor profile (the same renderer the presenter uses,
/// at the model's resolution; degrees map linearly onto model pixels).
struct ModelView {
    let renderer: StimulusRenderer
    let size: Int

    init(configuration: V1Configuration, profile: MonitorProfile, distanceCm: Double) {
        size = configuration.inputSizePx
        // Small-angle mapping: px/deg = distance × π/180 × px/cm, solved for the screen width.
        let pixelsPerCm = configuration.pixelsPerDegree / (distanceCm * Double.pi / 180)
        let geometry = ViewingGeometry(screenWidthCm: Double(size) / pixelsPerCm, screenWidthPx: size,
                                       screenHeightPx: size, distanceCm: distanceCm)
        renderer = StimulusRenderer(geometry: geometry, profile: profile, mapping: .smallAngle)
    }

    func image(_ spec: StimulusSpec) throws -> LinearImage {
        try renderer.render(spec, width: size, height: size)
    }
}
