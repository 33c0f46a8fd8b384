import Foundation

/// A duration as the protocol author wrote it: in seconds (written `2 s`, `500 ms`, `4 min`, `1 h`,
/// `7 d`) or in whole frames (written `30 frames`). Frames are exact at any refresh rate; seconds are
/// converted to the nearest whole frame by the timeline compiler, which warns when that rounds.
public enum TimeSpan: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Seconds (s).
    case seconds(Double)
    /// Video frames at the display's refresh rate.
    case frames(Int)

    /// Whole frames at `refreshHz` (Hz) and whether the conversion was exact (within 10⁻⁶ frame).
    public func frameCount(atRefresh refreshHz: Double) -> (frames: Int, exact: Bool) {
        switch self {
        case .frames(let n):
            return (n, true)
        case .seconds(let s):
            let exactFrames = s * refreshHz
            let rounded = exactFrames.rounded()
            return (Int(rounded), abs(exactFrames - rounded) < 1e-6)
        }
    }

    /// Seconds at `refreshHz` (Hz); frames are converted exactly.
    public func seconds(atRefresh refreshHz: Double) -> Double {
        switch self {
        case .seconds(let s): return s
        case .frames(let n): return Double(n) / refreshHz
        }
    }

    public var description: String {
        switch self {
        case .seconds(let s): return "\(formatNumber(s)) s"
        case .frames(let n): return n == 1 ? "1 frame" : "\(n) frames"
        }
    }

    /// The longest phase, item or interval a protocol may ask for (s): 4 h.
    public static let longestPhaseSeconds = 4.0 * 3600
    /// The latest retest a protocol may schedule (s): 2 years.
    public static let latestRetestSeconds = 2.0 * 365 * 86_400

    /// Units accepted after the number, and their length in seconds (nil for frames).
    static let units: [(names: [String], seconds: Double?)] = [
        (["frames", "frame"], nil),
        (["ms"], 0.001),
        (["s", "sec"], 1),
        (["min"], 60),
        (["h"], 3600),
        (["d"], 86_400),
    ]

    /// Parses `<number> <unit>`; returns a message saying what is wrong otherwise.
    static func parse(_ text: String) -> Result<TimeSpan, TimeSpanSyntaxError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let split = trimmed.firstIndex(where: { !($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }) else {
            return .failure(TimeSpanSyntaxError("'\(text)' has no unit; write e.g. '2 s' or '120 frames'"))
        }
        let numberText = trimmed[..<split]
        let unitText = trimmed[split...].trimmingCharacters(in: .whitespaces)
        guard let value = Double(numberText), value.isFinite else {
            return .failure(TimeSpanSyntaxError("'\(text)' does not start with a number"))
        }
        guard let unit = units.first(where: { $0.names.contains(unitText) }) else {
            return .failure(TimeSpanSyntaxError("'\(text)' has an unknown unit '\(unitText)'"))
        }
        guard let secondsPerUnit = unit.seconds else {
            guard value == value.rounded(), abs(value) < 1e9 else {
                return .failure(TimeSpanSyntaxError("'\(text)' is not a whole number of frames"))
            }
            return .success(.frames(Int(value)))
        }
        return .success(.seconds(value * secondsPerUnit))
    }

    static var unitNames: [String] { units.flatMap(\.names) }
}

struct TimeSpanSyntaxError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A number without trailing zeros: 2 → "2", 0.25 → "0.25", 1/3 → "0.333333".
func formatNumber(_ value: Double, digits: Int = 6) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    var text = String(format: "%.\(digits)f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
