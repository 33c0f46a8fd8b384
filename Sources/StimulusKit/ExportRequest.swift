import Foundation

/// What `stimgen export` was asked for, resolved into specs and an exporter.
public struct ExportRequest: Sendable {
    public let specs: [StimulusSpec]
    public let exporter: StimulusExporter
    public let directory: URL

    /// Resolves names (from `library`) and YAML file paths (anything ending in .yaml/.yml), or every
    /// stimulus in `library` when `all`; `size` is `WxH` in px (default: the geometry's screen);
    /// `monitor` a profile file (default: standard sRGB).
    public init(items: [String], all: Bool, library: URL, outDirectory: String, size: String?, monitor: String?,
                force: Bool, generator: String) throws {
        let profile = try monitor.map { try MonitorProfile.load(from: URL(fileURLWithPath: $0)) } ?? .standardSRGB
        let geometry = profile.geometry ?? .standard
        var width = geometry.screenWidthPx, height = geometry.screenHeightPx
        if let size { (width, height) = try Self.parseSize(size) }
        let renderer = StimulusRenderer(geometry: geometry, profile: profile)
        let ppd = renderer.pixelsPerDegree
        guard all || !items.isEmpty else { throw ExportError.io("export", "name at least one stimulus or file, or pass --all") }
        var specs: [StimulusSpec] = []
        let isFile = { (s: String) in s.hasSuffix(".yaml") || s.hasSuffix(".yml") }
        let names = items.filter { !isFile($0) }
        if all || !names.isEmpty {
            let lib = try StimulusLibrary.load(directory: library, pixelsPerDegree: ppd)
            if all {
                guard !lib.isEmpty else { throw ExportError.io(library.path, "no stimulus files (*.yaml) in this folder") }
                specs += lib.keys.sorted().map { lib[$0]! }
            }
            for n in names where !all {
                guard let s = lib[n] else { throw ExportError.unknownStimulus(n, available: lib.keys.sorted()) }
                specs.append(s)
            }
        }
        for f in items where isFile(f) { specs.append(try StimulusLibrary.load(file: URL(fileURLWithPath: f), pixelsPerDegree: ppd)) }
        self.specs = specs
        self.directory = URL(fileURLWithPath: outDirectory)
        self.exporter = StimulusExporter(renderer: renderer,
                                         width: width, height: height, force: force, generator: generator)
    }

    /// `WxH` (px) → (width, height); both at least 1.
    public static func parseSize(_ s: String) throws -> (Int, Int) {
        let parts = s.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else {
            throw ExportError.io("--size", "expected WxH in px, e.g. 1920x1080; got '\(s)'")
        }
        return (w, h)
    }

    /// Exports every spec, after checking that nothing would be overwritten without `force`;
    /// `progress(done, total, name)` after each.
    public func run(progress: (Int, Int, String) -> Void) throws -> [StimulusExporter.Written] {
        try exporter.checkTargets(specs, directory: directory)
        var written: [StimulusExporter.Written] = []
        for (i, s) in specs.enumerated() {
            written.append(try exporter.export(s, to: directory))
            progress(i + 1, specs.count, s.name)
        }
        return written
    }
}
