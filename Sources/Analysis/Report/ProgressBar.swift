import Foundation

/// A one-line text progress bar for long reports, redrawn in place on standard error.
public struct ProgressBar: Sendable {
    public var total: Int
    public var label: String
    /// Characters between the brackets.
    public var width = 30

    public init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    /// "[#####.........] 12/100 sessions".
    public func line(done: Int) -> String {
        let fraction = total > 0 ? min(Double(done) / Double(total), 1) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(done)/\(total) \(label)"
    }

    /// Redraws the bar on standard error (only when it is a terminal); ends the line when done.
    public func draw(done: Int) {
        guard isatty(FileHandle.standardError.fileDescriptor) != 0 else { return }
        FileHandle.standardError.write(Data(("\r" + line(done: done) + (done >= total ? "\n" : "")).utf8))
    }
}
