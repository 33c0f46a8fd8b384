/// When the writer commits the frames it has collected: as soon as `maxFrames` are waiting, or when
/// the oldest waiting frame is `maxAgeS` old, whichever comes first.
public struct FrameBatchPolicy: Sendable, Equatable {
    /// Frames per batch (frames).
    public var maxFrames: Int
    /// Longest a frame waits before it is committed (s).
    public var maxAgeS: Double

    public init(maxFrames: Int = 60, maxAgeS: Double = 0.5) {
        precondition(maxFrames >= 1 && maxAgeS > 0, "a frame batch needs at least 1 frame and a positive age")
        self.maxFrames = maxFrames
        self.maxAgeS = maxAgeS
    }
}
