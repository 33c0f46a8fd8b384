import ProtocolKit
import StimulusKit

/// The colour modulation that shows a value on a nulling axis on an achromatic (black/white) test.
///
/// A value v on the DKL L−M or S axis gives the linear colour c = DKL→RGB((0, v, 0) or (0, 0, v))
/// around the protocol's background; the test's white is replaced by c scaled so that its brightest
/// gun is at full output, and each gun's modulation is that gun's encoded value (0…255). On a
/// power-law profile, multiplying the encoded values of every grey level by the modulation scales
/// its linear light by the same gains, so the whole test takes on c's chromaticity; black stays black.
public enum AxisTint {
    /// The tint mapping for `axis`; fails naming the range when an end of it is out of the monitor's gamut.
    public static func mapping(axis: NullingAxis, range: ClosedRange<Double>, background: SIMD3<Double>,
                               profile: MonitorProfile, field: String) throws(PlanError) -> TintMapping {
        guard axis != .dklLum else {
            throw PlanError("\(field): nulling along dkl_lum is not supported by the presenter (use dkl_lm or dkl_s)")
        }
        let cones = ConeSpace(profile: profile)
        func gains(_ v: Double) -> SIMD3<Double> {
            let dkl = axis == .dklLM ? SIMD3(0, v, 0) : SIMD3(0, 0, v)
            let c = cones.rgb(dkl: dkl, background: background)
            return c / max(c.max(), 1e-12)
        }
        for end in [range.lowerBound, range.upperBound] where gains(end).min() < 0 {
            throw PlanError("\(field): the value \(end) on \(axis.rawValue) is outside the monitor's gamut (a gun would go negative); narrow min/max")
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
