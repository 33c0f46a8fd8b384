import Foundation

/// A one-line progress bar on standard error, redrawn in place (only when it is a terminal).
final class ProgressBar: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1

    func update(_ done: Int, of total: Int, _ label: String) {
        guard isTerminal else { return }
        let width = 30, filled = total > 0 ? done * width / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(label.prefix(40))\u{1B}[K".utf8))
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
