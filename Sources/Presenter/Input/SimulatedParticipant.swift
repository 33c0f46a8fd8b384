import ProtocolKit

/// An input source that answers like `SimulatedObserver`: when a response window opens it plans
/// the key presses (with reaction times) and hands them out as the session clock reaches them.
public final class SimulatedParticipant: InputSource {
    private var observer: SimulatedObserver
    private var pending: [KeyEvent] = []

    public init(observer: SimulatedObserver) { self.observer = observer }

    public func poll(now: Double) -> [KeyEvent] {
        let due = pending.prefix { $0.time <= now }
        pending.removeFirst(due.count)
        return Array(due)
    }

    public func responseWindowOpened(_ window: ResponseWindow, onset: Double) {
        if case let .fixationTarget(key) = window {
            // Reported with the configured hit rate, alongside whatever else is pending.
            if let rt = observer.fixationReport() {
                pending.append(KeyEvent(key: key, time: onset + rt))
                pending.sort { $0.time < $1.time }
            }
            return
        }
        pending.removeAll()
        switch window {
        case let .nulling(start, method, keys, target, contingency, adapted):
            let shift = observer.shift(sign: contingency, adapted: adapted) - target
            pending = observer.adjustmentPresses(from: start, shift: shift, method: method)
                .map { KeyEvent(key: keys.key(for: $0.action), time: onset + $0.time) }
        case let .yesNo(value, positiveKey, negativeKey, contingency, adapted):
            let shift = observer.shift(sign: contingency, adapted: adapted)
            let key = observer.looksPositive(value: value, shift: shift) ? positiveKey : negativeKey
            pending = [KeyEvent(key: key, time: onset + observer.reactionTime())]
        case let .forcedChoice(keys, evidence):
            let choice = observer.choose(evidence: evidence)
            pending = [KeyEvent(key: keys[min(choice, keys.count - 1)], time: onset + observer.reactionTime())]
        case let .illusion(w):
            pending = observer.illusionPresses(w).map { KeyEvent(key: $0.key, time: onset + $0.time) }
        case let .anyKey(key):
            pending = [KeyEvent(key: key, time: onset + observer.reactionTime())]
        case .fixationTarget:
            break
        }
    }
}
