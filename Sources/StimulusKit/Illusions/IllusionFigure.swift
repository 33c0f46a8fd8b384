import Foundation

/// An illusion's drawing (shapes in deg, painted in order) and every value derived from its parameters,
/// keyed with the unit in the name (`_deg`, `_cd_m2`, `_count`; `luminance` keys are relative, 0–1 of white).
struct IllusionFigure: Sendable {
    var shapes: [FigureShape] = []
    var measures: [String: Double] = [:]

    /// Builds the figure of `illusion` at `time` s after onset; `maxLuminanceCdM2` turns relative luminances into cd/m² for the
    /// measures. Throws `StimulusError` naming the field under `path` when a derived size or luminance is invalid.
    init(_ illusion: Illusion, maxLuminanceCdM2: Double, time: Double = 0, path: String) throws {
        try illusion.validate(path)
        let g = FigureContext(illusion: illusion, time: time, maxLuminanceCdM2: maxLuminanceCdM2, path: path)
        switch illusion.kind {
        case .mullerLyer: self = try g.mullerLyer()
        case .ebbinghaus: self = try g.ebbinghaus()
        case .delboeuf: self = try g.delboeuf()
        case .ponzo: self = try g.ponzo()
        case .verticalHorizontal: self = try g.verticalHorizontal()
        case .zollner: self = try g.zollner()
        case .poggendorff: self = g.poggendorff()
        case .rodAndFrame: self = g.rodAndFrame()
        case .tilt: self = try g.tilt()
        case .simultaneousContrast: self = try g.simultaneousContrast()
        case .whites: self = try g.whites()
        case .machBands: self = try g.machBands()
        case .cornsweet: self = try g.cornsweet()
        case .hermannGrid: self = try g.hermannGrid()
        case .kanizsaTriangle: self = try g.kanizsaTriangle()
        case .rotatingSnakes: self = try g.rotatingSnakes()
        case .cafeWall: self = try g.cafeWall()
        case .scintillatingGrid: self = try g.scintillatingGrid()
        }
        measures["illusion_strength"] = illusion.illusionStrength
        measures["difference"] = illusion.difference
    }

    init() {}

    /// Records a relative luminance and its value in cd/m².
    mutating func luminance(_ key: String, _ l: Double, max: Double) {
        measures[key + "_luminance"] = l
        measures[key + "_luminance_cd_m2"] = l * max
    }
}

/// The parameters an illusion's geometry builder works from, with checks that name the field.
struct FigureContext {
    let illusion: Illusion
    /// Time since stimulus onset (s), for illusions with physical motion.
    let time: Double
    let maxLuminanceCdM2: Double
    let path: String

    var s: Double { illusion.illusionStrength }
    var d: Double { illusion.difference }
    var size: Double { illusion.sizeDeg }
    var line: Double { illusion.lineWidthDeg }
    var a: Colour { illusion.colourA }
    var b: Colour { illusion.colourB }
    var l0: Double { illusion.luminance }

    /// Target A's and B's sizes `size ± difference/2` (deg), both required to stay positive.
    func targetSizes() throws -> (a: Double, b: Double) {
        let sa = size + d / 2, sb = size - d / 2
        guard sa > 0, sb > 0 else {
            throw StimulusError.invalid(path + ".difference", "|difference| must be < 2 × size_deg (\(2 * size)) so both targets have a size, got \(d)")
        }
        return (sa, sb)
    }

    /// Checks that derived relative luminances lie in 0…1.
    func checkLuminances(_ values: [String: Double]) throws {
        for (name, v) in values.sorted(by: { $0.key < $1.key }) where !(0...1).contains(v) {
            throw StimulusError.invalid(path, "the \(name) luminance \(v) derived from luminance, illusion_strength and difference leaves 0…1; lower |illusion_strength| or |difference|")
        }
    }

    /// A context luminance `luminance × 4^(∓strength)`: darker for the side whose target the classic context lightens.
    func contextLuminance(darkening: Bool) -> Double { l0 * pow(4, darkening ? -s : s) }
}
