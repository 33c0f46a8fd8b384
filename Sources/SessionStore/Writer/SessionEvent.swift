/// Something the presenter records during a session. Every case except `frame` is committed in its
/// own transaction as soon as the writer's thread reaches it; frames are committed in batches.
public enum SessionEvent: Codable, Sendable, Equatable {
    /// A phase starting (planned values) or ending (measured values); recording it again updates it.
    case phase(PhaseRecord)
    /// A trial laid out, started or completed; recording it again updates it.
    case trial(TrialRecord)
    case response(ResponseRecord)
    case fixation(FixationEventRecord)
    case key(KeyEventRecord)
    /// A colour measured during the session that later phases use.
    case derivedColour(DerivedColourRecord)
    case frame(FrameRecord)
}
