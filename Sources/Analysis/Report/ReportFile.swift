import Foundation
import SessionStore

/// Writes the HTML report for sessions of a database.
public enum ReportFile {
    public struct Summary: Sendable, Equatable {
        public var sessions: Int
        public var participants: Int
        /// Size of the written file (bytes).
        public var bytes: Int
    }

    /// Loads the selected sessions from the database at `database`, renders the report and
    /// writes it atomically to `output`. `progress(done, total)` follows the sessions analysed.
    public static func write(
        databaseAt database: URL, selection: SessionSelection, to output: URL, options: ReportOptions = ReportOptions(),
        softwareVersion: String, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> Summary {
        let sessions = try SessionLoader.load(databaseAt: database, selection: selection)
        let html = HTMLReport.render(sessions: sessions, options: options, softwareVersion: softwareVersion,
                                     progress: { progress($0, sessions.count) })
        let data = Data(html.utf8)
        do {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: output, options: .atomic)
        } catch {
            throw AnalysisError.cannotWrite(path: output.path, reason: error.localizedDescription)
        }
        return Summary(sessions: sessions.count, participants: Set(sessions.map(\.participantCode)).count, bytes: data.count)
    }
}
