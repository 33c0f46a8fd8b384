import SessionStore

/// Scores the fixation task of an adaptation phase whose letters include a target.
///
/// - A press of the response key within `responseWindow` s after a target's onset flip (onset ≤ t ≤
///   onset + window) is a **hit** for the earliest such target not yet hit.
/// - A target without such a press is a **miss**, decided when its window has passed.
/// - Every other press of the response key is a **false alarm**, recorded against the letter on screen
///   when it was pressed (a second press for the same target included).
/// - A non-target letter replaced without a false alarm during it is a **correct rejection**.
///
/// Times are seconds on the session clock; onsets are flip timestamps, presses their key-event times.
struct FixationScorer {
    /// How long after a target's onset flip a press counts as its hit (s).
    static let responseWindow = 1.5

    private struct Shown {
        var letter: String
        var isTarget: Bool
        var onset: Double
        var decided = false
        var hadFalseAlarm = false
    }

    /// SDL key name (lower case) of the report key.
    let responseKey: String
    private var shown: [Shown] = []
    /// Index of the first letter that may still be undecided.
    private var firstOpen = 0

    init(responseKey: String) { self.responseKey = responseKey.lowercased() }

    /// A letter appeared at the flip at `onset` (s).
    mutating func letterShown(_ letter: String, isTarget: Bool, at onset: Double) {
        shown.append(Shown(letter: letter, isTarget: isTarget, onset: onset))
    }

    /// A key pressed at `time` (s); returns the hit or false alarm it makes (nothing for other keys).
    mutating func keyPressed(_ key: String, at time: Double) -> FixationScore? {
        guard key.lowercased() == responseKey, !shown.isEmpty else { return nil }
        if let i = shown.indices.first(where: { i in
            let s = shown[i]
            return s.isTarget && !s.decided && s.onset <= time && time <= s.onset + Self.responseWindow
        }) {
            shown[i].decided = true
            return score(i, .hit, time)
        }
        let onScreen = shown.lastIndex { $0.onset <= time } ?? 0
        shown[onScreen].hadFalseAlarm = true
        return score(onScreen, .falseAlarm, time)
    }

    /// Decides what the clock reaching `now` (s) settles: targets whose window has passed are misses,
    /// non-target letters already replaced without a false alarm are correct rejections.
    mutating func advance(to now: Double) -> [FixationScore] {
        decide { shown, i in
            shown[i].isTarget ? shown[i].onset + Self.responseWindow < now
                              : i + 1 < shown.count && shown[i + 1].onset <= now
        }
    }

    /// The phase is over: every letter still undecided is decided now (a target is then a miss).
    mutating func finish() -> [FixationScore] { decide { _, _ in true } }

    /// Decides every undecided letter `i` for which `isSettled(shown, i)` holds.
    private mutating func decide(_ isSettled: ([Shown], Int) -> Bool) -> [FixationScore] {
        var scores: [FixationScore] = []
        for i in firstOpen..<shown.count where !shown[i].decided && isSettled(shown, i) {
            shown[i].decided = true
            if shown[i].isTarget {
                scores.append(score(i, .miss, nil))
            } else if !shown[i].hadFalseAlarm {
                scores.append(score(i, .correctRejection, nil))
            }
        }
        while firstOpen < shown.count && shown[firstOpen].decided { firstOpen += 1 }
        return scores
    }

    private func score(_ i: Int, _ outcome: FixationOutcome, _ time: Double?) -> FixationScore {
        FixationScore(letter: shown[i].letter, onset: shown[i].onset, isTarget: shown[i].isTarget, outcome: outcome, responseTime: time)
    }
}

/// One decided fixation-task letter or press, as recorded in the fixation-events table.
public struct FixationScore: Equatable, Sendable {
    public var letter: String
    /// Onset flip of the letter (s, session clock).
    public var onset: Double
    public var isTarget: Bool
    public var outcome: FixationOutcome
    /// The press that decided it (s, session clock); nil for misses and correct rejections.
    public var responseTime: Double?
}
