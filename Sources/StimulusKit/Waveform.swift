/// A periodic profile along one coordinate: a sinusoid, or a square wave whose first part (the
/// duty cycle) takes colour A.
public enum Waveform: String, Codable, Sendable, CaseIterable {
    case sine, square
}

/// Two colours modulated by a periodic waveform: the parameters gratings, rings and windmills share.
/// The weight of colour A at phase u (cycles) is `0.5 + 0.5 × contrast × w(u)` where `w` is
/// `sin 2πu` (sine) or +1 on the duty cycle, −1 elsewhere (square), so contrast 1 swings fully between
/// the two colours and contrast 0 gives their mean (in linear light).
public struct Modulation: Codable, Sendable, Equatable {
    public var waveform: Waveform
    /// Phase (deg of the waveform's cycle; 360 = one cycle).
    public var phaseDeg: Double
    /// Modulation depth 0...1 between the two colours.
    public var contrast: Double
    /// Fraction 0...1 of each cycle given to colour A (square wave only).
    public var dutyCycle: Double
    public var colourA: Colour
    public var colourB: Colour

    public init(waveform: Waveform = .sine, phaseDeg: Double = 0, contrast: Double = 1, dutyCycle: Double = 0.5,
                colourA: Colour = .named("white"), colourB: Colour = .named("black")) {
        self.waveform = waveform
        self.phaseDeg = phaseDeg
        self.contrast = contrast
        self.dutyCycle = dutyCycle
        self.colourA = colourA
        self.colourB = colourB
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case waveform, phaseDeg = "phase_deg", contrast, dutyCycle = "duty_cycle", colourA = "colour_a", colourB = "colour_b"
    }
    static let keys = CodingKeys.allCases.map(\.rawValue)

    /// Reads the shared keys; `waveform` defaults to `defaultWaveform`.
    init(_ f: Fields, defaultWaveform: Waveform) throws {
        self.init(waveform: try f("waveform", default: defaultWaveform), phaseDeg: try f("phase_deg", default: 0),
                  contrast: try f("contrast", default: 1), dutyCycle: try f("duty_cycle", default: 0.5),
                  colourA: try f("colour_a", default: .named("white")), colourB: try f("colour_b", default: .named("black")))
    }

    func validate(_ path: String) throws {
        guard (0...1).contains(contrast) else { throw StimulusError.invalid(path + ".contrast", "must lie in 0…1, got \(contrast)") }
        guard dutyCycle > 0, dutyCycle < 1 else { throw StimulusError.invalid(path + ".duty_cycle", "must lie strictly between 0 and 1, got \(dutyCycle)") }
        guard phaseDeg.isFinite else { throw StimulusError.invalid(path + ".phase_deg", "must be a finite number") }
    }
}
