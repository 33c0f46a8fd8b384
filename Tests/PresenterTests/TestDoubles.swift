@testable import Presenter

/// A display that keeps what was drawn instead of showing it.
final class RecordingDisplay: Display {
    let widthPx = 64
    let heightPx = 48
    let isVSynced = false
    let reportedRefreshHz: Double? = nil
    private(set) var presented = 0
    private(set) var frames: [[Sprite]] = []
    private var current: [Sprite] = []
    private var sizes: [Int: (Int, Int)] = [:]
    private(set) var texts: [Int: String] = [:]

    /// The bytes each image texture was made from.
    private(set) var pixels: [Int: [UInt8]] = [:]

    func makeTexture(widthPx: Int, heightPx: Int, rgba: [UInt8]) throws(DisplayError) -> TextureID {
        let id = TextureID(raw: sizes.count + 1); sizes[id.raw] = (widthPx, heightPx); pixels[id.raw] = rgba; return id
    }
    func makeTextTexture(_ text: String, pointSize: Int, colour: RGB8) throws(DisplayError) -> TextureID {
        let id = TextureID(raw: sizes.count + 1); sizes[id.raw] = (text.count * 8, 16); texts[id.raw] = text; return id
    }
    func size(of texture: TextureID) -> (widthPx: Int, heightPx: Int) { sizes[texture.raw] ?? (0, 0) }
    func destroyTexture(_ texture: TextureID) {}
    func clear(_ background: RGB8) { current = [] }
    func draw(_ sprite: Sprite) { current.append(sprite) }
    func readPixels() throws(DisplayError) -> [UInt8] { [UInt8](repeating: 0, count: widthPx * heightPx * 4) }
    func present() { presented += 1; frames.append(current) }
}

/// Keeps every report in memory.
final class MemoryRecorder: SessionRecorder {
    var phasesStarted: [(phase: Int, name: String, plannedFrames: Int)] = []
    var phasesEnded: [(phase: Int, frames: Int, completed: Bool)] = []
    var trialsStarted: [(phase: Int, trial: Int)] = []
    var trialsEnded: [(phase: Int, trial: Int, completed: Bool)] = []
    var frames: [PresentedFrame] = []
    var keys: [(event: KeyEvent, action: String?)] = []
    var responses: [CompletedResponse] = []
    var fixationScores: [FixationScore] = []
    var pauses = 0, resumes = 0

    func phaseStarted(_ phase: Int, name: String, kind: String, plannedFrames: Int, firstFlip: Double) {
        phasesStarted.append((phase, name, plannedFrames))
    }
    func phaseEnded(_ phase: Int, frames: Int, endFlip: Double, dropped: Int, completed: Bool) {
        phasesEnded.append((phase, frames, completed))
    }
    func trialStarted(phase: Int, trial: Int, conditionsJSON: String, onset: Double) { trialsStarted.append((phase, trial)) }
    func trialEnded(phase: Int, trial: Int, conditionsJSON: String, onset: Double, completed: Bool) {
        trialsEnded.append((phase, trial, completed))
    }
    func frameFlipped(_ frame: PresentedFrame) { frames.append(frame) }
    func keyPressed(_ event: KeyEvent, phase: Int, action: String?) { keys.append((event, action)) }
    func responded(_ response: CompletedResponse) { responses.append(response) }
    func fixationScored(_ score: FixationScore, phase: Int) { fixationScores.append(score) }
    func paused(at time: Double) { pauses += 1 }
    func resumed(at time: Double) { resumes += 1 }
}

func solidImage(_ key: String) -> (widthPx: Int, heightPx: Int, rgba: [UInt8]) {
    (4, 4, [UInt8](repeating: 200, count: 64))
}
