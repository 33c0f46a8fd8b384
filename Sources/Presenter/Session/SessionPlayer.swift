/// The frame loop: plays a presentation plan on a display, frame by frame, with pre-rendered
/// textures only. Each frame clears, blits, flips and is timestamped; key presses go to the
/// phase's response; Escape opens the pause menu (resume, or abort keeping everything recorded).
public final class SessionPlayer {
    /// How `--capture DIR` hands frames out: every `every`-th stimulus frame, as RGBA bytes.
    public struct Capture {
        public var every: Int
        public var write: (_ frameIndex: Int, _ widthPx: Int, _ heightPx: Int, _ rgba: [UInt8]) throws -> Void
        public init(every: Int, write: @escaping (Int, Int, Int, [UInt8]) throws -> Void) {
            self.every = max(1, every); self.write = write
        }
    }

    /// How a play ended.
    public enum Outcome: Equatable, Sendable {
        case completed
        /// Aborted from the pause menu during this phase.
        case aborted(phase: Int)
        /// Ended by the participant's answer in this phase (e.g. consent declined).
        case stopped(phase: Int)
    }

    /// Display-ready RGBA for an image key, at the display's size: (width px, height px, bytes).
    public typealias ImageSource = (String) throws -> (widthPx: Int, heightPx: Int, rgba: [UInt8])

    private let display: Display
    private let input: InputSource
    private let pacer: FramePacer
    private let recorder: SessionRecorder
    private let images: ImageSource
    private let capture: Capture?
    private let seed: UInt64
    private let drawsOnlyCapturedFrames: Bool
    private var textures: [String: TextureID] = [:]
    private var textTextures: [String: TextureID] = [:]
    private var frameIndex = 0
    /// State of each adaptive track (staircase, QUEST) of each phase between its trials.
    private var tracks: [PhaseItem: ResponseState] = [:]
    /// Answered values of each phase so far (the settings a flicker-photometry phase measures).
    private var settings: [Int: [Double]] = [:]

    /// Told the mean setting (green gain) of a flicker-photometry phase whose result later stimuli
    /// use, once the phase is over; the images the plan lists for it are then made again.
    public var flickerMeasured: ((_ phase: Int, _ meanGain: Double) throws -> Void)?

    public init(display: Display, input: InputSource, pacer: FramePacer, recorder: SessionRecorder,
                images: @escaping ImageSource, capture: Capture? = nil, seed: UInt64, drawsOnlyCapturedFrames: Bool = false) {
        self.drawsOnlyCapturedFrames = drawsOnlyCapturedFrames
        self.display = display; self.input = input; self.pacer = pacer; self.recorder = recorder
        self.images = images; self.capture = capture; self.seed = seed
    }

    /// Timing of every stimulus frame flipped so far.
    public var timing: FrameTimingLog { pacer.log }
    /// CPU time of the frame loop's thread from its first frame to its end, without the time spent
    /// waiting for flip slots (s): drawing, flipping, timing, input, handing records to the writer.
    public private(set) var loopCPUSeconds = 0.0

    /// Plays the plan from block `startBlock` on (a resumed session starts at its first unfinished
    /// trial); frame indices continue from `firstFrameIndex`. `answered` are the responses a resumed
    /// session recorded before: their trials are not run again, and adaptive tracks continue from the
    /// state that replaying them in order gives.
    public func play(_ plan: PresentationPlan, fromBlock startBlock: Int = 0, firstFrameIndex: Int = 0,
                     answered: [RecordedAnswer] = []) throws -> Outcome {
        frameIndex = firstFrameIndex
        let done = replay(answered, in: plan)
        let firstPhase = plan.blocks.indices.contains(startBlock) ? plan.blocks[startBlock].phaseIndex : Int.max
        for measured in plan.remakeAfterPhase.keys.sorted() where measured < firstPhase { try applySettings(ofPhase: measured, plan) }
        // Every texture is made before the first frame, so that no phase boundary stalls the loop.
        for index in plan.blocks.indices where index >= startBlock { try prepareTextures(plan, block: index) }
        let (cpuStart, waitStart) = (CPUTime.thread(), pacer.waitCPUSeconds)
        defer { loopCPUSeconds += CPUTime.thread() - cpuStart - (pacer.waitCPUSeconds - waitStart) }
        var phase: PhaseProgress?
        for index in plan.blocks.indices where index >= startBlock {
            let block = plan.blocks[index]
            if let trial = block.trialIndex, done.contains(PhaseItem(phase: block.phaseIndex, number: trial)) { continue }
            if phase?.index != block.phaseIndex {
                if let p = phase {
                    endPhase(p, completed: true)
                    if plan.remakeAfterPhase[p.index] != nil {
                        try applySettings(ofPhase: p.index, plan)
                        for later in plan.blocks.indices where later >= index { try prepareTextures(plan, block: later) }
                    }
                }
                phase = PhaseProgress(index: block.phaseIndex, name: block.phaseName, kind: block.phaseKind,
                                      plannedFrames: plan.plannedFrames(ofPhase: block.phaseIndex))
            }
            switch try playBlock(block, seed: responseSeed(block: index), phase: &phase!) {
            case .done: continue
            case .aborted:
                endPhase(phase!, completed: false)
                return .aborted(phase: block.phaseIndex)
            case .stopped:
                endPhase(phase!, completed: true)
                return .stopped(phase: block.phaseIndex)
            }
        }
        if let p = phase { endPhase(p, completed: true) }
        return .completed
    }

    /// Hands the mean setting of flicker-photometry phase `measured` to `flickerMeasured` and drops
    /// the textures made from its nominal colour, so that they are made again in the measured one.
    private func applySettings(ofPhase measured: Int, _ plan: PresentationPlan) throws {
        guard let values = settings[measured], !values.isEmpty, let keys = plan.remakeAfterPhase[measured] else { return }
        try flickerMeasured?(measured, values.reduce(0, +) / Double(values.count))
        // A stimulus's own key, and its animation images' keys when it moves.
        for key in textures.keys where keys.contains(key) || MovingImageKey.parse(key).map({ keys.contains($0.name) }) == true {
            if let texture = textures.removeValue(forKey: key) { display.destroyTexture(texture) }
        }
    }

    /// The seed of the response state of block `index` (its nulling start draw).
    private func responseSeed(block index: Int) -> UInt64 { seed &+ UInt64(index) &* 0x9E37_79B9 }

    /// Rebuilds adaptive tracks from answers recorded before a resume: each answered slot feeds its
    /// track the recorded key, in plan order, as it did when it was answered. Returns the answered trials.
    private func replay(_ answered: [RecordedAnswer], in plan: PresentationPlan) -> Set<PhaseItem> {
        let byTrial = Dictionary(answered.map { (PhaseItem(phase: $0.phase, number: $0.trial), $0) }) { _, last in last }
        for answer in answered { if let value = answer.value, !answer.timedOut { settings[answer.phase, default: []].append(value) } }
        for (index, block) in plan.blocks.enumerated() {
            guard let track = block.track, let trial = block.trialIndex, let planned = block.response,
                  let answer = byTrial[PhaseItem(phase: block.phaseIndex, number: trial)] else { continue }
            let key = PhaseItem(phase: block.phaseIndex, number: track)
            var state = tracks[key] ?? ResponseState(planned, seed: responseSeed(block: index))
            if !answer.timedOut, let pressed = answer.key { _ = state.handle(KeyEvent(key: pressed, time: 0), reactionTime: 0) }
            tracks[key] = state
        }
        return Set(byTrial.keys)
    }

    /// What the recorder needs to hear about the phase being played.
    private struct PhaseProgress {
        let index: Int, name: String, kind: String, plannedFrames: Int
        var frames = 0
        var dropped = 0
        var started = false
        var lastFlip = 0.0
    }

    private func endPhase(_ p: PhaseProgress, completed: Bool) {
        guard p.started else { return }
        recorder.phaseEnded(p.index, frames: p.frames, endFlip: p.lastFlip + pacer.period, dropped: p.dropped, completed: completed)
    }

    private func prepareTextures(_ plan: PresentationPlan, block: Int) throws {
        for key in plan.imageKeys(ofBlock: block) where textures[key] == nil {
            let image = try images(key)
            textures[key] = try display.makeTexture(widthPx: image.widthPx, heightPx: image.heightPx, rgba: image.rgba)
        }
        for segment in plan.blocks[block].segments {
            for case let .text(text, size, colour, _, _) in segment.layers {
                _ = try textTexture(text, size, colour)
            }
        }
    }

    private func textTexture(_ text: String, _ size: Int, _ colour: RGB8) throws -> TextureID {
        let key = "\(size)|\(colour.r),\(colour.g),\(colour.b)|\(text)"
        if let t = textTextures[key] { return t }
        let t = try display.makeTextTexture(text, pointSize: size, colour: colour)
        textTextures[key] = t
        return t
    }

    /// How a block ended.
    private enum BlockEnd { case done, aborted, stopped }

    /// Plays one block.
    private func playBlock(_ block: PlannedBlock, seed: UInt64, phase: inout PhaseProgress) throws -> BlockEnd {
        var response: ResponseState?
        let track = block.track.map { PhaseItem(phase: block.phaseIndex, number: $0) }
        if let track, let state = tracks[track] {
            if state.isTrackFinished { return .done }   // this track has stopped: skip its remaining slots
            response = state
        } else {
            response = block.response.map { ResponseState($0, seed: seed) }
        }
        defer { if let track, let response { tracks[track] = response } }
        var answer: ResponseState.Answer?
        var frameInBlock = 0
        var onset = 0.0
        var scorer = block.fixationTask.map { FixationScorer(responseKey: $0.responseKey) }
        let letters = Dictionary((block.fixationTask?.changes ?? []).map { ($0.frame, $0) }) { first, _ in first }
        func report(_ scores: [FixationScore]) { for score in scores { recorder.fixationScored(score, phase: phase.index) } }
        while true {
            if response == nil ? frameInBlock >= block.plannedFrames : answer != nil { break }
            let captured = capture.map { frameIndex % $0.every == 0 } ?? false
            let drawn = captured || !drawsOnlyCapturedFrames
            if drawn { draw(block, frame: frameInBlock, modulation: response?.modulation, level: response?.level) }
            if let capture, captured {
                try capture.write(frameIndex, display.widthPx, display.heightPx, try display.readPixels())
            }
            let flip = pacer.flip(display, present: drawn)
            if !phase.started {
                recorder.phaseStarted(phase.index, name: phase.name, kind: phase.kind, plannedFrames: phase.plannedFrames,
                                      firstFlip: flip.flip)
                phase.started = true
            }
            recorder.frameFlipped(PresentedFrame(index: frameIndex, phase: phase.index, plannedTime: flip.planned,
                                                 flipTime: flip.flip, interval: flip.interval, dropped: flip.dropped))
            phase.frames += 1
            phase.lastFlip = flip.flip
            if flip.dropped { phase.dropped += 1 }
            if frameInBlock == block.onsetFrame {
                onset = flip.flip
                if let t = block.trialIndex { recorder.trialStarted(phase: phase.index, trial: t, conditionsJSON: block.conditionsJSON, onset: onset) }
                if let r = response { input.responseWindowOpened(r.window, onset: onset) }
            }
            if let change = letters[frameInBlock], let task = block.fixationTask {
                scorer?.letterShown(change.letter, isTarget: change.isTarget, at: flip.flip)
                if change.isTarget { input.responseWindowOpened(.fixationTarget(key: task.responseKey), onset: flip.flip) }
            }
            frameIndex += 1
            frameInBlock += 1
            let now = pacer.mode == .virtual ? flip.flip : pacer.clock.now()
            var events = input.poll(now: now)
            while !events.isEmpty {
                let event = events.removeFirst()
                let action = event.key == KeyEvent.escape ? "pause"
                    : response?.action(forKey: event.key) ?? (event.key == scorer?.responseKey ? "fixation_report" : nil)
                recorder.keyPressed(event, phase: phase.index, action: action)
                if event.key == KeyEvent.escape {
                    if try !pauseMenu(phase: phase.index, pending: &events) {
                        if let t = block.trialIndex {
                            recorder.trialEnded(phase: phase.index, trial: t, conditionsJSON: block.conditionsJSON, onset: onset, completed: false)
                        }
                        return .aborted
                    }
                    continue
                }
                if let score = scorer?.keyPressed(event.key, at: event.time) { report([score]) }
                guard answer == nil, frameInBlock > block.onsetFrame, var r = response else { continue }
                if let window = block.responseWindowS, event.time - onset > window { continue }   // too late: recorded, not an answer
                let handled = r.handle(event, reactionTime: event.time - onset)
                response = r
                guard let a = handled else { continue }
                answer = a
                complete(CompletedResponse(
                    phase: phase.index, trial: block.trialIndex ?? 0, method: r.methodName, value: a.value, valueUnit: block.valueUnit,
                    choice: a.choice, correct: a.correct, onset: onset, responseTime: event.time,
                    trajectory: a.trajectory, estimate: a.estimate), block)
            }
            if let scores = scorer?.advance(to: now) { report(scores) }
            if answer == nil, let r = response, let window = block.responseWindowS, frameInBlock > block.onsetFrame, now - onset >= window {
                answer = ResponseState.Answer(value: nil)
                complete(CompletedResponse(
                    phase: phase.index, trial: block.trialIndex ?? 0, method: r.methodName, value: nil, valueUnit: block.valueUnit,
                    choice: nil, correct: nil, onset: onset, responseTime: onset + window, timedOut: true,
                    trajectory: r.trajectory, estimate: nil), block)
            }
        }
        if let scores = scorer?.finish() { report(scores) }
        if let stop = block.stopKey, answer?.choice == stop { return .stopped }
        return .done
    }

    /// Records a response and marks its trial completed.
    private func complete(_ response: CompletedResponse, _ block: PlannedBlock) {
        recorder.responded(response)
        if let value = response.value { settings[response.phase, default: []].append(value) }
        if let t = block.trialIndex {
            recorder.trialEnded(phase: response.phase, trial: t, conditionsJSON: block.conditionsJSON, onset: response.onset, completed: true)
        }
    }

    private func draw(_ block: PlannedBlock, frame: Int, modulation: RGB8?, level: Int?) {
        display.clear(block.background)
        var remaining = block.repeatsSegments && block.plannedFrames > 0 ? frame % block.plannedFrames : frame
        var segment = block.segments.last
        for s in block.segments {
            if remaining < s.frames { segment = s; break }
            remaining -= s.frames
        }
        for layer in segment?.layers ?? [] {
            switch layer {
            case let .image(key, rect, tinted):
                guard let t = textures[key] else { continue }
                display.draw(Sprite(texture: t, rect: rect, modulation: tinted ? (modulation ?? .white) : .white))
            case let .levels(keys, rect):
                guard let level, keys.indices.contains(level), let t = textures[keys[level]] else { continue }
                display.draw(Sprite(texture: t, rect: rect))
            case let .text(text, size, colour, cx, cy):
                guard let t = try? textTexture(text, size, colour) else { continue }
                let s = display.size(of: t)
                display.draw(Sprite(texture: t, rect: .centred(width: s.widthPx, height: s.heightPx, at: cx, cy)))
            }
        }
    }

    /// Shows the pause menu until the participant resumes (true) or aborts (false). Presses already
    /// read (`pending`, e.g. an abort polled together with its Escape) are answered first; those after
    /// the menu's answer are left in `pending` for the frame loop.
    private func pauseMenu(phase: Int, pending: inout [KeyEvent]) throws -> Bool {
        recorder.paused(at: pacer.clock.now())
        let lines = ["Paused", "R or Esc: resume", "A: abort (everything recorded so far is kept)"]
        let textures = try lines.map { try textTexture($0, 28, .white) }
        while true {
            display.clear(.black)
            for (i, t) in textures.enumerated() {
                let s = display.size(of: t)
                display.draw(Sprite(texture: t, rect: .centred(width: s.widthPx, height: s.heightPx,
                                                               at: display.widthPx / 2, display.heightPx / 2 + (i - 1) * 50)))
            }
            display.present()
            if pending.isEmpty {
                if pacer.mode != .vsync { pacer.clock.wait(until: pacer.clock.now() + pacer.period) }
                pending = input.poll(now: pacer.clock.now())
            }
            while !pending.isEmpty {
                let event = pending.removeFirst()
                recorder.keyPressed(event, phase: phase, action: ["r": "resume", KeyEvent.escape: "resume", "a": "abort"][event.key])
                switch event.key {
                case "r", KeyEvent.escape:
                    recorder.resumed(at: pacer.clock.now())
                    pacer.resumeAfterPause()
                    return true
                case "a":
                    return false
                default:
                    continue
                }
            }
        }
    }
}
