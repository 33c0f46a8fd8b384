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
    /// State of each adaptive track (staircase, QUEST) between its trials.
    private var tracks: [Int: ResponseState] = [:]

    public init(display: Display, input: InputSource, pacer: FramePacer, recorder: SessionRecorder,
                images: @escaping ImageSource, capture: Capture? = nil, seed: UInt64, drawsOnlyCapturedFrames: Bool = false) {
        self.drawsOnlyCapturedFrames = drawsOnlyCapturedFrames
        self.display = display; self.input = input; self.pacer = pacer; self.recorder = recorder
        self.images = images; self.capture = capture; self.seed = seed
    }

    /// Timing of every stimulus frame flipped so far.
    public var timing: FrameTimingLog { pacer.log }

    /// Plays the plan from block `startBlock` on (a resumed session starts at its first unfinished
    /// trial); frame indices continue from `firstFrameIndex`.
    public func play(_ plan: PresentationPlan, fromBlock startBlock: Int = 0, firstFrameIndex: Int = 0) throws -> Outcome {
        frameIndex = firstFrameIndex
        // Every texture is made before the first frame, so that no phase boundary stalls the loop.
        for index in plan.blocks.indices where index >= startBlock { try prepareTextures(plan, block: index) }
        var phase: PhaseProgress?
        for index in plan.blocks.indices where index >= startBlock {
            let block = plan.blocks[index]
            if phase?.index != block.phaseIndex {
                if let p = phase { endPhase(p, completed: true) }
                phase = PhaseProgress(index: block.phaseIndex, name: block.phaseName, kind: block.phaseKind,
                                      plannedFrames: plan.plannedFrames(ofPhase: block.phaseIndex))
            }
            switch try playBlock(block, seedOffset: UInt64(index), phase: &phase!) {
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
    private func playBlock(_ block: PlannedBlock, seedOffset: UInt64, phase: inout PhaseProgress) throws -> BlockEnd {
        var response: ResponseState?
        if let track = block.track, let state = tracks[track] {
            if state.isTrackFinished { return .done }   // this track has stopped: skip its remaining slots
            response = state
        } else {
            response = block.response.map { ResponseState($0, seed: seed &+ seedOffset &* 0x9E37_79B9) }
        }
        defer { if let track = block.track, let response { tracks[track] = response } }
        var answer: ResponseState.Answer?
        var frameInBlock = 0
        var onset = 0.0
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
            frameIndex += 1
            frameInBlock += 1
            let now = pacer.mode == .virtual ? flip.flip : pacer.clock.now()
            for event in input.poll(now: now) {
                recorder.keyPressed(event, phase: phase.index, action: event.key == KeyEvent.escape ? "pause" : response?.action(forKey: event.key))
                if event.key == KeyEvent.escape {
                    if try !pauseMenu(phase: phase.index) {
                        if let t = block.trialIndex {
                            recorder.trialEnded(phase: phase.index, trial: t, conditionsJSON: block.conditionsJSON, onset: onset, completed: false)
                        }
                        return .aborted
                    }
                    continue
                }
                guard answer == nil, frameInBlock > block.onsetFrame, var r = response else { continue }
                let handled = r.handle(event, reactionTime: event.time - onset)
                response = r
                guard let a = handled else { continue }
                answer = a
                recorder.responded(CompletedResponse(
                    phase: phase.index, trial: block.trialIndex ?? 0, method: r.methodName, value: a.value, valueUnit: block.valueUnit,
                    choice: a.choice, correct: a.correct, onset: onset, responseTime: event.time,
                    trajectory: a.trajectory, estimate: a.estimate))
                if let t = block.trialIndex {
                    recorder.trialEnded(phase: phase.index, trial: t, conditionsJSON: block.conditionsJSON, onset: onset, completed: true)
                }
            }
        }
        if let stop = block.stopKey, answer?.choice == stop { return .stopped }
        return .done
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

    /// Shows the pause menu until the participant resumes (true) or aborts (false).
    private func pauseMenu(phase: Int) throws -> Bool {
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
            if pacer.mode != .vsync { pacer.clock.wait(until: pacer.clock.now() + pacer.period) }
            for event in input.poll(now: pacer.clock.now()) {
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
