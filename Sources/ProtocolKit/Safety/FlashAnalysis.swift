import Foundation

/// The flash figures of one frame sequence, measured against WCAG 2.x success criterion 2.3.1
/// (three flashes or below threshold), which follows Harding & Binnie (2002):
///
/// - general flash: a pair of opposing changes in relative luminance of at least 0.1 where the
///   darker state is below 0.8;
/// - red flash: a pair of opposing transitions where, for either state of each transition,
///   R/(R+G+B) ≥ 0.8 and the change in max(0, R−G−B)×320 exceeds 20 (R, G, B linear, 0...1);
/// - content passes when no cell has more than 3 flashes in any 1 s, or when the cells that do
///   cover no more than 0.006 sr in any 10° field (a disc of 5° radius) of the screen.
///
/// Conservative simplification: a cell counts as flashing if it exceeds 3 flashes in *some* 1-s
/// window; the area sums such cells even when their worst seconds differ.
public struct FlashFindings: Codable, Sendable, Equatable {
    /// Most general flashes in any 1 s at any cell (transitions / 2).
    public var maxGeneralFlashesPerSecond: Double
    /// Most red flashes in any 1 s at any cell.
    public var maxRedFlashesPerSecond: Double
    /// Largest solid angle of cells above 3 general flashes/s within any 10° field (sr).
    public var generalFlashingAreaSr: Double
    /// The same for red flashes (sr).
    public var redFlashingAreaSr: Double
    /// Where the worst general / red second starts (s from the sequence's start) and what is shown then.
    public var worstGeneralAt: Moment?
    public var worstRedAt: Moment?

    public struct Moment: Codable, Sendable, Equatable {
        public var seconds: Double
        public var showing: String
    }

    /// The WCAG limit: at most 3 flashes in any 1 s …
    public static let flashesPerSecondLimit = 3.0
    /// … unless the flashing area is at most this in any 10° field (sr).
    public static let areaLimitSr = 0.006
    /// Diameter of the field the area is measured in (deg).
    public static let fieldDiameterDeg = 10.0

    public var passesGeneral: Bool {
        maxGeneralFlashesPerSecond <= Self.flashesPerSecondLimit || generalFlashingAreaSr <= Self.areaLimitSr
    }

    public var passesRed: Bool {
        maxRedFlashesPerSecond <= Self.flashesPerSecondLimit || redFlashingAreaSr <= Self.areaLimitSr
    }

    public var passes: Bool { passesGeneral && passesRed }
}

public enum FlashAnalysis {
    /// Analyses `sequence` shown at `refreshHz` (Hz) on `grid`.
    public static func analyse(_ sequence: FrameSequence, grid: SafetyGrid, refreshHz: Double) -> FlashFindings {
        let cells = grid.cellCount
        var generalMax = [Int](repeating: 0, count: cells), generalStart = [Int](repeating: 0, count: cells)
        var redMax = [Int](repeating: 0, count: cells), redStart = [Int](repeating: 0, count: cells)
        // Frame at which each run starts.
        var runStarts: [Int] = []
        var frame = 0
        for run in sequence.runs { runStarts.append(frame); frame += run.frames }
        guard let first = sequence.runs.first else {
            return FlashFindings(maxGeneralFlashesPerSecond: 0, maxRedFlashesPerSecond: 0, generalFlashingAreaSr: 0,
                                 redFlashingAreaSr: 0, worstGeneralAt: nil, worstRedAt: nil)
        }
        for cell in 0..<cells {
            let start = sequence.cell(cell, during: first)
            var general = TransitionCounter(threshold: 0.1, inclusive: true, start: start.luminance, startFlag: false,
                                            qualifies: { from, _, to, _ in min(from, to) < 0.8 })
            var red = TransitionCounter(threshold: 20, inclusive: false, start: start.redValue,
                                        startFlag: start.isSaturatedRed,
                                        qualifies: { _, fromSaturated, _, toSaturated in fromSaturated || toSaturated })
            var generalWindow = SlidingCount(windowFrames: refreshHz)
            var redWindow = SlidingCount(windowFrames: refreshHz)
            for (index, run) in sequence.runs.enumerated().dropFirst() {
                let shown = sequence.cell(cell, during: run)
                if general.feed(shown.luminance, flag: false) { generalWindow.add(runStarts[index]) }
                if red.feed(shown.redValue, flag: shown.isSaturatedRed) { redWindow.add(runStarts[index]) }
            }
            (generalMax[cell], generalStart[cell]) = (generalWindow.maximum, generalWindow.maximumStart)
            (redMax[cell], redStart[cell]) = (redWindow.maximum, redWindow.maximumStart)
        }
        let limitTransitions = Int(2 * FlashFindings.flashesPerSecondLimit)
        func moment(_ counts: [Int], _ starts: [Int]) -> FlashFindings.Moment? {
            guard let worst = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[worst] > 0 else { return nil }
            let frame = starts[worst]
            let run = runStarts.lastIndex(where: { $0 <= frame }) ?? 0
            return FlashFindings.Moment(seconds: Double(frame) / refreshHz, showing: sequence.runs[run].label)
        }
        return FlashFindings(
            maxGeneralFlashesPerSecond: Double(generalMax.max() ?? 0) / 2,
            maxRedFlashesPerSecond: Double(redMax.max() ?? 0) / 2,
            generalFlashingAreaSr: largestFieldArea(flashing: generalMax.map { $0 > limitTransitions }, grid: grid),
            redFlashingAreaSr: largestFieldArea(flashing: redMax.map { $0 > limitTransitions }, grid: grid),
            worstGeneralAt: moment(generalMax, generalStart), worstRedAt: moment(redMax, redStart))
    }

    /// The largest total solid angle (sr) of flashing cells inside a 10° field, over fields centred
    /// on each flashing cell.
    static func largestFieldArea(flashing: [Bool], grid: SafetyGrid) -> Double {
        let radius = FlashFindings.fieldDiameterDeg / 2
        var largest = 0.0
        for centre in flashing.indices where flashing[centre] {
            let box = grid.neighbourhood(of: centre, radiusDeg: radius)
            var area = 0.0
            for row in box.rows {
                for column in box.columns {
                    let cell = row * grid.columns + column
                    if flashing[cell], grid.separationDeg(centre, cell) <= radius { area += grid.solidAngles[cell] }
                }
            }
            largest = max(largest, area)
        }
        return largest
    }
}

/// The most events inside any window of `windowFrames` frames (a half-open interval of 1 s).
struct SlidingCount {
    let windowFrames: Double
    private var events: [Int] = []
    private var first = 0
    private(set) var maximum = 0
    private(set) var maximumStart = 0

    init(windowFrames: Double) { self.windowFrames = windowFrames }

    mutating func add(_ frame: Int) {
        events.append(frame)
        while Double(frame - events[first]) >= windowFrames - 1e-9 { first += 1 }
        let count = events.count - first
        if count > maximum {
            maximum = count
            maximumStart = events[first]
        }
    }
}
