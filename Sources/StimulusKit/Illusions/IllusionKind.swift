/// The illusions stimgen draws. Every one has a target A and a target B (or a reference) compared on one
/// judged quantity; see docs/ILLUSIONS.md for the table of what A, B and the units are.
///
/// Sign convention, the same for every illusion: a positive `illusion_strength` draws the classic context,
/// which makes target A look *more* than target B on the judged quantity (longer, larger, lighter, more
/// clockwise, higher); a negative one draws the reversed context; 0 draws no biasing context. A positive
/// `difference` makes A physically more than B by that much, in `differenceUnit`.
public enum IllusionKind: String, Codable, Sendable, CaseIterable {
    case mullerLyer = "muller_lyer"
    case ebbinghaus
    case delboeuf
    case ponzo
    case verticalHorizontal = "vertical_horizontal"
    case zollner
    case poggendorff
    case rodAndFrame = "rod_and_frame"
    case tilt
    case simultaneousContrast = "simultaneous_contrast"
    case whites
    case machBands = "mach_bands"
    case cornsweet
    case hermannGrid = "hermann_grid"
    case kanizsaTriangle = "kanizsa_triangle"
    case rotatingSnakes = "rotating_snakes"
    case cafeWall = "cafe_wall"
    case scintillatingGrid = "scintillating_grid"

    /// The unit `difference` is given in.
    public var differenceUnit: String {
        switch self {
        case .mullerLyer, .ponzo, .verticalHorizontal: return "deg (length)"
        case .ebbinghaus, .delboeuf: return "deg (diameter)"
        case .zollner, .rodAndFrame, .tilt, .cafeWall: return "deg (orientation, clockwise)"
        case .poggendorff: return "deg (vertical offset)"
        case .simultaneousContrast, .whites, .machBands, .cornsweet, .hermannGrid, .kanizsaTriangle, .scintillatingGrid:
            return "relative luminance (0–1 of the monitor's white)"
        case .rotatingSnakes: return "deg/s (rotation, clockwise)"
        }
    }

    /// Largest |illusion_strength| the geometry allows (the context would fold over or leave 0–1 luminance beyond it).
    public var strengthLimit: Double {
        switch self {
        case .verticalHorizontal, .cafeWall: return 1
        case .mullerLyer, .ponzo, .zollner, .poggendorff, .rodAndFrame, .tilt: return 2.5
        case .ebbinghaus, .delboeuf: return 2
        case .simultaneousContrast, .whites, .machBands, .cornsweet, .hermannGrid, .kanizsaTriangle, .rotatingSnakes, .scintillatingGrid:
            return 3
        }
    }
}
