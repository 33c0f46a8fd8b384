import Foundation

/// The protocols in a folder, for `stimgen list protocols`.
public enum ProtocolCatalogue {
    public struct Entry: Sendable, Equatable {
        /// The protocol's `name`, or the file name when the file does not parse.
        public var name: String
        /// The protocol's `title`, or the first error when the file does not parse.
        public var title: String
        public var file: String
        public var parses: Bool
    }

    /// Every `*.yaml` / `*.yml` file in `directory`, sorted by file name, each parsed (not compiled).
    public static func entries(in directory: URL) throws -> [Entry] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return files.map { file in
            let parsed = ProtocolParser.load(file: file)
            if let spec = parsed.spec {
                return Entry(name: spec.name, title: spec.title, file: file.lastPathComponent, parses: true)
            }
            let first = parsed.diagnostics.first { $0.severity == .error }
            return Entry(name: file.deletingPathExtension().lastPathComponent,
                         title: "does not parse: \(first?.description ?? "unknown error")", file: file.lastPathComponent,
                         parses: false)
        }
    }
}
