import Foundation

/// Replays key presses from a script (`stimgen run --script FILE`).
///
/// One press per line, `#` starts a comment:
///   `at 12.5 escape`  — at 12.5 s on the session clock (s since the session's first flip);
///   `0.8 up`          — 0.8 s after the previous scripted press, or after the onset of the
///                       response window it answers when that opened later.
public final class ScriptedInput: InputSource {
    enum Timing: Equatable { case absolute(Double), relative(Double) }
    struct Line: Equatable { var timing: Timing; var key: String }

    private var lines: [Line]
    private var anchor = 0.0

    /// Parses a script; errors name the file and line and say what a line must look like.
    public init(text: String, fileName: String) throws(ScriptError) {
        var lines: [Line] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.isEmpty { continue }
            let problem = ScriptError("\(fileName):\(number + 1): expected `SECONDS KEY` or `at SECONDS KEY` (seconds ≥ 0, an SDL key name such as up, return, escape), got `\(content.trimmingCharacters(in: .whitespaces))`")
            if words.count == 3, words[0] == "at", let t = Double(words[1]), t >= 0 {
                lines.append(Line(timing: .absolute(t), key: words[2].lowercased()))
            } else if words.count == 2, let t = Double(words[0]), t >= 0 {
                lines.append(Line(timing: .relative(t), key: words[1].lowercased()))
            } else {
                throw problem
            }
        }
        self.lines = lines
    }

    public convenience init(contentsOf url: URL) throws(ScriptError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ScriptError("cannot read script \(url.path): \(error.localizedDescription)")
        }
        try self.init(text: text, fileName: url.path)
    }

    public func poll(now: Double) -> [KeyEvent] {
        var due: [KeyEvent] = []
        while let line = lines.first {
            let time: Double
            switch line.timing {
            case .absolute(let t): time = t
            case .relative(let t): time = anchor + t
            }
            guard time <= now else { break }
            due.append(KeyEvent(key: line.key, time: time))
            anchor = time
            lines.removeFirst()
        }
        return due
    }

    /// A response window's onset anchors the relative lines after it; a fixation target's does not
    /// (letters change throughout an adaptation phase, so their presses are best written with `at`).
    public func responseWindowOpened(_ window: ResponseWindow, onset: Double) {
        if case .fixationTarget = window { return }
        anchor = max(anchor, onset)
    }
}

/// A response script that cannot be read or parsed.
public struct ScriptError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
