import ProtocolKit

/// A key press, as the response methods see it.
public struct KeyEvent: Sendable, Equatable, Codable {
    /// SDL key name in lower case ("up", "down", "left", "right", "return", "space", "escape", "a", "1"…).
    public var key: String
    /// When it was pressed (s, on the session clock: the same clock as the flip timestamps).
    public var time: Double
    /// SDL's own event timestamp (ms since SDL started); nil for scripted and simulated presses.
    public var sdlTimestampMs: Int64?

    public init(key: String, time: Double, sdlTimestampMs: Int64? = nil) {
        self.key = key.lowercased()
        self.time = time
        self.sdlTimestampMs = sdlTimestampMs
    }

    /// The key that opens the pause menu.
    public static let escape = "escape"
}

/// Where key presses come from: the real keyboard, a replayed script, or a simulated observer.
public protocol InputSource: AnyObject {
    /// Key presses made up to `now` (s, session clock) that have not been returned before, in order.
    func poll(now: Double) -> [KeyEvent]
    /// Told when a response window opens (at the onset flip, `onset` s), so that a simulated
    /// participant can plan its answer; a real keyboard ignores it.
    func responseWindowOpened(_ window: ResponseWindow, onset: Double)
}

/// What a simulated participant needs to know to answer one trial.
public enum ResponseWindow: Sendable {
    /// Nulling adjustment starting at `start` with the given keys: an unbiased, unadapted observer
    /// sets `target`; `contingency` (+1, −1, 0) and `adapted` give the aftereffect's sign and presence.
    case nulling(start: Double, method: NullingAdjustment.Configuration, keys: NullingKeys, target: Double, contingency: Double, adapted: Bool)
    /// Yes/no on a signed value: `positiveKey` when it looks positive, `negativeKey` otherwise.
    case yesNo(value: Double, positiveKey: String, negativeKey: String, contingency: Double, adapted: Bool)
    /// Forced choice among keys, one evidence value per alternative.
    case forcedChoice(keys: [String], evidence: [Double])
    /// Any key continues (instructions).
    case anyKey(key: String)
    /// An illusion PSE trial: adjustment or "does A look more than B?".
    case illusion(IllusionWindow)
    /// The fixation task's target letter appeared; `key` reports it. Opens alongside whatever else runs.
    case fixationTarget(key: String)
}

extension NullingKeys {
    /// The adjustment action a key asks for, or nil.
    public func action(forKey key: String) -> NullingAdjustment.Action? {
        switch key.lowercased() {
        case coarseUp: .coarseUp
        case coarseDown: .coarseDown
        case fineUp: .fineUp
        case fineDown: .fineDown
        case confirm: .confirm
        default: nil
        }
    }

    /// The key that performs an action.
    public func key(for action: NullingAdjustment.Action) -> String {
        switch action {
        case .coarseUp: coarseUp
        case .coarseDown: coarseDown
        case .fineUp: fineUp
        case .fineDown: fineDown
        case .confirm: confirm
        }
    }
}
