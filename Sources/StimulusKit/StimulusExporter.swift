import Foundation

/// Writes stimuli as `DIR/NAME.png` (display-encoded through the profile, sRGB chunk) and
/// `DIR/NAME.json` (every resolved parameter, units in the keys), then reads each PNG back to prove it.
public struct StimulusExporter: Sendable {
    public let renderer: StimulusRenderer
    /// Image size (px).
    public let width: Int, height: Int
    /// Overwrite existing files.
    public let force: Bool
    /// Program name and version recorded in each manifest.
    public let generator: String

    public init(renderer: StimulusRenderer, width: Int, height: Int, force: Bool, generator: String) {
        self.renderer = renderer; self.width = width; self.height = height; self.force = force; self.generator = generator
    }

    /// What one export wrote.
    public struct Written: Sendable {
        public let name: String
        public let png: URL, manifest: URL
        /// Size of the PNG (bytes).
        public let pngBytes: Int
    }

    /// Refuses to overwrite existing outputs unless `force`; the error lists every file in the way.
    public func checkTargets(_ specs: [StimulusSpec], directory: URL) throws {
        guard !force else { return }
        let existing = specs.flatMap { [png($0, directory), manifest($0, directory)] }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        guard existing.isEmpty else { throw ExportError.wouldOverwrite(existing.map(\.path)) }
    }

    func png(_ s: StimulusSpec, _ dir: URL) -> URL { dir.appendingPathComponent(s.name + ".png") }
    func manifest(_ s: StimulusSpec, _ dir: URL) -> URL { dir.appendingPathComponent(s.name + ".json") }

    /// Renders one spec and writes its PNG and manifest into `directory` (created if needed).
    public func export(_ spec: StimulusSpec, to directory: URL) throws -> Written {
        try checkTargets([spec], directory: directory)
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw ExportError.io(directory.path, error.localizedDescription)
        }
        let image: DisplayImage
        do { image = try renderer.renderDisplay(spec, width: width, height: height) } catch {
            throw ExportError.stimulus(spec.name, "\(error)")
        }
        let pngURL = png(spec, directory), jsonURL = manifest(spec, directory)
        let data = try PNGCodec.encode(image)
        do {
            try data.write(to: pngURL, options: .atomic)
            try manifestData(spec).write(to: jsonURL, options: .atomic)
        } catch {
            throw ExportError.io(directory.path, error.localizedDescription)
        }
        let back = try PNGCodec.read(pngURL)
        guard back == image else { throw ExportError.io(pngURL.path, "PNG read back differs from what was written") }
        return Written(name: spec.name, png: pngURL, manifest: jsonURL, pngBytes: data.count)
    }

    /// The manifest: resolved spec, image size, geometry, profile, and each colour as given and in linear RGB.
    public func manifestData(_ spec: StimulusSpec) throws -> Data {
        let ppd = renderer.pixelsPerDegree
        let bg = try spec.background.linearRGB(profile: renderer.profile)
        var colours: [String: ManifestColour] = [:]
        for (path, c) in spec.colourFields {
            let rgb = try c.linearRGB(profile: renderer.profile, background: bg)
            colours[path] = ManifestColour(given: c, linearRGB: [rgb.x, rgb.y, rgb.z],
                                           relativeLuminance: renderer.profile.relativeLuminance(r: rgb.x, g: rgb.y, b: rgb.z))
        }
        let m = Manifest(generator: generator, name: spec.name, description: spec.description,
                         widthPx: width, heightPx: height, pixelsPerDegree: ppd, degreeMapping: renderer.mapping,
                         widthDeg: Double(width) / ppd, heightDeg: Double(height) / ppd, geometry: renderer.geometry,
                         monitor: renderer.profile, spec: spec, colours: colours,
                         illusionGeometry: try spec.illusionGeometry(maxLuminanceCdM2: renderer.profile.maxLuminanceCdM2))
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try enc.encode(m)
    }

    struct ManifestColour: Encodable {
        let given: Colour
        let linearRGB: [Double]
        let relativeLuminance: Double
        enum CodingKeys: String, CodingKey { case given, linearRGB = "linear_rgb", relativeLuminance = "relative_luminance" }
    }

    struct Manifest: Encodable {
        let generator: String, name: String, description: String
        let widthPx: Int, heightPx: Int, pixelsPerDegree: Double, degreeMapping: ViewingGeometry.Mapping
        let widthDeg: Double, heightDeg: Double
        let geometry: ViewingGeometry
        let monitor: MonitorProfile
        let spec: StimulusSpec
        let colours: [String: ManifestColour]
        /// Derived illusion geometry by pattern path (see `StimulusSpec.illusionGeometry`).
        let illusionGeometry: [String: [String: Double]]?
        enum CodingKeys: String, CodingKey {
            case generator, name, description, widthPx = "width_px", heightPx = "height_px", pixelsPerDegree = "pixels_per_degree"
            case degreeMapping = "degree_mapping", widthDeg = "width_deg", heightDeg = "height_deg", geometry, monitor
            case spec = "parameters", colours, illusionGeometry = "illusion_geometry"
        }
    }
}

/// An export that could not be done.
public enum ExportError: Error, CustomStringConvertible, Equatable {
    case wouldOverwrite([String])
    case io(String, String)
    case stimulus(String, String)
    case unknownStimulus(String, available: [String])
    public var description: String {
        switch self {
        case let .wouldOverwrite(paths): return "refusing to overwrite \(paths.count) existing file(s) (use --force): \(paths.joined(separator: ", "))"
        case let .io(path, m): return "\(path): \(m)"
        case let .stimulus(name, m): return "stimulus \(name): \(m)"
        case let .unknownStimulus(n, available): return "no stimulus named '\(n)'; available: \(available.joined(separator: ", "))"
        }
    }
}
