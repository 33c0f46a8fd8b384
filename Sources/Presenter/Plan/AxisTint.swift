import ProtocolKit
import StimulusKit

/// The colour modulation that shows a value on a nulling axis on an achromatic (black/white) test.
///
/// A value v on an axis gives the linear colour c(v) = DKL→RGB(v along the axis) around the
/// protocol's background, and the test's white is replaced by c(v) scaled onto the display; each
/// gun's modulation is that gun's encoded value (0…255). On a power-law profile, multiplying the
/// encoded values of every grey level by the modulation scales its linear light by the same gains,
/// so the whole test takes on c(v); black stays black.
///
/// - `dkl_lm`, `dkl_s`: c(v) is scaled so that its brightest gun is at full output, for each v.
///   An end of the range where a gun would go negative is out of the gamut and refused.
/// - `dkl_lum`: c(v) = background × (1 + v) keeps the background's chromaticity, so one scale serves
///   the whole range: the top of the range is at full output and every value v is shown at
///   (1 + v) / (1 + max) of it. v is then the luminance contrast (every cone by the same fraction)
///   of the test against its own presentation at v = 0. The range must not go below −1 (no light).
///   The modulation has 8 bits per gun: settings closer than one code step look the same.
public enum AxisTint {
    /// The tint mapping for `axis`; fails naming the range when an end of it is out of the monitor's gamut.
    public static func mapping(axis: NullingAxis, range: ClosedRange<Double>, background: SIMD3<Double>,
                               profile: MonitorProfile, field: String) throws(PlanError) -> TintMapping {
        let cones = ConeSpace(profile: profile)
        let direction: SIMD3<Double> = switch axis {
        case .dklLum: SIMD3(1, 0, 0)
        case .dklLM: SIMD3(0, 1, 0)
        case .dklS: SIMD3(0, 0, 1)
        }
        func colour(_ v: Double) -> SIMD3<Double> { cones.rgb(dkl: direction * v, background: background) }
        let rangeScale = 1 / max(colour(range.upperBound).max(), 1e-12)
        func gains(_ v: Double) -> SIMD3<Double> {
            axis == .dklLum ? colour(v) * rangeScale : cones.tintGains(dkl: direction * v, background: background)
        }
        for end in [range.lowerBound, range.upperBound] where gains(end).min() < 0 {
            let reason = axis == .dklLum ? "below −1 there is less than no light" : "a gun would go negative"
            throw PlanError("\(field): the value \(end) on \(axis.rawValue) is outside the monitor's gamut (\(reason)); narrow min/max")
        }
        let guns = profile.transfer.guns
        return TintMapping { v in
            let g = gains(v)
            func code(_ i: Int) -> UInt8 { UInt8((guns[i].encode(min(1, max(0, g[i]))) * 255).rounded()) }
            return RGB8(code(0), code(1), code(2))
        }
    }

    /// Gain mapping for flicker photometry: a disc pre-rendered at `maxGain × colour` is shown at
    /// `gain × colour` by modulating each gun with encode(gain·cᵢ)/encode(maxGain·cᵢ).
    public static func gain(colour: SIMD3<Double>, maxGain: Double, profile: MonitorProfile) -> TintMapping {
        let guns = profile.transfer.guns
        return TintMapping { gain in
            func code(_ i: Int) -> UInt8 {
                let full = guns[i].encode(maxGain * colour[i])
                guard full > 0 else { return 255 }
                return UInt8((min(1, guns[i].encode(max(0, gain) * colour[i]) / full) * 255).rounded())
            }
            return RGB8(code(0), code(1), code(2))
        }
    }

    /// A linear RGB colour encoded through the profile as 8-bit codes.
    public static func encoded(_ linear: SIMD3<Double>, profile: MonitorProfile) -> RGB8 {
        let guns = profile.transfer.guns
        func code(_ i: Int) -> UInt8 { UInt8((guns[i].encode(min(1, max(0, linear[i]))) * 255).rounded()) }
        return RGB8(code(0), code(1), code(2))
    }
}

/// A timeline that cannot be turned into frames on this display; the message names the field.
public struct PlanError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
