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
    private var textures: [String: TextureID] = [:]
    private var textTextures: [String: TextureID] = [:]
    private var frameIndex = 0

    public init(display: Display, input: InputSource, pacer: FramePacer, recorder: SessionRecorder,
                images: @escaping ImageSource, capture: Capture? = nil, seed: UInt64) {
        self.display = display; self.input = input; self.pacer = pacer; self.recorder = recorder
        self.images = images; self.capture = capture; self.seed = seed
    }

    /// Timing of every stimulus frame flipped so far.
    public var timing: FrameTimingLog { pacer.log }

    /// Plays phases `startPhase...` of the plan (a resumed session starts at its first unfinished phase).
    public func play(_ plan: PresentationPlan, fromPhase startPhase: Int = 0) throws -> Outcome {
        for index in plan.phases.indices where index >= startPhase {
            try prepareTextures(plan, phase: index)
            if try !playPhase(plan.phases[index], index: index) { return .aborted(phase: index) }
        }
        return .completed
    }

    private func prepareTextures(_ plan: PresentationPlan, phase: Int) throws {
        for key in plan.imageKeys(ofPhase: phase) where textures[key] == nil {
            let image = try images(key)
            textures[key] = try display.makeTexture(widthPx: image.widthPx, heightPx: image.heightPx, rgba: image.rgba)
        }
        for segment in plan.phases[phase].segments {
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

    /// Plays one phase; false when the participant aborted.
    private func playPhase(_ phase: PlannedPhase, index: Int) throws -> Bool {
        var response = phase.response.map { ResponseState($0, seed: seed &+ UInt64(index) &* 0x9E37_79B9) }
        var frameInPhase = 0
        var frameInStep = 0
        var onset = 0.0
        var started = false
        while true {
            if response == nil && frameInPhase >= phase.plannedFrames { break }
            if let r = response, r.isFinished { break }
            draw(phase, frameInStep: frameInStep, modulation: response?.modulation)
            if let capture, frameIndex % capture.every == 0 {
                try capture.write(frameIndex, display.widthPx, display.heightPx, try display.readPixels())
            }
            let flip = pacer.flip(display)
            if !started {
                recorder.phaseStarted(index, name: phase.name, kind: phase.kind, trialIndex: phase.trialIndex,
                                      conditions: phase.conditions, at: flip.flip)
                started = true
            }
            recorder.frameFlipped(FrameRecord(index: frameIndex, phase: index, indexInPhase: frameInPhase,
                                              plannedTime: flip.planned, flipTime: flip.flip, dropped: flip.dropped))
            if frameInStep == 0, let r = response {
                onset = flip.flip
                input.responseWindowOpened(r.window, onset: onset)
            }
            frameIndex += 1
            frameInPhase += 1
            frameInStep += 1
            let now = pacer.mode == .virtual ? flip.flip : pacer.clock.now()
            for event in input.poll(now: now) {
                recorder.keyPressed(event, phase: index)
                if event.key == KeyEvent.escape {
                    if try !pauseMenu(phase: index) { return false }
                    continue
                }
                guard var r = response, !r.isFinished else { continue }
                let record = r.handle(event, reactionTime: event.time - onset, phase: index, trialIndex: phase.trialIndex)
                response = r
                if let record {
                    recorder.responded(record)
                    frameInStep = 0   // the next trial of an adaptive procedure starts with the next flip
                }
            }
        }
        recorder.phaseEnded(index, frames: frameInPhase, at: pacer.clock.now())
        return true
    }

    private func draw(_ phase: PlannedPhase, frameInStep: Int, modulation: RGB8?) {
        display.clear(phase.background)
        var remaining = frameInStep
        var segment = phase.segments.last
        for s in phase.segments {
            if remaining < s.frames { segment = s; break }
            remaining -= s.frames
        }
        for layer in segment?.layers ?? [] {
            switch layer {
            case let .image(key, rect, tinted):
                guard let t = textures[key] else { continue }
                display.draw(Sprite(texture: t, rect: rect, modulation: tinted ? (modulation ?? .white) : .white))
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
                recorder.keyPressed(event, phase: phase)
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
