/// Several input sources as one: presses from all of them in time order (e.g. a simulated
/// participant, with the real keyboard still able to pause the run with Esc).
public final class CombinedInput: InputSource {
    private let sources: [InputSource]

    public init(_ sources: [InputSource]) { self.sources = sources }

    public func poll(now: Double) -> [KeyEvent] {
        sources.flatMap { $0.poll(now: now) }.sorted { $0.time < $1.time }
    }

    public func responseWindowOpened(_ window: ResponseWindow, onset: Double) {
        for source in sources { source.responseWindowOpened(window, onset: onset) }
    }
}
