/// Why a model could not be compared with the recorded sessions; each message names what is missing.
public enum ComparisonError: Error, Equatable, CustomStringConvertible {
    /// No participant has nulling settings both before and after adaptation for a test condition.
    case noObservedEffects(path: String, conditionKey: String)
    /// The prediction and the data share fewer than two test conditions.
    case tooFewSharedConditions(observed: [Double], predicted: [Double], conditionKey: String)
    /// The sessions ran different protocols and none was named.
    case severalProtocols(count: Int, path: String)
    /// The protocol text recorded with the sessions could not be predicted.
    case recordedProtocolUnusable(name: String, reason: String)

    public var description: String {
        switch self {
        case .noObservedEffects(let path, let key):
            "\(path): no participant has nulling settings before and after adaptation for any test condition (trial key \(key)); compare needs both"
        case .tooFewSharedConditions(let observed, let predicted, let key):
            "the sessions' test conditions (\(key): \(list(observed))) and the protocol's post-adaptation tests (\(key): \(list(predicted))) "
                + "share fewer than two values; a rank correlation needs at least two"
        case .severalProtocols(let count, let path):
            "\(path): the sessions ran \(count) different protocols; give the one to predict with --protocol FILE"
        case .recordedProtocolUnusable(let name, let reason):
            "the protocol '\(name)' recorded with the sessions cannot be predicted; give its file with --protocol FILE (\(reason))"
        }
    }

    private func list(_ values: [Double]) -> String {
        values.isEmpty ? "none" : values.map { NumberFormat.short($0) }.joined(separator: ", ")
    }
}
