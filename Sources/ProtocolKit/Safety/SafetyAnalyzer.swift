import Foundation
import StimulusKit

/// Runs the photosensitive-safety analysis on a compiled timeline: renders each stimulus once at a
/// reduced analysis resolution through the one StimulusKit renderer, averages it into the
/// `SafetyGrid`, and replays each timed phase frame by frame as runs of identical frames.
///
/// What is modelled: stimuli, blanks (the background) and the flicker-photometry disc. Not
/// modelled: the fixation letters and the countdown text (each well under 1°, far below 0.006 sr).
/// Test phases whose stimulus stays until the response are modelled with a 1-s showing per trial.
public struct SafetyAnalyzer {
    public var geometry: ViewingGeometry
    public var profile: MonitorProfile
    public var grid: SafetyGrid
    /// Width of the analysis render (px); the height follows the screen's aspect ratio.
    public var analysisWidthPx: Int
    public var cellDeg: Double

    /// Cells of about `cellDeg` (deg); stimuli rendered `analysisWidthPx` wide (960 px keeps
    /// gratings up to ~4 cpd resolved on a 53-cm-wide screen at 57 cm).
    public init(geometry: ViewingGeometry, profile: MonitorProfile, cellDeg: Double = 0.5, analysisWidthPx: Int = 960) {
        self.geometry = geometry
        self.profile = profile
        self.cellDeg = cellDeg
        self.grid = SafetyGrid(geometry: geometry, cellDeg: cellDeg)
        self.analysisWidthPx = min(analysisWidthPx, geometry.screenWidthPx)
    }

    /// Frames shown for a test stimulus that stays until the response (s).
    static let assumedResponseSeconds = 1.0

    /// Analyses `timeline`; `stimuli` must hold every stimulus it names.
    public func analyse(_ timeline: Timeline, stimuli: [String: StimulusSpec]) throws -> SafetyReport {
        let background = SIMD3(timeline.backgroundLinearRGB[0], timeline.backgroundLinearRGB[1], timeline.backgroundLinearRGB[2])
        var images = ImageTable(grid: grid, profile: profile, background: background)
        var phases: [SafetyReport.PhaseFlashes] = []
        var longestShowing: [String: Int] = [:]
        var changing: Set<String> = []
        let lead = Int(timeline.refreshHz.rounded())  // one second of background around each phase
        for phase in timeline.phases {
            var runs = [FrameSequence.Run(image: 0, frames: lead, label: "background before \(phase.name)")]
            var assumption: String?
            func show(_ stimulus: String, _ frames: Int) throws {
                let image = try images.index(of: stimulus, stimuli: stimuli, renderer: renderer)
                runs.append(FrameSequence.Run(image: image, frames: frames, label: "\(phase.name): \(stimulus)"))
                longestShowing[stimulus] = max(longestShowing[stimulus] ?? 0, frames)
            }
            func blank(_ frames: Int) {
                guard frames > 0 else { return }
                runs.append(FrameSequence.Run(image: 0, frames: frames, label: "\(phase.name): blank"))
            }
            switch phase.content {
            case .presentation(let presentation):
                var frame = 0
                for onset in presentation.onsets {
                    blank(onset.frame - frame)
                    try show(onset.stimulus, onset.frames)
                    frame = onset.frame + onset.frames
                }
                blank((phase.frameCount ?? frame) - frame)
                let names = Set(presentation.onsets.map(\.stimulus))
                if names.count > 1 { changing.formUnion(names) }
            case .trials(let block):
                let shown = block.stimulusFrames ?? block.responseWindowFrames
                    ?? Int((Self.assumedResponseSeconds * timeline.refreshHz).rounded())
                if block.stimulusFrames == nil {
                    assumption = "each test stimulus modelled as shown for \(formatNumber(Double(shown) / timeline.refreshHz, digits: 3)) s (it stays until the response)"
                }
                for trial in block.trials {
                    try show(trial.stimulus, shown)
                    blank(max(1, block.interTrialFrames))
                }
            case .illusionPSE(let block):
                // Static images: each trial is modelled as the stimulus as defined, after its blank.
                let shown = block.responseWindowFrames ?? Int((Self.assumedResponseSeconds * timeline.refreshHz).rounded())
                assumption = "each illusion trial modelled as the stimulus as defined (a static image) shown for \(formatNumber(Double(shown) / timeline.refreshHz, digits: 3)) s after its blank"
                for _ in block.trials {
                    blank(max(1, block.interTrialFrames))
                    try show(block.spec.stimulus, shown)
                }
            case .flickerPhotometry(let flicker):
                let (red, green) = images.flickerDiscs(flicker.spec, geometry: geometry)
                let cycles = max(1, Int((2 * flicker.achievedFrequencyHz).rounded()))  // two seconds of flicker
                for _ in 0..<cycles {
                    runs.append(FrameSequence.Run(image: red, frames: flicker.halfPeriodFrames, label: "\(phase.name): red"))
                    runs.append(FrameSequence.Run(image: green, frames: flicker.halfPeriodFrames, label: "\(phase.name): green"))
                }
                assumption = "two seconds of flicker with the green at the middle of its start-gain range"
            case .text, .consent, .rest:
                continue
            }
            runs.append(FrameSequence.Run(image: 0, frames: lead, label: "background after \(phase.name)"))
            let findings = FlashAnalysis.analyse(FrameSequence(images: images.frames, runs: runs), grid: grid,
                                                 refreshHz: timeline.refreshHz)
            phases.append(SafetyReport.PhaseFlashes(phase: phase.name, findings: findings, assumption: assumption))
        }
        let patterns = longestShowing.keys.sorted().compactMap { name -> PatternFinding? in
            guard let image = images.rendered[name] else { return nil }
            let measured = PatternAnalysis.measure(image, grid: grid, profile: profile)
            let finding = PatternFinding(stimulus: name, lightDarkPairs: measured.pairs, pairLimit: changing.contains(name) ? 5 : 8,
                                         stripedAreaSr: measured.areaSr, brightestCdM2: measured.brightestCdM2,
                                         longestShowingSeconds: Double(longestShowing[name] ?? 0) / timeline.refreshHz)
            return finding.breaksRule ? finding : nil
        }
        return SafetyReport(gridColumns: grid.columns, gridRows: grid.rows, cellDeg: cellDeg, distanceCm: geometry.distanceCm,
                            screenWidthCm: geometry.screenWidthCm, refreshHz: timeline.refreshHz, phases: phases,
                            patternWarnings: patterns, override: timeline.safetyOverride)
    }

    private var analysisWidth: Int { analysisWidthPx }
    private var analysisHeight: Int {
        max(1, Int((Double(analysisWidthPx) * Double(geometry.screenHeightPx) / Double(geometry.screenWidthPx)).rounded()))
    }

    /// The renderer at analysis resolution: the same screen in cm, fewer pixels.
    private var renderer: StimulusRenderer {
        let reduced = ViewingGeometry(screenWidthCm: geometry.screenWidthCm, screenWidthPx: analysisWidth,
                                      screenHeightPx: analysisHeight, distanceCm: geometry.distanceCm)
        return StimulusRenderer(geometry: reduced, profile: profile)
    }

    /// Grid images by stimulus name, rendered once each; index 0 is the background.
    private struct ImageTable {
        let grid: SafetyGrid
        let profile: MonitorProfile
        var frames: [SafetyFrame]
        var indexByName: [String: Int] = [:]
        /// The analysis renders, by stimulus name (for the pattern rule).
        var rendered: [String: LinearImage] = [:]

        init(grid: SafetyGrid, profile: MonitorProfile, background: SIMD3<Double>) {
            self.grid = grid
            self.profile = profile
            frames = [SafetyFrame(uniform: background, cellCount: grid.cellCount, profile: profile)]
        }

        mutating func index(of name: String, stimuli: [String: StimulusSpec], renderer: StimulusRenderer) throws -> Int {
            if let index = indexByName[name] { return index }
            guard let spec = stimuli[name] else { throw SafetyAnalysisError.unknownStimulus(name) }
            let aspect = Double(grid.geometry.screenHeightPx) / Double(grid.geometry.screenWidthPx)
            let width = renderer.geometry.screenWidthPx
            let image = try renderer.render(spec, width: width, height: max(1, Int((Double(width) * aspect).rounded())))
            frames.append(SafetyFrame(image: image, grid: grid, profile: profile))
            rendered[name] = image
            indexByName[name] = frames.count - 1
            return frames.count - 1
        }

        /// The red disc and the green disc (at mid start gain) on the background; returns their indices.
        mutating func flickerDiscs(_ spec: FlickerPhotometrySpec, geometry: ViewingGeometry) -> (Int, Int) {
            let gain = (spec.startGainRange[0] + spec.startGainRange[1]) / 2
            let red = SIMD3(spec.redLinearRGB[0], spec.redLinearRGB[1], spec.redLinearRGB[2])
            let green = SIMD3(spec.greenLinearRGB[0], spec.greenLinearRGB[1], spec.greenLinearRGB[2]) * gain
            let background = frames[0]
            func disc(_ colour: SIMD3<Double>) -> SafetyFrame {
                var frame = background
                let inside = SafetyFrame(uniform: colour, cellCount: 1, profile: profile)
                for cell in 0..<grid.cellCount where grid.eccentricityDeg(cell) <= spec.fieldDiameterDeg / 2 {
                    frame.luminance[cell] = inside.luminance[0]
                    frame.redValue[cell] = inside.redValue[0]
                    frame.isSaturatedRed[cell] = inside.isSaturatedRed[0]
                }
                return frame
            }
            frames.append(disc(red))
            frames.append(disc(green))
            return (frames.count - 2, frames.count - 1)
        }
    }
}

public enum SafetyAnalysisError: Error, CustomStringConvertible, Equatable {
    case unknownStimulus(String)

    public var description: String {
        switch self {
        case .unknownStimulus(let name): return "the safety analysis has no stimulus named '\(name)'"
        }
    }
}
