import Foundation
import NeuralKit
import ProtocolKit
import SessionStore

/// `stimgen compare`: predicts the protocol the recorded sessions ran, compares each layer's
/// prediction with the participants' aftereffects, and writes the HTML page and a tidy CSV beside it.
public enum ComparisonFile {
    public struct Summary: Sendable, Equatable {
        public var sessions: Int
        public var participants: Int
        /// The CSV written beside the page (same name, `.csv`).
        public var csv: URL
        /// The best layer's name and ρ; nil when no ρ is defined.
        public var bestLayer: String?
        public var bestRho: Double?
    }

    /// - Parameters:
    ///   - protocolFile: the protocol to predict; nil = the protocol text recorded with the sessions
    ///     (all of them must have run the same one), its named stimuli taken from
    ///     `checkOptions.stimulusDirectory`.
    /// - Throws: `AnalysisError` for the database, `ComparisonError` when the data cannot be compared,
    ///   `NeuralError` for the model and the protocol.
    public static func write(
        databaseAt database: URL, protocolFile: URL?, checkOptions: ProtocolCheck.Options, prediction: any ProtocolPredictor,
        layers: [String], to output: URL, options: ReportOptions = ReportOptions(), resamples: Int = 2000, seed: UInt64 = 1,
        softwareVersion: String
    ) throws -> Summary {
        let sessions = try SessionLoader.load(databaseAt: database, selection: .all)
        let tables = try predict(sessions: sessions, protocolFile: protocolFile, checkOptions: checkOptions,
                                 prediction: prediction, layers: layers, database: database)
        let comparison = try ModelComparison(sessions: sessions, predictions: tables, options: options, databasePath: database.path,
                                             resamples: resamples, seed: seed)
        let provenance = ComparisonPage.Provenance(
            database: database.path, protocolFile: protocolFile?.path ?? "recorded with the sessions (\(tables.first?.protocolName ?? ""))",
            model: "v1, \(tables.first?.adaptation ?? "") adaptation", sessions: sessions.count, softwareVersion: softwareVersion)
        let csv = output.deletingPathExtension().appendingPathExtension("csv")
        do {
            try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(ComparisonPage.render(comparison, provenance: provenance).utf8).write(to: output, options: .atomic)
            try Data(comparison.csv.utf8).write(to: csv, options: .atomic)
        } catch {
            throw AnalysisError.cannotWrite(path: output.path, reason: error.localizedDescription)
        }
        return Summary(sessions: sessions.count, participants: comparison.participantCodes.count, csv: csv,
                       bestLayer: comparison.best?.name, bestRho: comparison.best?.spearman?.value)
    }

    /// The prediction tables of the given protocol file, or of the one text the sessions recorded.
    static func predict(sessions: [SessionData], protocolFile: URL?, checkOptions: ProtocolCheck.Options,
                        prediction: any ProtocolPredictor, layers: [String], database: URL) throws -> [PredictionTable] {
        if let protocolFile { return try prediction.run(protocolFile: protocolFile, options: checkOptions, layers: layers) }
        let texts = Set(sessions.map(\.protocolText))
        guard texts.count <= 1, let text = texts.first, let name = sessions.first?.protocolName else {
            throw ComparisonError.severalProtocols(count: texts.count, path: database.path)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("protocol.yaml")  // the name is user text; keep it out of paths
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            return try prediction.run(protocolFile: file, options: checkOptions, layers: layers)
        } catch let error as NeuralError {
            throw ComparisonError.recordedProtocolUnusable(name: name, reason: error.description.replacingOccurrences(of: file.path + ": ", with: ""))
        }
    }
}
