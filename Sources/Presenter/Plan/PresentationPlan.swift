import ProtocolKit

/// What the frame loop plays: blocks of frame-counted segments, each drawing pre-rendered layers,
/// some ending in a response. It is built from a compiled protocol timeline (frame counts come
/// from there, never from seconds here) and holds only what a frame needs to draw.
public struct PresentationPlan {
    /// Nominal refresh rate the frame counts were compiled for (Hz).
    public var refreshHz: Double
    public var blocks: [PlannedBlock]
    /// Images to make again once a flicker-photometry phase (by index) has been measured: the
    /// stimuli whose colour comes from it (`from_flicker_photometry`).
    public var remakeAfterPhase: [Int: Set<String>] = [:]

    public init(refreshHz: Double, blocks: [PlannedBlock]) {
        self.refreshHz = refreshHz
        self.blocks = blocks
    }

    /// Every image a block draws, so that its textures can be made before it starts.
    public func imageKeys(ofBlock index: Int) -> Set<String> {
        var keys: Set<String> = []
        for segment in blocks[index].segments {
            for case let .image(key, _, _) in segment.layers { keys.insert(key) }
            for case let .levels(levelKeys, _) in segment.layers { keys.formUnion(levelKeys) }
        }
        return keys
    }

    /// Planned frames of each protocol phase: the sum over its blocks (response waits excluded).
    public func plannedFrames(ofPhase phase: Int) -> Int {
        blocks.filter { $0.phaseIndex == phase }.reduce(0) { $0 + $1.plannedFrames }
    }

    /// Index of the first block at or after (phase, trial): where a resumed session continues.
    public func firstBlock(atPhase phase: Int, trial: Int) -> Int? {
        blocks.firstIndex { $0.phaseIndex > phase || ($0.phaseIndex == phase && ($0.trialIndex ?? 0) >= trial) }
    }
}

/// A stretch the presenter plays without a break: a whole phase (instructions, adaptation), one
/// trial of a test phase, or an inter-trial blank. Segments are played in order; a block with a
/// response holds its last segment until the response is complete. Trials of an adaptive
/// procedure (staircase, QUEST) name their `track`: the procedure's state carries over from one
/// trial of the track to the next, and the trials of a track that has stopped are skipped.
public struct PlannedBlock {
    /// The protocol phase this block belongs to (0-based), with its name and kind.
    public var phaseIndex: Int
    public var phaseName: String
    public var phaseKind: String
    /// Trial number within the phase (0-based); nil for a phase without trials.
    public var trialIndex: Int?
    /// The trial's conditions, a flat JSON object whose keys carry their units.
    public var conditionsJSON: String
    public var background: RGB8
    public var segments: [FrameSegment]
    public var response: PlannedResponse?
    /// Unit of response values (e.g. "dkl_lm").
    public var valueUnit: String?
    /// The adaptive track this trial feeds (staircase, QUEST); nil otherwise.
    public var track: Int?
    /// A choice (key) that ends the session, e.g. declining consent.
    public var stopKey: String?
    /// Frame of the block at which the stimulus appears (the trial's onset flip; keys before it
    /// are recorded but answer nothing): the inter-trial blank comes first.
    public var onsetFrame: Int
    /// Cycle through the segments until the response is complete (flicker) instead of holding the last.
    public var repeatsSegments: Bool
    /// How long after the onset flip a response is accepted (s); when it passes unanswered the trial
    /// ends with a timed-out response. nil = until answered.
    public var responseWindowS: Double?
    /// The fixation task to score (adaptation phases whose letters include a target).
    public var fixationTask: FixationTask?

    public init(phaseIndex: Int, phaseName: String, phaseKind: String, trialIndex: Int? = nil,
                conditionsJSON: String = "{}", background: RGB8, segments: [FrameSegment],
                response: PlannedResponse? = nil, valueUnit: String? = nil, track: Int? = nil, stopKey: String? = nil,
                onsetFrame: Int = 0, repeatsSegments: Bool = false, responseWindowS: Double? = nil,
                fixationTask: FixationTask? = nil) {
        self.phaseIndex = phaseIndex; self.phaseName = phaseName; self.phaseKind = phaseKind
        self.trialIndex = trialIndex; self.conditionsJSON = conditionsJSON
        self.background = background; self.segments = segments; self.response = response
        self.valueUnit = valueUnit; self.track = track; self.stopKey = stopKey
        self.onsetFrame = onsetFrame; self.repeatsSegments = repeatsSegments
        self.responseWindowS = responseWindowS; self.fixationTask = fixationTask
    }

    /// Frames of the block's segments (the protocol's duration in frames for a block without a response).
    public var plannedFrames: Int { segments.reduce(0) { $0 + $1.frames } }
}

/// The letters of a fixation task, by the frame of the block at which each appears, and the key
/// that reports the target letter.
public struct FixationTask {
    public var changes: [FixationChange]
    /// SDL key name (lower case).
    public var responseKey: String
    public init(changes: [FixationChange], responseKey: String) { self.changes = changes; self.responseKey = responseKey }
}

/// A run of identical frames.
public struct FrameSegment {
    /// Number of frames (≥ 1).
    public var frames: Int
    public var layers: [Layer]
    public init(frames: Int, layers: [Layer]) { self.frames = frames; self.layers = layers }
}

/// Something a frame draws, back to front.
public enum Layer {
    /// A pre-rendered stimulus image by key, drawn into a rectangle (px); `tinted` layers take the
    /// response's nulling tint as colour modulation.
    case image(key: String, rect: PixelRect, tinted: Bool)
    /// One of several pre-rendered images, chosen by the response's current level (an illusion's `difference`).
    case levels(keys: [String], rect: PixelRect)
    /// A line of text (pt size, colour) centred on a point (px).
    case text(String, pointSize: Int, colour: RGB8, centreX: Int, centreY: Int)
}

/// The response a block waits for.
public enum PlannedResponse {
    /// Any key continues (instructions, breaks).
    case anyKey
    /// Nulling adjustment along one axis. For the simulated participant only: `target` is the
    /// physical value an unbiased, unadapted observer sets (0 for a nulling test, the isoluminant
    /// gain for flicker photometry); `contingency` is +1/−1 for the two paired test conditions and
    /// 0 for a control; `adapted` whether adaptation preceded.
    case nulling(NullingAdjustment.Configuration, keys: NullingKeys, tint: TintMapping, target: Double, contingency: Double, adapted: Bool)
    /// An up–down staircase of yes/no trials on the tint axis (e.g. "reddish?" yes/no).
    case staircase(StaircaseSpec, positiveKey: String, negativeKey: String, tint: TintMapping,
                   contingency: Double, adapted: Bool)
    /// QUEST on the tint axis with the same yes/no keys.
    case quest(QuestSpec, positiveKey: String, negativeKey: String, tint: TintMapping,
               contingency: Double, adapted: Bool)
    /// An illusion PSE trial or staircase track on pre-rendered `difference` levels.
    case illusion(IllusionJudgement.Configuration)
    /// Forced choice: the correct alternative (if any) and the evidence per alternative for the simulated participant.
    case forcedChoice(ForcedChoice, correct: Int?, evidence: [Double])
}

/// Maps a value on the nulling axis (e.g. DKL L−M) to the colour modulation that shows it.
public struct TintMapping {
    public let modulation: (Double) -> RGB8
    public init(_ modulation: @escaping (Double) -> RGB8) { self.modulation = modulation }
}
