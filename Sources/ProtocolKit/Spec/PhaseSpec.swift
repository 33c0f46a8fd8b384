/// One step of a protocol. Every phase has a unique `name` that data and reports refer to.
public enum PhaseSpec: Codable, Sendable, Equatable {
    case instructions(TextScreenSpec)
    case consent(ConsentSpec)
    /// Adaptation (induction): an alternation of stimuli.
    case adaptation(AdaptationSpec)
    /// De-adaptation with the opposite pairing: the same machinery as adaptation.
    case reversal(AdaptationSpec)
    case test(TestSpec)
    case flickerPhotometry(FlickerPhotometrySpec)
    /// The point of subjective equality of an illusion at several strengths.
    case illusionPSE(IllusionPhaseSpec)
    case rest(BreakSpec)

    /// The names a protocol file uses in `kind:`.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case instructions, consent, adaptation, reversal, test
        case flickerPhotometry = "flicker_photometry"
        case rest = "break"
        case illusionPSE = "illusion_pse"
    }

    public var kind: Kind {
        switch self {
        case .instructions: return .instructions
        case .consent: return .consent
        case .adaptation: return .adaptation
        case .reversal: return .reversal
        case .test: return .test
        case .flickerPhotometry: return .flickerPhotometry
        case .illusionPSE: return .illusionPSE
        case .rest: return .rest
        }
    }

    public var name: String {
        switch self {
        case .instructions(let s): return s.name
        case .consent(let s): return s.name
        case .adaptation(let s), .reversal(let s): return s.name
        case .test(let s): return s.name
        case .flickerPhotometry(let s): return s.name
        case .illusionPSE(let s): return s.name
        case .rest(let s): return s.name
        }
    }
}

/// A text screen the participant reads and dismisses with a key.
public struct TextScreenSpec: Codable, Sendable, Equatable {
    public var name: String
    public var text: String
}

/// The consent screen: the participant's yes is recorded; a no ends the session.
public struct ConsentSpec: Codable, Sendable, Equatable {
    public var name: String
    public var text: String
    /// Ask "Have you or a close relative ever had a seizure or epilepsy, or been told you are
    /// sensitive to flashing or patterned light?"; a yes ends the session.
    public var askPhotosensitivity: Bool
    /// Warn that the aftereffect can last days to weeks (McCollough: Jones & Holding 1975).
    public var warnLastingEffect: Bool
}

/// A pause; fixed length, or until the participant presses a key when `duration` is nil.
public struct BreakSpec: Codable, Sendable, Equatable {
    public var name: String
    public var text: String?
    public var duration: TimeSpan?
}
