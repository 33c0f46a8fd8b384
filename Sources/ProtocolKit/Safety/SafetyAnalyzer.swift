import Foundation
import StimulusKit

/// Runs the photosensitive-safety analysis on a compiled timeline: renders each stimulus once at a
/// reduced analysis resolution through the one StimulusKit renderer, averages it into the
/// `SafetyGrid`, and replays each timed phase frame by frame as runs of identical frames.
///
/// What is modelled: stimuli, moving ones frame by frame (`StimulusAnimation`: a drifting grating
/// flickers at each point at its drift rate), blanks (the background), the flicker-photometry disc,
/// and the fixation letters (black, each as a solid square of its height at its jittered position,
/// changing when the letter changes). Not modelled: the countdown text (white digits under 1° at the
/// bottom edge, changing once a second). Test phases whose stimulus stays until the response are
/// modelled with a 1-s showing per trial.
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
        var images = ImageTable(grid: grid, profile: profile, background: background, refreshHz: timeline.refreshHz)
        var phases: [SafetyReport.PhaseFlashes] = []
        var longestShowing: [String: Int] = [:]
        var changing: Set<String> = []
        let lead = Int(timeline.refreshHz.rounded())  // one second of background around each phase
        for phase in timeline.phases {
            var runs = [FrameSequence.Run(image: 0, frames: lead, label: "background before \(phase.name)")]
            var overlays: [CellOverlay] = []
            var assumption: String?
            /// `frames` frames of `stimulus` from frame `sinceOnset` after its onset: one run, or one
            /// per frame while it moves.
            func show(_ stimulus: String, _ frames: Int, sinceOnset: Int = 0, overlay: Int? = nil) throws {
                let label = "\(phase.name): \(stimulus)"
                if let animation = try images.animation(of: stimulus, stimuli: stimuli) {
                    for f in sinceOnset..<(sinceOnset + frames) {
                        let image = try images.index(of: stimulus, stimuli: stimuli, renderer: renderer, animationImage: animation.image(atFrame: f))
                        runs.append(FrameSequence.Run(image: image, frames: 1, label: label, overlay: overlay))
                    }
                } else {
                    let image = try images.index(of: stimulus, stimuli: stimuli, renderer: renderer)
                    runs.append(FrameSequence.Run(image: image, frames: frames, label: label, overlay: overlay))
                }
                longestShowing[stimulus] = max(longestShowing[stimulus] ?? 0, sinceOnset + frames)
            }
            func blank(_ frames: Int, overlay: Int? = nil) {
                guard frames > 0 else { return }
                runs.append(FrameSequence.Run(image: 0, frames: frames, label: "\(phase.name): blank", overlay: overlay))
            }
            switch phase.content {
            case .presentation(let presentation):
                let end = phase.frameCount ?? presentation.onsets.map { $0.frame + $0.frames }.max() ?? 0
                let letterSide = presentation.fixation?.sizeDeg ?? 0
                overlays = presentation.fixationChanges.map { CellOverlay(squareAtXDeg: $0.xDeg, yDeg: $0.yDeg, sideDeg: letterSide, grid: grid) }
                // Moving stimuli are split into frames by `show`.
                let starts = presentation.changeFrames(before: end)
                for (i, start) in starts.enumerated() {
                    let stop = i + 1 < starts.count ? starts[i + 1] : end
                    let letter = presentation.fixationChanges.lastIndex { $0.frame <= start }
                    if let onset = presentation.onsets.last(where: { $0.frame <= start && start < $0.frame + $0.frames }) {
                        try show(onset.stimulus, stop - start, sinceOnset: start - onset.frame, overlay: letter)
                    } else {
                        blank(stop - start, overlay: letter)
                    }
                }
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
            let findings = FlashAnalysis.analyse(FrameSequence(images: images.frames, runs: runs, overlays: overlays), grid: grid,
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

    /// Grid images by stimulus name (and, for a moving stimulus, by its animation image), rendered
    /// once each; index 0 is the background.
    private struct ImageTable {
        let grid: SafetyGrid
        let profile: MonitorProfile
        let refreshHz: Double
        var frames: [SafetyFrame]
        var indexByKey: [String: Int] = [:]
        /// The analysis renders, by stimulus name (at onset, for the pattern rule).
        var rendered: [String: LinearImage] = [:]
        var animations: [String: StimulusAnimation?] = [:]

        init(grid: SafetyGrid, profile: MonitorProfile, background: SIMD3<Double>, refreshHz: Double) {
            self.grid = grid
            self.profile = profile
            self.refreshHz = refreshHz
            frames = [SafetyFrame(uniform: background, cellCount: grid.cellCount, profile: profile)]
        }

        /// How `name` moves at the timeline's refresh rate; nil when it is still.
        mutating func animation(of name: String, stimuli: [String: StimulusSpec]) throws -> StimulusAnimation? {
            if let known = animations[name] { return known }
            guard let spec = stimuli[name] else { throw SafetyAnalysisError.unknownStimulus(name) }
            let animation = try StimulusAnimation(spec, refreshHz: refreshHz)
            animations[name] = animation
            return animation
        }

        /// The frame index of stimulus `name`, or of image `animationImage` of its animation.
        mutating func index(of name: String, stimuli: [String: StimulusSpec], renderer: StimulusRenderer,
                            animationImage: Int? = nil) throws -> Int {
            let key = animationImage.map { "\(name)@\($0)" } ?? name
            if let index = indexByKey[key] { return index }
            guard let spec = stimuli[name] else { throw SafetyAnalysisError.unknownStimulus(name) }
            let time = try animationImage.map { try animation(of: name, stimuli: stimuli)?.time(ofImage: $0) ?? 0 } ?? 0
            let aspect = Double(grid.geometry.screenHeightPx) / Double(grid.geometry.screenWidthPx)
            let width = renderer.geometry.screenWidthPx
            let image = try renderer.render(spec, width: width, height: max(1, Int((Double(width) * aspect).rounded())), time: time)
            frames.append(SafetyFrame(image: image, grid: grid, profile: profile))
            if (animationImage ?? 0) == 0 { rendered[name] = image }
            indexByKey[key] = frames.count - 1
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
