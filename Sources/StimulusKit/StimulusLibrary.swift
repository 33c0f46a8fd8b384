import Foundation

/// Loads stimulus definitions from YAML files. `pixelsPerDegree` (px/deg) is the display's, for sizes
/// given in px (`X_px`); a file with such a size is an error when it is nil.
public enum StimulusLibrary {
    /// Every `*.yaml` / `*.yml` in a directory, keyed by name. Errors name the file, line, column and
    /// field path; two files with the same name are an error naming both.
    public static func load(directory: URL, pixelsPerDegree: Double? = nil) throws -> [String: StimulusSpec] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)
                .filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw YAMLFileError(file: directory.path, line: nil, column: nil, fieldPath: "", message: "cannot list directory: \(error.localizedDescription)")
        }
        var specs: [String: StimulusSpec] = [:], origin: [String: URL] = [:]
        for file in files {
            let spec = try load(file: file, pixelsPerDegree: pixelsPerDegree)
            if let first = origin[spec.name] {
                throw YAMLFileError(file: file.path, line: nil, column: nil, fieldPath: "name",
                                    message: "stimulus name '\(spec.name)' is already defined in \(first.lastPathComponent)")
            }
            specs[spec.name] = spec
            origin[spec.name] = file
        }
        return specs
    }

    /// One stimulus file; relative image paths in it resolve against its folder.
    public static func load(file: URL, pixelsPerDegree: Double? = nil) throws -> StimulusSpec {
        var spec = try YAMLFile.decode(StimulusSpec.self, from: file, userInfo: userInfo(pixelsPerDegree))
        spec.baseDirectory = file.deletingLastPathComponent().path
        return spec
    }

    /// A stimulus given as YAML text (e.g. inline in a protocol); `origin` names it in errors.
    public static func parse(yaml: String, origin: String, pixelsPerDegree: Double? = nil) throws -> StimulusSpec {
        try YAMLFile.decode(StimulusSpec.self, yaml: yaml, file: origin, userInfo: userInfo(pixelsPerDegree))
    }

    private static func userInfo(_ pixelsPerDegree: Double?) -> [CodingUserInfoKey: Any] {
        pixelsPerDegree.map { [.pixelsPerDegree: $0] } ?? [:]
    }
}
