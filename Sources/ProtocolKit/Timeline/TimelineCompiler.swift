import StimulusKit
import Foundation

/// Compiles a `ProtocolSpec` for one refresh rate into a frame-exact `Timeline`.
///
/// Durations in seconds become the nearest whole frame; each rounding is reported as a warning
/// that says what it became. Random choices come from the protocol's seed (one independent stream
/// per phase), so compiling twice gives the same timeline.
public struct TimelineCompiler {
    public var refreshHz: Double
    var sourceMap: SourceMap
    private(set) var diagnostics: [ProtocolDiagnostic] = []

    /// Compiles `spec` at `refreshHz` (Hz). Returns the timeline and the warnings and errors found
    /// (e.g. durations that round to a different length, a phase shorter than one frame).
    public static func compile(_ spec: ProtocolSpec, refreshHz: Double, sourceMap: SourceMap)
        -> (timeline: Timeline, diagnostics: [ProtocolDiagnostic]) {
        var compiler = TimelineCompiler(refreshHz: refreshHz, sourceMap: sourceMap)
        let phases = spec.phases.enumerated().map { index, phase in
            compiler.compile(phase, path: "phases[\(index)]",
                             random: SeededGenerator(protocolSeed: spec.seed, phaseIndex: index))
        }
        let timeline = Timeline(protocolName: spec.name, protocolTitle: spec.title, refreshHz: refreshHz, seed: spec.seed,
                                backgroundLinearRGB: spec.backgroundLinearRGB, phases: phases, stimuli: [:],
                                retestAfterSeconds: spec.retestAfter.map { $0.seconds(atRefresh: refreshHz) },
                                safetyOverride: spec.safetyOverride)
        return (timeline, compiler.diagnostics)
    }

    private mutating func compile(_ phase: PhaseSpec, path: String, random: SeededGenerator) -> TimelinePhase {
        var random = random
        switch phase {
        case .instructions(let screen):
            return TimelinePhase(name: screen.name, kind: .instructions, frameCount: nil, isOptional: false, content: .text(screen.text))
        case .consent(let consent):
            return TimelinePhase(name: consent.name, kind: .consent, frameCount: nil, isOptional: false, content: .consent(consent))
        case .adaptation(let spec), .reversal(let spec):
            let presentation = compileAdaptation(spec, path: path, random: &random)
            return TimelinePhase(name: spec.name, kind: phase.kind, frameCount: presentation.frames, isOptional: spec.optional,
                                 content: .presentation(presentation.events))
        case .test(let spec):
            return TimelinePhase(name: spec.name, kind: .test, frameCount: nil, isOptional: false,
                                 content: .trials(compileTest(spec, path: path, random: &random)))
        case .flickerPhotometry(let spec):
            return TimelinePhase(name: spec.name, kind: .flickerPhotometry, frameCount: nil, isOptional: false,
                                 content: .flickerPhotometry(compileFlicker(spec, path: path, random: &random)))
        case .illusionPSE(let spec):
            return TimelinePhase(name: spec.name, kind: .illusionPSE, frameCount: nil, isOptional: false,
                                 content: .illusionPSE(compileIllusion(spec, path: path, random: &random)))
        case .rest(let spec):
            var length: Int?
            if let duration = spec.duration { length = frames(duration, path: "\(path).duration") }
            return TimelinePhase(name: spec.name, kind: .rest, frameCount: length, isOptional: false, content: .rest(spec.text))
        }
    }

    /// Whole frames for `span`, warning when seconds do not fall on a frame boundary and erring when
    /// a positive duration would vanish.
    mutating func frames(_ span: TimeSpan, path: String, allowZero: Bool = false) -> Int {
        let (count, exact) = span.frameCount(atRefresh: refreshHz)
        if !exact {
            diagnostics.append(sourceMap.diagnostic(.warning, path: path,
                "\(span) is \(formatNumber(span.seconds(atRefresh: refreshHz) * refreshHz, digits: 3)) frames at \(formatNumber(refreshHz)) Hz; rounded to \(count) frames = \(formatNumber(Double(count) / refreshHz, digits: 4)) s"))
        }
        if count == 0, !allowZero {
            diagnostics.append(sourceMap.diagnostic(.error, path: path,
                "\(span) is shorter than one frame at \(formatNumber(refreshHz)) Hz (\(formatNumber(1000 / refreshHz, digits: 2)) ms)"))
            return 1
        }
        return count
    }

    private mutating func compileAdaptation(_ spec: AdaptationSpec, path: String, random: inout SeededGenerator)
        -> (frames: Int, events: Presentation) {
        let itemFrames = spec.sequence.enumerated().map { frames($1.duration, path: "\(path).sequence[\($0)].duration") }
        let blank = spec.blankBetween.map { frames($0, path: "\(path).blank_between", allowZero: true) } ?? 0
        let cycle = itemFrames.reduce(0, +) + blank * itemFrames.count
        let total: Int
        switch spec.total {
        case .repetitions(let n):
            let longest = Int(TimeSpan.longestPhaseSeconds * refreshHz)
            if n > longest / max(1, cycle) {
                diagnostics.append(sourceMap.diagnostic(.error, path: "\(path).repetitions",
                    "\(n) repetitions of a \(formatNumber(Double(cycle) / refreshHz, digits: 4)) s cycle exceed the limit of \(formatNumber(TimeSpan.longestPhaseSeconds / 3600)) h"))
                total = cycle
            } else {
                total = n * cycle - blank
            }
        case .duration(let span): total = frames(span, path: "\(path).total_duration")
        }
        var onsets: [StimulusOnset] = []
        var frame = 0
        itemLoop: while frame < total {
            for (item, length) in zip(spec.sequence, itemFrames) {
                guard frame < total else { break itemLoop }
                let shown = min(length, total - frame)
                onsets.append(StimulusOnset(frame: frame, stimulus: item.stimulus, frames: shown))
                if shown < length {
                    diagnostics.append(sourceMap.diagnostic(.warning, path: "\(path).total_duration",
                        "the total is not a whole number of cycles (\(formatNumber(Double(cycle) / refreshHz, digits: 4)) s each): the last '\(item.stimulus)' is cut to \(shown) of \(length) frames"))
                }
                frame += length + blank
            }
        }
        let fixationChanges = spec.fixation.map { fixationSchedule($0, totalFrames: total, path: "\(path).fixation", random: &random) } ?? []
        let countdown = spec.countdown ? countdownTicks(totalFrames: total) : []
        return (total, Presentation(onsets: onsets, fixationChanges: fixationChanges, fixation: spec.fixation,
                                    countdown: countdown))
    }

    /// Letter changes every `interval` from frame 0: each a letter different from the last (the
    /// target with probability `targetProbability`), at a position uniform in ±`jitterDeg` on each axis.
    private mutating func fixationSchedule(_ task: FixationTaskSpec, totalFrames: Int, path: String,
                                           random: inout SeededGenerator) -> [FixationChange] {
        let step = frames(task.interval, path: "\(path).interval")
        var changes: [FixationChange] = []
        var previous: String?
        for frame in stride(from: 0, to: totalFrames, by: step) {
            let isTarget = task.target != nil && previous != task.target && random.unit() < task.targetProbability
            let letter: String
            if isTarget, let target = task.target {
                letter = target
            } else {
                let candidates = task.letters.filter { $0 != previous && $0 != task.target }
                letter = candidates[random.index(below: candidates.count)]
            }
            let x = random.uniform(-task.jitterDeg, task.jitterDeg)
            let y = random.uniform(-task.jitterDeg, task.jitterDeg)
            changes.append(FixationChange(frame: frame, letter: letter, xDeg: x, yDeg: y, isTarget: isTarget))
            previous = letter
        }
        return changes
    }

    /// One tick at frame 0 and one each time the whole seconds left, ⌈(total − frame) / refresh⌉,
    /// drop: `s` seconds are left from the first frame with total − frame ≤ s × refresh.
    private func countdownTicks(totalFrames: Int) -> [CountdownTick] {
        let total = Double(totalFrames)
        let first = Int((total / refreshHz - 1e-9).rounded(.up))
        guard first > 0 else { return [] }
        var ticks = [CountdownTick(frame: 0, secondsLeft: first)]
        for left in stride(from: first - 1, through: 1, by: -1) {
            let frame = Int((total - Double(left) * refreshHz - 1e-9).rounded(.up))
            if frame > ticks[ticks.count - 1].frame { ticks.append(CountdownTick(frame: frame, secondsLeft: left)) }
        }
        return ticks
    }

    private mutating func compileTest(_ spec: TestSpec, path: String, random: inout SeededGenerator) -> TrialBlock {
        let stimulusFrames = spec.stimulusDuration.map { frames($0, path: "\(path).stimulus_duration") }
        let window = spec.responseWindow.map { frames($0, path: "\(path).response_window") }
        let iti = frames(spec.interTrialInterval, path: "\(path).inter_trial_interval", allowZero: true)
        let slotsPerTrack = spec.response.slotsPerTrack
        let isAdaptive = spec.response.isAdaptive
        // One unit per (repetition, condition); adaptive methods repeat each unit once per slot.
        var blocks: [[(condition: Int, repetition: Int)]] = []
        for repetition in 0..<spec.repetitions {
            var block = spec.conditions.indices.map { (condition: $0, repetition: repetition) }
            if spec.order == .blocked { random.shuffle(&block) }
            blocks.append(block)
        }
        let units = blocks.flatMap { $0 }
        var slots: [(condition: Int, repetition: Int)] = []
        for _ in 0..<slotsPerTrack {
            var round = units
            if spec.order == .shuffled { random.shuffle(&round) }
            slots += round
        }
        let trials = slots.enumerated().map { index, slot -> Trial in
            let condition = spec.conditions[slot.condition]
            var startValue: Double?
            if case .nulling(let nulling) = spec.response {
                let draw = random.uniform(nulling.startCentre - nulling.startSpread, nulling.startCentre + nulling.startSpread)
                startValue = min(max(draw, nulling.minValue), nulling.maxValue)
            }
            return Trial(index: index, condition: condition.label, stimulus: condition.stimulus, repetition: slot.repetition,
                         startValue: startValue,
                         track: isAdaptive ? slot.repetition * spec.conditions.count + slot.condition : nil,
                         correctChoice: condition.correctChoice)
        }
        return TrialBlock(response: spec.response, stimulusFrames: stimulusFrames, responseWindowFrames: window,
                          interTrialFrames: iti, trials: trials)
    }

    private mutating func compileFlicker(_ spec: FlickerPhotometrySpec, path: String,
                                         random: inout SeededGenerator) -> FlickerPhotometryBlock {
        let exactHalf = refreshHz / (2 * spec.frequencyHz)
        let half = max(1, Int(exactHalf.rounded()))
        let achieved = refreshHz / Double(2 * half)
        if abs(exactHalf - Double(half)) > 1e-6 {
            diagnostics.append(sourceMap.diagnostic(.warning, path: "\(path).frequency_hz",
                "\(formatNumber(spec.frequencyHz)) Hz needs \(formatNumber(exactHalf, digits: 3)) frames per colour at \(formatNumber(refreshHz)) Hz; shown at \(half) frames per colour = \(formatNumber(achieved, digits: 3)) Hz"))
        }
        let gains = (0..<spec.settings).map { _ in random.uniform(spec.startGainRange[0], spec.startGainRange[1]) }
        return FlickerPhotometryBlock(spec: spec, halfPeriodFrames: half, achievedFrequencyHz: achieved, startGains: gains)
    }
}
