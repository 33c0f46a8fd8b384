import Foundation
import Testing
@testable import ProtocolKit
import StimulusKit

/// The safety analysis replays what really changes on the screen: a drifting grating makes each
/// point alternate at the drift rate, and fixation letters darken the cells they cover.
@Suite struct MotionAndLetterSafetyTests {
    func check(_ phases: String, stimuli: String, analysisWidthPx: Int = 240) throws -> ValidationReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-motion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("p.yaml")
        try protocolText(phases: phases, extra: "stimuli:\n" + stimuli).write(to: file, atomically: true, encoding: .utf8)
        return ProtocolCheck.run(file: file, options: .init(analysisWidthPx: analysisWidthPx, analysisCellDeg: 1))
    }

    /// A black/white square-wave grating of 20° period (0.05 cpd) drifting at `hz` cycles/s, full field:
    /// each 1° cell is almost always wholly black or wholly white, and every point turns white and black
    /// once per cycle, so it flashes `hz` times a second (WCAG: a flash is a pair of opposing changes).
    func drifting(_ hz: Double) throws -> ValidationReport {
        try check("""
          - kind: adaptation
            name: drift
            sequence: [{stimulus: bars, duration: 5 s}]
            repetitions: 1
        """, stimuli: """
          bars: {name: bars, pattern: {type: square_grating, orientation_deg: 90, cycles_per_degree: 0.05, drift_cycles_per_s: \(hz), colour_a: white, colour_b: black}}
        """)
    }

    @Test func aGratingDriftingAt2HzPassesAndAt4HzIsRefused() throws {
        // The phase starts from the grey background, which adds one transition (half a flash) to the
        // first second: hz + 0.5 flashes in the worst second.
        let slow = try drifting(2), fast = try drifting(4)
        #expect(slow.safety?.phases.first?.findings.maxGeneralFlashesPerSecond == 2.5)
        #expect(slow.safety?.verdict != .refused)
        #expect(fast.safety?.phases.first?.findings.maxGeneralFlashesPerSecond == 4.5)
        #expect(fast.safety?.verdict == .refused)
    }

    @Test func theSameGratingStillFlashesOnlyAtItsOnset() throws {
        let still = try drifting(0)
        #expect(still.safety?.phases.first?.findings.maxGeneralFlashesPerSecond == 0.5)
    }

    @Test func fixationLettersAreReplayed() throws {
        // Black letters on a white field changing 8 times a second: without them the only change
        // would be the onset from the grey background (half a flash).
        let report = try check("""
          - kind: adaptation
            name: letters
            sequence: [{stimulus: white, duration: 5 s}]
            repetitions: 1
            fixation: {letters: ABCDEFGH, interval: 0.125 s, jitter_deg: 4, size_deg: 3}
        """, stimuli: """
          white: {name: white, pattern: {type: uniform, colour: white}}
        """)
        #expect((report.safety?.phases.first?.findings.maxGeneralFlashesPerSecond ?? 0) >= 2)
    }

    /// A black square of `sideDeg` at the centre of a white screen, on for 15 frames and off for 15
    /// at 120 Hz: 4 flashes a second where it lies.
    func blinkingSquare(sideDeg: Double) -> FlashFindings {
        let grid = SafetyGrid(geometry: .standard, cellDeg: 0.25)
        let white = SafetyFrame(uniform: SIMD3(1, 1, 1), cellCount: grid.cellCount, profile: .standardSRGB)
        let square = CellOverlay(squareAtXDeg: 0, yDeg: 0, sideDeg: sideDeg, grid: grid)
        let runs = (0..<40).map { FrameSequence.Run(image: 0, frames: 15, label: "", overlay: $0 % 2 == 0 ? nil : 0) }
        return FlashAnalysis.analyse(FrameSequence(images: [white], runs: runs, overlays: [square]), grid: grid, refreshHz: 120)
    }

    @Test func aBlinkingLetterBoxFailsOnlyWhenItCoversMoreThanTheAreaLimit() {
        // 6° × 6° = 36 deg² = 0.01097 sr > 0.006 sr; 2° × 2° = 0.00122 sr.
        let large = blinkingSquare(sideDeg: 6), small = blinkingSquare(sideDeg: 2)
        #expect(large.maxGeneralFlashesPerSecond == 4 && small.maxGeneralFlashesPerSecond == 4)
        let sr = 36 * pow(Double.pi / 180, 2)
        #expect(abs(large.generalFlashingAreaSr - sr) / sr < 0.1)
        #expect(!large.passesGeneral)
        #expect(small.passesGeneral)
    }

    @Test func anOverlayCoversTheFractionOfEachCellItOverlaps() {
        // 4 × 4 cells of 100 px; a square of 150 px centred on the screen centre (a cell corner)
        // covers the four central cells 0.75 × 0.75 each.
        let grid = SafetyGrid(geometry: ViewingGeometry(screenWidthCm: 40, screenWidthPx: 400, screenHeightPx: 400, distanceCm: 57), columns: 4, rows: 4)
        let ppd = grid.geometry.pixelsPerDegree()
        let square = CellOverlay(squareAtXDeg: 0, yDeg: 0, sideDeg: 150 / ppd, grid: grid)
        #expect(square.coverage.count == 4)
        for cell in [5, 6, 9, 10] { #expect(abs((square.coverage[cell] ?? 0) - 0.5625) < 1e-9) }
    }

    @Test func motionThatWouldAliasIsAnErrorNamingTheStimulus() throws {
        let report = try drifting(40)   // 40 cycles/s at 60 Hz: under two frames per cycle
        #expect(report.errors.contains { $0.message.contains("bars") && $0.message.contains("alias") })
    }
}
