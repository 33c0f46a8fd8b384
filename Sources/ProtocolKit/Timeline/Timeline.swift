import StimulusKit

/// The compiled protocol: the one thing the presenter plays. Every onset is a frame index at
/// `refreshHz`, counted from the start of its phase (frame 0 is the phase's first frame). Random
/// choices (trial order, start values, fixation letters and positions) are already made, from the
/// protocol's seed, so the same protocol and refresh rate always give the same timeline.
/// Codable: the session store records it as JSON beside the session's data.
public struct Timeline: Codable, Sendable, Equatable {
    public var protocolName: String
    public var protocolTitle: String
    /// The refresh rate the frames are counted at (Hz).
    public var refreshHz: Double
    public var seed: UInt64
    /// Colour of blank frames and of the screen around stimuli (linear RGB, 0...1 per gun).
    public var backgroundLinearRGB: [Double]
    /// In the order they are run.
    public var phases: [TimelinePhase]
    /// Every stimulus the phases name, resolved (library or inline), so that the timeline alone says
    /// what was shown. Filled by `ProtocolCheck`; empty straight out of the compiler.
    public var stimuli: [String: StimulusSpec]
    /// Retest times after the end of this session (s), for multi-session designs; the report uses them.
    public var retestAfterSeconds: [Double]
    /// The protocol's written permission to exceed the flash thresholds, if any.
    public var safetyOverride: SafetyOverride?

    /// Frames of all fixed-length phases together (participant-paced phases add their own time).
    public var fixedFrames: Int { phases.compactMap(\.frameCount).reduce(0, +) }
    /// `fixedFrames` in seconds (s).
    public var fixedSeconds: Double { Double(fixedFrames) / refreshHz }
}

/// One phase of the timeline.
public struct TimelinePhase: Codable, Sendable, Equatable {
    public var name: String
    public var kind: PhaseSpec.Kind
    /// Length in frames when fixed; nil when the participant paces the phase (text screens,
    /// consent, tests, flicker photometry, untimed breaks).
    public var frameCount: Int?
    /// Ask the participant whether to run this phase; skip it on a no (the answer is recorded).
    public var isOptional: Bool
    public var content: Content

    public enum Content: Codable, Sendable, Equatable {
        /// A text screen dismissed with a key.
        case text(String)
        /// The consent screen (with the safety warnings from the analysis shown beside it).
        case consent(ConsentSpec)
        /// Timed presentation: adaptation, reversal.
        case presentation(Presentation)
        /// Test trials.
        case trials(TrialBlock)
        case flickerPhotometry(FlickerPhotometryBlock)
        /// Illusion PSE trials.
        case illusionPSE(IllusionTrialBlock)
        /// A pause; its text (if any) on screen; timed when `frameCount` is set, else until a key.
        case rest(String?)
    }
}

/// Everything shown in a timed presentation phase, as frame-indexed events.
public struct Presentation: Codable, Sendable, Equatable {
    /// Stimulus onsets in frame order; between and after them the background is shown.
    public var onsets: [StimulusOnset]
    /// Fixation letter changes in frame order (empty without a fixation task); each letter stays
    /// until the next change or the end of the phase.
    public var fixationChanges: [FixationChange]
    /// The fixation task's settings (letter size, target, response key), when there is one.
    public var fixation: FixationTaskSpec?
    /// Countdown updates: from `frame` on, show `secondsLeft` (empty when there is no countdown).
    public var countdown: [CountdownTick]
}

/// A stimulus shown from `frame` for `frames` frames.
public struct StimulusOnset: Codable, Sendable, Equatable {
    public var frame: Int
    /// Name of the stimulus (inline or from the stimulus library).
    public var stimulus: String
    public var frames: Int
}

/// The fixation letter from `frame` on, centred at (`xDeg`, `yDeg`) from the screen centre
/// (deg, x rightwards, y upwards).
public struct FixationChange: Codable, Sendable, Equatable {
    public var frame: Int
    public var letter: String
    public var xDeg: Double
    public var yDeg: Double
    /// Whether this letter is the target the participant must respond to.
    public var isTarget: Bool

    public init(frame: Int, letter: String, xDeg: Double, yDeg: Double, isTarget: Bool) {
        self.frame = frame; self.letter = letter; self.xDeg = xDeg; self.yDeg = yDeg; self.isTarget = isTarget
    }
}

public struct CountdownTick: Codable, Sendable, Equatable {
    public var frame: Int
    /// Whole seconds left in the phase (s), rounded up.
    public var secondsLeft: Int
}

extension Presentation {
    /// The frames (ascending, each below `frames`) at which what a presentation phase shows can change:
    /// frame 0, every onset and offset, every fixation-letter change, the `extra` frames, and every frame
    /// of an onset of a stimulus named in `moving` (a moving stimulus draws a new image each frame).
    public func changeFrames(before frames: Int, moving: Set<String> = [], extra: [Int] = []) -> [Int] {
        var cuts: Set<Int> = [0]
        for o in onsets {
            cuts.insert(o.frame)
            cuts.insert(o.frame + o.frames)
            if moving.contains(o.stimulus) { cuts.formUnion(o.frame..<(o.frame + o.frames)) }
        }
        for c in fixationChanges { cuts.insert(c.frame) }
        cuts.formUnion(extra)
        return cuts.filter { $0 < frames }.sorted()
    }
}
