import Foundation

/// Every failure NeuralKit reports: each message names the file, node or field at fault and,
/// where there is a choice, what is supported.
public struct NeuralError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// An error raised inside a node, prefixed with the node's name and op type.
    static func node(_ name: String, _ op: String, _ message: String) -> NeuralError {
        NeuralError("node '\(name)' (\(op)): \(message)")
    }
}

extension NeuralError: LocalizedError {
    public var errorDescription: String? { message }
}
