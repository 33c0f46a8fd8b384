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

    /// Loads and analyses the selected sessions of the database at `database` (two at a time
    /// or more, as the processor allows), renders the report and writes it atomically to
    /// `output`. `progress(done, total)` follows the sessions analysed, from any thread.
    public static func write(
        databaseAt database: URL, selection: SessionSelection, to output: URL, options: ReportOptions = ReportOptions(),
        softwareVersion: String, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) throws -> Summary {
        let (store, overviews) = try SessionLoader.open(databaseAt: database, selection: selection)
        let results = ResultSlots(count: overviews.count)
        DispatchQueue.concurrentPerform(iterations: overviews.count) { index in
            let result = Result { () throws -> SessionAnalysis in
                var analysis = SessionAnalysis(session: try SessionLoader.load(overviews[index], from: store), options: options)
                analysis.session.frames = []   // summarised in `timing`; frees the largest table
                return analysis
            }
            let done = results.set(index, result)
            progress(done, overviews.count)
        }
        let analyses = try results.values()
        let html = HTMLReport.render(analyses: analyses, options: options, softwareVersion: softwareVersion)
        let data = Data(html.utf8)
        do {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: output, options: .atomic)
        } catch {
            throw AnalysisError.cannotWrite(path: output.path, reason: error.localizedDescription)
        }
        return Summary(sessions: analyses.count, participants: Set(analyses.map(\.session.participantCode)).count, bytes: data.count)
    }
}

/// Results filled in by concurrent workers, in input order.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<SessionAnalysis, any Error>?]
    private var filled = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores a result; returns how many slots are filled.
    func set(_ index: Int, _ result: Result<SessionAnalysis, any Error>) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        filled += 1
        return filled
    }

    /// All values in order, or the first error in input order.
    func values() throws -> [SessionAnalysis] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { try $0!.get() }
    }
}
