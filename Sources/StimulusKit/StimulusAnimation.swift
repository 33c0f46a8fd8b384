import Foundation

extension Pattern {
    /// Temporal periods (s) of the parts of this pattern that move: a drifting grating repeats after
    /// 1/|drift| s, a rotating illusion (rotating snakes with a physical rotation) after 360/|rate| s.
    /// Empty for a pattern that does not change over time.
    public var motionPeriodsS: [Double] {
        switch self {
        case .sineGrating(let g), .squareGrating(let g): return g.driftCyclesPerS == 0 ? [] : [1 / abs(g.driftCyclesPerS)]
        case .gabor(let gabor): return Pattern.sineGrating(gabor.grating).motionPeriodsS
        case .tiles(let t): return t.tiles.flatMap(\.motionPeriodsS)
        case .layers(let layers): return layers.flatMap(\.pattern.motionPeriodsS)
        case .morph(let m): return m.from.motionPeriodsS + m.to.motionPeriodsS
        case .illusion(let i): return i.kind == .rotatingSnakes && i.difference != 0 ? [360 / abs(i.difference)] : []
        case .uniform, .plaid, .checkerboard, .circleGrid, .crossGrid, .concentricRings, .radial, .noise, .image: return []
        }
    }
}

/// How a moving stimulus is shown at a refresh rate: the distinct images of one temporal period,
/// rendered before the stimulus is shown, and which of them each frame after onset draws.
///
/// When a period is a whole number of frames `n` (or becomes one over `m` periods, e.g. 7 cycles/s at
/// 60 Hz repeats every 60 frames), the frames draw exactly `n` images, each at its exact time. Otherwise
/// the period is cut into `maxImages` phases and each frame draws the nearest (a phase error of at most
/// 1/(2 × maxImages) of a cycle).
public struct StimulusAnimation: Sendable, Equatable {
    /// The stimulus repeats after this time (s).
    public let periodS: Double
    /// Distinct images drawn over one period.
    public let images: Int
    /// Refresh rate the frames are counted at (Hz).
    public let refreshHz: Double

    /// The most images one moving stimulus is drawn with (each is a full-screen texture).
    public static let maxImages = 60

    /// nil when nothing in `spec` moves. Throws when its parts move with different periods, or when
    /// a period lasts under two frames (the motion would alias).
    public init?(_ spec: StimulusSpec, refreshHz: Double) throws {
        let periods = spec.pattern.motionPeriodsS
        guard let period = periods.first else { return nil }
        guard periods.allSatisfy({ abs($0 - period) <= 1e-9 * period }) else {
            let list = periods.map { String(format: "%g", $0) }.joined(separator: ", ")
            throw StimulusError.invalid("pattern", "its moving parts repeat after different times (\(list) s); stimgen shows motion with one temporal period per stimulus")
        }
        let framesPerPeriod = period * refreshHz
        guard framesPerPeriod >= 2 else {
            throw StimulusError.invalid("pattern", String(format: "its motion repeats every %.3g s, under two frames at %g Hz, and would alias; move it at most %g cycles/s", period, refreshHz, refreshHz / 2))
        }
        self.periodS = period
        self.refreshHz = refreshHz
        images = Self.exactImageCount(framesPerPeriod: framesPerPeriod) ?? Self.maxImages
    }

    /// The fewest frames (≤ `maxImages`) after which the frames' phases repeat exactly: the smallest
    /// whole multiple of `framesPerPeriod`; nil when there is none that small.
    private static func exactImageCount(framesPerPeriod: Double) -> Int? {
        for periods in 1...maxImages {
            let frames = Double(periods) * framesPerPeriod
            if frames > Double(maxImages) + 0.5 { return nil }
            if abs(frames - frames.rounded()) < 1e-6 { return Int(frames.rounded()) }
        }
        return nil
    }

    /// The image (0..<images) that frame `frame` (counted from the stimulus onset) draws.
    public func image(atFrame frame: Int) -> Int {
        let cycles = Double(frame) / refreshHz / periodS
        return Int(((cycles - cycles.rounded(.down)) * Double(images)).rounded()) % images
    }

    /// When image `k` shows the stimulus (s after onset): what it is rendered at.
    public func time(ofImage k: Int) -> Double { Double(k) / Double(images) * periodS }
}
