import StimulusKit

/// Lucid's `standard_transforms`, drawn afresh for every optimisation step so that the image must
/// work under small shifts, scalings and rotations: pad 12 px with grey 0.5, jitter 8 px, scale by
/// one of 0.90, 0.92, …, 1.10, rotate by one of −10…10° (0° six times as likely as each other
/// angle), jitter 4 px. Rotation is bilinear here (Lucid's `tfa.image.rotate` samples the nearest pixel).
enum RandomTransforms {
    /// Border added on every side (px) and its value (display drive level, 0…1).
    static let padPx = 12
    static let padFill: Float = 0.5
    /// Pixels removed by the first and the last random crop (px).
    static let jittersPx = (first: 8, last: 4)
    /// Scale factors, one drawn per step.
    static let scales = (0..<11).map { 1 + Double($0 - 5) / 50 }
    /// Rotation angles (deg, counter-clockwise), one drawn per step.
    static let anglesDeg = (-10...10).map(Double.init) + [Double](repeating: 0, count: 5)

    /// The maps, in order, for an image of `height` × `width` px.
    static func draw(height: Int, width: Int, random: inout SeededGenerator) -> [SamplingMap] {
        var maps = [SamplingMap.pad(height: height, width: width, border: padPx, fill: padFill)]
        maps.append(jitter(after: maps.last!, by: jittersPx.first, random: &random))
        let scale = scales[random.index(below: scales.count)]
        let (h, w) = (maps.last!.outputHeight, maps.last!.outputWidth)
        maps.append(.resize(height: h, width: w, to: (Int(scale * Double(h)), Int(scale * Double(w)))))
        let angle = anglesDeg[random.index(below: anglesDeg.count)]
        maps.append(.rotate(height: maps.last!.outputHeight, width: maps.last!.outputWidth, degrees: angle))
        maps.append(jitter(after: maps.last!, by: jittersPx.last, random: &random))
        return maps
    }

    /// Lucid's `jitter(d)`: a crop `d` px smaller than the image at a random offset (0…d px on each axis).
    private static func jitter(after previous: SamplingMap, by d: Int, random: inout SeededGenerator) -> SamplingMap {
        let (h, w) = (previous.outputHeight, previous.outputWidth)
        let top = random.index(below: d + 1), left = random.index(below: d + 1)
        return .crop(height: h, width: w, top: top, left: left, size: (h - d, w - d))
    }
}
