/// What the frame loop plays: phases of frame-counted segments, each drawing pre-rendered layers,
/// some ending in a response. It is built from a compiled protocol timeline (frame counts come
/// from there, never from seconds here) and holds only what a frame needs to draw.
public struct PresentationPlan {
    /// Nominal refresh rate the frame counts were compiled for (Hz).
    public var refreshHz: Double
    public var phases: [PlannedPhase]

    public init(refreshHz: Double, phases: [PlannedPhase]) {
        self.refreshHz = refreshHz
        self.phases = phases
    }

    /// Every image a phase draws, so that its textures can be made before it starts.
    public func imageKeys(ofPhase index: Int) -> Set<String> {
        var keys: Set<String> = []
        for segment in phases[index].segments {
            for case let .image(key, _, _) in segment.layers { keys.insert(key) }
        }
        return keys
    }
}

/// One phase (adaptation, test trial, instructions…): segments played in order. A phase with a
/// response holds its last segment until the response is complete.
public struct PlannedPhase {
    /// Name and kind as the protocol gives them (recorded with the session).
    public var name: String
    public var kind: String
    /// Trial number within the protocol (0-based) for test trials; nil for other phases.
    public var trialIndex: Int?
    /// The trial's conditions as name → value, recorded with the trial.
    public var conditions: [String: String]
    public var background: RGB8
    public var segments: [FrameSegment]
    public var response: PlannedResponse?

    public init(name: String, kind: String, trialIndex: Int? = nil, conditions: [String: String] = [:],
                background: RGB8, segments: [FrameSegment], response: PlannedResponse? = nil) {
        self.name = name; self.kind = kind; self.trialIndex = trialIndex; self.conditions = conditions
        self.background = background; self.segments = segments; self.response = response
    }

    /// Frames of a phase without a response (the protocol's duration in frames).
    public var plannedFrames: Int { segments.reduce(0) { $0 + $1.frames } }
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
    /// A line of text (pt size, colour) centred on a point (px).
    case text(String, pointSize: Int, colour: RGB8, centreX: Int, centreY: Int)
}

/// The response a phase waits for.
public enum PlannedResponse {
    /// Any key continues (instructions, breaks).
    case anyKey
    /// Nulling adjustment along one axis; `contingency` is +1/−1 for the paired test conditions and
    /// 0 for a control (only the simulated participant uses it); `adapted` whether adaptation preceded.
    case nulling(NullingAdjustment.Configuration, keys: NullingKeys, tint: TintMapping, contingency: Double, adapted: Bool)
    /// An up–down staircase of yes/no trials on the tint axis (e.g. "reddish?" yes/no).
    case staircase(UpDownStaircase.Configuration, positiveKey: String, negativeKey: String, tint: TintMapping,
                   contingency: Double, adapted: Bool)
    /// QUEST on the tint axis with the same yes/no keys.
    case quest(Quest.Configuration, positiveKey: String, negativeKey: String, tint: TintMapping,
               contingency: Double, adapted: Bool)
    /// Forced choice: the correct alternative (if any) and the evidence per alternative for the simulated participant.
    case forcedChoice(ForcedChoice, correct: Int?, evidence: [Double])
}

/// Maps a value on the nulling axis (e.g. DKL L−M) to the colour modulation that shows it.
public struct TintMapping {
    public let modulation: (Double) -> RGB8
    public init(_ modulation: @escaping (Double) -> RGB8) { self.modulation = modulation }
}
