/// Why a report could not be made; each message names the file or record at fault.
public enum AnalysisError: Error, Equatable, CustomStringConvertible {
    case databaseNotFound(path: String)
    case sessionsNotFound(ids: [Int64], path: String)
    case participantsNotFound(codes: [String], path: String)
    case invalidConditions(sessionID: Int64, phaseIndex: Int, trialIndex: Int, text: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .databaseNotFound(let path):
            "no session database at \(path) (give one with --db FILE)"
        case .sessionsNotFound(let ids, let path):
            "session(s) \(ids.map(String.init).joined(separator: ", ")) not found in \(path)"
        case .participantsNotFound(let codes, let path):
            "participant(s) \(codes.joined(separator: ", ")) not found in \(path)"
        case .invalidConditions(let session, let phase, let trial, let text):
            "session \(session), phase \(phase), trial \(trial): field conditions_json is not a JSON object: \(text.prefix(80))"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
