import Foundation
import ProtocolKit
import StimulusKit

/// Turns a compiled `Timeline` into the blocks the frame loop plays on a display of a given size.
/// Frame counts and onsets are taken from the timeline as they are; nothing is re-timed here.
public struct TimelinePlanBuilder {
    /// How the simulated participant's percept depends on a test condition: +1 or −1 for the two
    /// paired conditions, 0 for a control. Keyed by condition label; labels not listed count 0.
    public var contingencies: [String: Double]
    public let timeline: Timeline
    public let stimuli: [String: StimulusSpec]
    public let profile: MonitorProfile
    /// Geometry of the display as opened (its px size) at the protocol's viewing distance.
    public let geometry: ViewingGeometry
    /// Consent-screen warnings from the safety analysis.
    public let consentWarnings: [String]
    /// Colours measured during the session (flicker photometry) that stimuli use; their images are
    /// rendered with the current colours, and the plan says which to make again after which phase.
    public let colours: MeasuredColours?

    public init(timeline: Timeline, stimuli: [String: StimulusSpec], profile: MonitorProfile, geometry: ViewingGeometry,
                consentWarnings: [String], contingencies: [String: Double] = ["horizontal": -1, "vertical": 1],
                colours: MeasuredColours? = nil) {
        self.timeline = timeline; self.stimuli = stimuli; self.profile = profile; self.geometry = geometry
        self.consentWarnings = consentWarnings; self.contingencies = contingencies; self.colours = colours
    }

    private var width: Int { geometry.screenWidthPx }
    private var height: Int { geometry.screenHeightPx }
    private var full: PixelRect { PixelRect(x: 0, y: 0, width: width, height: height) }
    private var backgroundLinear: SIMD3<Double> {
        let b = timeline.backgroundLinearRGB
        return SIMD3(b[0], b[1], b[2])
    }
    var background: RGB8 { AxisTint.encoded(backgroundLinear, profile: profile) }
    /// Text size for screens (pt): a 30th of the display height.
    private var textPoints: Int { max(12, height / 30) }

    /// The plan, and the source of its images (stimuli rendered full screen, flicker discs).
    public func build() throws(PlanError) -> (plan: PresentationPlan, images: SessionPlayer.ImageSource) {
        var blocks: [PlannedBlock] = []
        var discs: [String: (SIMD3<Double>, Double)] = [:]   // flicker disc key → (linear colour, diameter deg)
        var illusionImages: [String: IllusionImage] = [:]
        var remake: [Int: Set<String>] = [:]
        var adapted = false
        for (p, phase) in timeline.phases.enumerated() {
            let kind = phase.kind.rawValue
            switch phase.content {
            case .text(let text):
                blocks.append(textBlock(p, phase.name, kind, text + "\n\nPress any key to continue.", response: .anyKey))
            case .consent(let c):
                var lines = [c.text]
                lines += consentWarnings
                if c.warnLastingEffect {
                    lines.append("The colour aftereffect induced here can last for days or weeks (Jones & Holding 1975).")
                }
                if c.askPhotosensitivity {
                    lines.append("Have you or a close relative ever had a seizure or epilepsy, or been told you are sensitive to flashing or patterned light? If so, press N.")
                }
                lines.append("Press Y to consent and continue, N to decline and stop.")
                let choice = try! ForcedChoice(keys: ["y", "n"])
                var block = textBlock(p, phase.name, kind, lines.joined(separator: "\n\n"),
                                      response: .forcedChoice(choice, correct: nil, evidence: [1, 0]))
                block.stopKey = "n"
                blocks.append(block)
            case .rest(let text):
                if let frames = phase.frameCount {
                    var block = textBlock(p, phase.name, kind, text ?? "", response: nil)
                    block.segments[0].frames = frames
                    blocks.append(block)
                } else {
                    blocks.append(textBlock(p, phase.name, kind, (text ?? "Break.") + "\n\nPress any key to continue.", response: .anyKey))
                }
            case .presentation(let presentation):
                blocks.append(try presentationBlock(p, phase.name, kind, presentation, frames: phase.frameCount ?? 0))
                if phase.kind == .adaptation { adapted = true }
                if phase.kind == .reversal { adapted = false }
            case .trials(let trials):
                blocks += try trialBlocks(p, phase.name, kind, trials, adapted: adapted)
            case .flickerPhotometry(let flicker):
                let (flickerBlocks, flickerDiscs) = try flickerBlocks(p, phase.name, kind, flicker)
                blocks += flickerBlocks
                discs.merge(flickerDiscs) { a, _ in a }
            case .illusionPSE(let block):
                let (trialBlocks, images) = try illusionBlocks(p, phase.name, kind, block)
                blocks += trialBlocks
                illusionImages.merge(images) { a, _ in a }
            }
            if let dependents = colours?.dependents(ofPhase: phase.name), !dependents.isEmpty { remake[p] = dependents }
        }
        let renderer = StimulusRenderer(geometry: geometry, profile: profile)
        let stimuli = self.stimuli, colours = self.colours, profile = self.profile, bg = backgroundLinear, w = width, h = height
        let refreshHz = timeline.refreshHz
        let images: SessionPlayer.ImageSource = { key in
            if let (colour, diameterDeg) = discs[key] {
                let image = Self.disc(colour: colour, diameterPx: diameterDeg * renderer.pixelsPerDegree, background: bg, width: w, height: h)
                return (w, h, profile.encode(image).pixels)
            }
            if let image = illusionImages[key] {
                return (image.widthPx, image.heightPx, try renderer.renderDisplay(image.spec, width: image.widthPx, height: image.heightPx).pixels)
            }
            if let spec = colours?.stimuli[key] ?? stimuli[key] { return (w, h, try renderer.renderDisplay(spec, width: w, height: h).pixels) }
            guard let (name, image) = MovingImageKey.parse(key), let spec = colours?.stimuli[name] ?? stimuli[name],
                  let animation = try StimulusAnimation(spec, refreshHz: refreshHz) else { throw PlanError("no stimulus named '\(key)'") }
            return (w, h, try renderer.renderDisplay(spec, width: w, height: h, time: animation.time(ofImage: image)).pixels)
        }
        var plan = PresentationPlan(refreshHz: timeline.refreshHz, blocks: blocks)
        plan.remakeAfterPhase = remake
        return (plan, images)
    }

    // MARK: - Phases

    private func textBlock(_ p: Int, _ name: String, _ kind: String, _ text: String, response: PlannedResponse?) -> PlannedBlock {
        PlannedBlock(phaseIndex: p, phaseName: name, phaseKind: kind, background: background,
                     segments: [FrameSegment(frames: 1, layers: textLayers(text))], response: response)
    }

    /// Lines of `text` wrapped at about 70 characters, centred on the screen.
    func textLayers(_ text: String, size: Int? = nil) -> [Layer] {
        let points = size ?? textPoints
        var lines: [String] = []
        for paragraph in text.components(separatedBy: "\n") {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if line.count + word.count + 1 > 70, !line.isEmpty { lines.append(line); line = "" }
                line += line.isEmpty ? String(word) : " " + word
            }
            lines.append(line)
        }
        let spacing = points * 3 / 2
        let top = height / 2 - (lines.count - 1) * spacing / 2
        return lines.enumerated().compactMap { i, line in
            line.isEmpty ? nil : .text(line, pointSize: points, colour: .white, centreX: width / 2, centreY: top + i * spacing)
        }
    }

    /// How stimulus `name` moves at the timeline's refresh rate; nil when it is still.
    private func animation(_ name: String) throws(PlanError) -> StimulusAnimation? {
        guard let spec = stimuli[name] else { return nil }
        do { return try StimulusAnimation(spec, refreshHz: timeline.refreshHz) } catch { throw PlanError("stimulus '\(name)': \(error)") }
    }

    /// The image a frame draws for stimulus `name` moving as `animation` (nil: still), `sinceOnset`
    /// frames after its onset.
    private func imageKey(_ name: String, _ animation: StimulusAnimation?, sinceOnset: Int) -> String {
        animation.map { MovingImageKey.key(name, image: $0.image(atFrame: sinceOnset)) } ?? name
    }

    private func presentationBlock(_ p: Int, _ name: String, _ kind: String, _ presentation: Presentation, frames: Int) throws(PlanError) -> PlannedBlock {
        var animations: [String: StimulusAnimation] = [:]
        for name in Set(presentation.onsets.map(\.stimulus)) { animations[name] = try animation(name) }
        let points = presentation.changeFrames(before: frames, moving: Set(animations.keys), extra: presentation.countdown.map(\.frame))
        let ppd = geometry.pixelsPerDegree()
        let letterPoints = presentation.fixation.map { max(8, Int(($0.sizeDeg * ppd / 0.72).rounded())) } ?? 0
        var segments: [FrameSegment] = []
        for (i, start) in points.enumerated() {
            let end = i + 1 < points.count ? points[i + 1] : frames
            var layers: [Layer] = []
            if let onset = presentation.onsets.last(where: { $0.frame <= start && start < $0.frame + $0.frames }) {
                layers.append(.image(key: imageKey(onset.stimulus, animations[onset.stimulus], sinceOnset: start - onset.frame),
                                     rect: full, tinted: false))
            }
            if let letter = presentation.fixationChanges.last(where: { $0.frame <= start }) {
                layers.append(.text(letter.letter, pointSize: letterPoints, colour: .black,
                                    centreX: width / 2 + Int((letter.xDeg * ppd).rounded()),
                                    centreY: height / 2 - Int((letter.yDeg * ppd).rounded())))
            }
            if let tick = presentation.countdown.last(where: { $0.frame <= start }) {
                layers.append(.text("\(tick.secondsLeft) s", pointSize: max(12, height / 40), colour: .white,
                                    centreX: width / 2, centreY: height - height / 20))
            }
            segments.append(FrameSegment(frames: end - start, layers: layers))
        }
        let task = presentation.fixation.flatMap { f in f.target.map { _ in FixationTask(changes: presentation.fixationChanges, responseKey: f.responseKey) } }
        return PlannedBlock(phaseIndex: p, phaseName: name, phaseKind: kind, background: background, segments: segments,
                            fixationTask: task)
    }

    private func trialBlocks(_ p: Int, _ name: String, _ kind: String, _ block: TrialBlock, adapted: Bool) throws(PlanError) -> [PlannedBlock] {
        let field = "phases[\(p)] '\(name)'"
        var unit: String?
        var tint: TintMapping?
        switch block.response {
        case .nulling(let n):
            unit = n.axis.rawValue
            tint = try AxisTint.mapping(axis: n.axis, range: n.minValue...n.maxValue, background: backgroundLinear, profile: profile, field: field)
        case .staircase(let s):
            unit = s.axis.rawValue
            tint = try AxisTint.mapping(axis: s.axis, range: s.minLevel...s.maxLevel, background: backgroundLinear, profile: profile, field: field)
        case .quest(let q):
            unit = q.axis.rawValue
            let half = q.range / 2
            tint = try AxisTint.mapping(axis: q.axis, range: (q.tGuess - half)...(q.tGuess + half), background: backgroundLinear, profile: profile, field: field)
        case .forcedChoice:
            break
        }
        return try block.trials.map { trial throws(PlanError) -> PlannedBlock in
            let contingency = contingencies[trial.condition] ?? 0
            let response: PlannedResponse
            switch block.response {
            case .nulling(let n):
                let start = trial.startValue ?? n.startCentre
                response = .nulling(.init(coarseStep: n.coarseStep, fineStep: n.fineStep, minValue: n.minValue, maxValue: n.maxValue,
                                          startCentre: start, startSpread: 0),
                                    keys: n.keys, tint: tint!, target: 0, contingency: contingency, adapted: adapted)
            case .staircase(let s):
                response = .staircase(s, positiveKey: s.trueKey, negativeKey: s.falseKey, tint: tint!, contingency: contingency, adapted: adapted)
            case .quest(let q):
                response = .quest(q, positiveKey: q.trueKey, negativeKey: q.falseKey, tint: tint!, contingency: contingency, adapted: adapted)
            case .forcedChoice(let fc):
                let keys = fc.choices.map(\.key)
                let choice: ForcedChoice
                do { choice = try ForcedChoice(keys: keys) } catch { throw PlanError("\(field).response: \(error)") }
                let correct = trial.correctChoice.flatMap { label in fc.choices.firstIndex { $0.label == label } }
                response = .forcedChoice(choice, correct: correct,
                                         evidence: fc.choices.indices.map { $0 == correct ? 1 : 0 })
            }
            let tinted: Bool
            if case .forcedChoice = block.response { tinted = false } else { tinted = true }
            var segments: [FrameSegment] = []
            if block.interTrialFrames > 0 { segments.append(FrameSegment(frames: block.interTrialFrames, layers: [])) }
            let animation = try animation(trial.stimulus)
            if let on = block.stimulusFrames {
                if animation != nil {
                    for f in 0..<on {
                        segments.append(FrameSegment(frames: 1, layers: [.image(key: imageKey(trial.stimulus, animation, sinceOnset: f), rect: full, tinted: tinted)]))
                    }
                } else {
                    segments.append(FrameSegment(frames: on, layers: [.image(key: trial.stimulus, rect: full, tinted: tinted)]))
                }
                segments.append(FrameSegment(frames: 1, layers: []))
            } else {
                // Held until the response: a moving test stimulus is held at its onset image.
                segments.append(FrameSegment(frames: 1, layers: [.image(key: imageKey(trial.stimulus, animation, sinceOnset: 0), rect: full, tinted: tinted)]))
            }
            let conditions = try TrialConditions(trial, test: stimuli[trial.stimulus]).json()
            return PlannedBlock(phaseIndex: p, phaseName: name, phaseKind: kind, trialIndex: trial.index, conditionsJSON: conditions,
                                background: background, segments: segments, response: response, valueUnit: unit,
                                track: trial.track, onsetFrame: block.interTrialFrames,
                                responseWindowS: block.responseWindowFrames.map { Double($0) / timeline.refreshHz })
        }
    }

    private func flickerBlocks(_ p: Int, _ name: String, _ kind: String, _ block: FlickerPhotometryBlock) throws(PlanError)
        -> ([PlannedBlock], [String: (SIMD3<Double>, Double)]) {
        let spec = block.spec
        let red = SIMD3(spec.redLinearRGB[0], spec.redLinearRGB[1], spec.redLinearRGB[2])
        let green = spec.green
        let maxGain = 1 / max(green.max(), 1e-12)
        let redKey = "flicker:\(p):red", greenKey = "flicker:\(p):green"
        let disc = PixelRect(x: 0, y: 0, width: width, height: height)
        // An ideal observer's null: the gain at which the green's luminance equals the red's.
        let yRed = profile.relativeLuminance(r: red.x, g: red.y, b: red.z)
        let yGreen = profile.relativeLuminance(r: green.x, g: green.y, b: green.z)
        let isoluminantGain = yGreen > 0 ? yRed / yGreen : 0
        let tint = AxisTint.gain(colour: green, maxGain: maxGain, profile: profile)
        let blocks = block.startGains.enumerated().map { i, start in
            PlannedBlock(phaseIndex: p, phaseName: name, phaseKind: kind, trialIndex: i, conditionsJSON: "{\"setting\":\(i)}",
                         background: background,
                         segments: [FrameSegment(frames: block.halfPeriodFrames, layers: [.image(key: redKey, rect: disc, tinted: false)]),
                                    FrameSegment(frames: block.halfPeriodFrames, layers: [.image(key: greenKey, rect: disc, tinted: true)])],
                         response: .nulling(.init(coarseStep: spec.coarseStep, fineStep: spec.fineStep, minValue: 0, maxValue: maxGain,
                                                  startCentre: start, startSpread: 0),
                                            keys: spec.keys, tint: tint, target: isoluminantGain, contingency: 0, adapted: false),
                         valueUnit: "green_gain", repeatsSegments: true)
        }
        return (blocks, [redKey: (red, spec.fieldDiameterDeg), greenKey: (green * maxGain, spec.fieldDiameterDeg)])
    }

    /// A uniform disc of `colour` (linear RGB) centred on a `background` field.
    static func disc(colour: SIMD3<Double>, diameterPx: Double, background: SIMD3<Double>, width: Int, height: Int) -> LinearImage {
        var image = LinearImage(width: width, height: height, fill: (Float(background.x), Float(background.y), Float(background.z)))
        let r2 = diameterPx * diameterPx / 4
        let cx = Double(width) / 2, cy = Double(height) / 2
        for y in 0..<height {
            let dy = Double(y) + 0.5 - cy
            for x in 0..<width {
                let dx = Double(x) + 0.5 - cx
                guard dx * dx + dy * dy <= r2 else { continue }
                let i = (y * width + x) * 3
                image.pixels[i] = Float(colour.x); image.pixels[i + 1] = Float(colour.y); image.pixels[i + 2] = Float(colour.z)
            }
        }
        return image
    }
}
