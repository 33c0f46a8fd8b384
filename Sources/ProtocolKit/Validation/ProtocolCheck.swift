import Foundation
import StimulusKit

/// Everything `stimgen validate` does, in one call: parse, resolve stimuli, cross-check, compile
/// the timeline for a refresh rate, and run the photosensitive-safety analysis.
public enum ProtocolCheck {
    public struct Options: Sendable {
        /// Folder of named stimulus files; nil = `Stimuli/` beside the protocol's folder, if there is one.
        public var stimulusDirectory: URL?
        /// Refresh rate to compile for (Hz); nil = the protocol's `viewing.refresh_hz`.
        public var refreshHz: Double?
        /// Monitor profile file; nil = the protocol's `viewing.monitor`.
        public var monitorFile: URL?
        /// Screen size and resolution; nil = the monitor profile's geometry, else `ViewingGeometry.standard`.
        /// The viewing distance always comes from the protocol.
        public var geometry: ViewingGeometry?
        /// Render resolution of the safety analysis (px wide).
        public var analysisWidthPx: Int
        /// Size of the safety analysis cells at the screen centre (deg).
        public var analysisCellDeg: Double

        public init(stimulusDirectory: URL? = nil, refreshHz: Double? = nil, monitorFile: URL? = nil,
                    geometry: ViewingGeometry? = nil, analysisWidthPx: Int = 960, analysisCellDeg: Double = 0.5) {
            self.stimulusDirectory = stimulusDirectory
            self.refreshHz = refreshHz
            self.monitorFile = monitorFile
            self.geometry = geometry
            self.analysisWidthPx = analysisWidthPx
            self.analysisCellDeg = analysisCellDeg
        }
    }

    /// Checks the protocol at `file`.
    public static func run(file: URL, options: Options = Options()) -> ValidationReport {
        let parsed = ProtocolParser.load(file: file)
        var diagnostics = parsed.diagnostics
        guard let spec = parsed.spec else { return ValidationReport(file: file.path, diagnostics: diagnostics) }
        let map = parsed.sourceMap
        func fail() -> ValidationReport { ValidationReport(file: file.path, spec: spec, diagnostics: diagnostics) }

        // Monitor and geometry.
        let profile: MonitorProfile
        do { profile = try loadProfile(spec.viewing.monitor, override: options.monitorFile, protocolFile: file) } catch {
            diagnostics.append(map.diagnostic(.error, path: "viewing.monitor", "\(error)", choices: ["standard_srgb", "a profile file"]))
            return fail()
        }
        var geometry = options.geometry ?? profile.geometry ?? .standard
        geometry.distanceCm = spec.viewing.distanceCm
        let refreshHz = options.refreshHz ?? spec.viewing.refreshHz
        // Stimuli: the library, then the protocol's own (which take precedence); sizes in px are
        // read at the display's pixels per degree.
        let ppd = geometry.pixelsPerDegree()
        var stimuli: [String: StimulusSpec] = [:]
        let directory = options.stimulusDirectory ?? defaultStimulusDirectory(for: file)
        if let directory {
            do { stimuli = try StimulusLibrary.load(directory: directory, pixelsPerDegree: ppd) } catch {
                diagnostics.append(ProtocolDiagnostic(severity: .error, file: directory.path, line: nil, column: nil,
                                                      fieldPath: "", message: "stimulus library: \(error)"))
            }
        }
        for name in spec.inlineStimuli.keys.sorted() {
            do {
                let yaml = spec.inlineStimulusYAML(name, colours: spec.nominalFlickerColours)!
                var inline = try StimulusLibrary.parse(yaml: yaml, origin: "stimuli.\(name)", pixelsPerDegree: ppd)
                inline.baseDirectory = file.deletingLastPathComponent().path
                guard inline.name == name else {
                    diagnostics.append(map.diagnostic(.error, path: "stimuli.\(name).name",
                        "the stimulus under '\(name)' is named '\(inline.name)'; the key and the name must agree"))
                    continue
                }
                stimuli[name] = inline
            } catch {
                diagnostics.append(map.diagnostic(.error, path: "stimuli.\(name)", "\(error)"))
            }
        }

        diagnostics += ProtocolValidator.checkMonitor(profile, against: spec.viewing, sourceMap: map)
        diagnostics += ProtocolValidator.checkRefresh(refreshHz, against: spec.viewing, sourceMap: map)
        diagnostics += ProtocolValidator.check(spec, knownStimuli: Set(stimuli.keys), sourceMap: map)
        diagnostics += FlickerColourCheck.check(spec, sourceMap: map)
        diagnostics += renderChecks(spec, stimuli: stimuli, geometry: geometry, profile: profile, refreshHz: refreshHz, sourceMap: map)
        diagnostics += IllusionPhaseCheck.check(spec, stimuli: stimuli, sourceMap: map)

        var (timeline, compileDiagnostics) = TimelineCompiler.compile(spec, refreshHz: refreshHz, sourceMap: map)
        for (name, _) in references(spec) { timeline.stimuli[name] = stimuli[name] }
        diagnostics += compileDiagnostics
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return ValidationReport(file: file.path, spec: spec, timeline: timeline, diagnostics: diagnostics)
        }
        let resolved = ResolvedStimuli(stimuli: stimuli, profile: profile, geometry: geometry)
        let analyzer = SafetyAnalyzer(geometry: geometry, profile: profile, cellDeg: options.analysisCellDeg,
                                      analysisWidthPx: options.analysisWidthPx)
        do {
            let safety = try analyzer.analyse(timeline, stimuli: stimuli)
            if safety.verdict == .refused {
                diagnostics.append(map.diagnostic(.error, path: "",
                    "the protocol breaks the photosensitive flash thresholds; change it, or add 'safety_override: {reason: ..., approved_by: ...}'"))
            }
            var report = ValidationReport(file: file.path, spec: spec, timeline: timeline, safety: safety, diagnostics: diagnostics)
            report.resolved = resolved
            return report
        } catch {
            diagnostics.append(map.diagnostic(.error, path: "", "safety analysis failed: \(error)"))
            return ValidationReport(file: file.path, spec: spec, timeline: timeline, diagnostics: diagnostics)
        }
    }

    /// `Stimuli/` in the folder above the protocol's folder (the project layout), when it exists.
    public static func defaultStimulusDirectory(for protocolFile: URL) -> URL? {
        let candidate = protocolFile.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Stimuli")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? candidate : nil
    }

    static func loadProfile(_ monitor: String, override: URL?, protocolFile: URL) throws -> MonitorProfile {
        if let override { return try MonitorProfile.load(from: override) }
        if monitor == "standard_srgb" { return .standardSRGB }
        let url = monitor.hasPrefix("/") ? URL(fileURLWithPath: monitor)
            : protocolFile.deletingLastPathComponent().appendingPathComponent(monitor)
        return try MonitorProfile.load(from: url)
    }

    /// Renders every referenced stimulus at a small size, so that invalid parameters and
    /// out-of-gamut colours are reported at the place that uses them.
    private static func renderChecks(_ spec: ProtocolSpec, stimuli: [String: StimulusSpec], geometry: ViewingGeometry,
                                     profile: MonitorProfile, refreshHz: Double, sourceMap: SourceMap) -> [ProtocolDiagnostic] {
        let small = ViewingGeometry(screenWidthCm: geometry.screenWidthCm, screenWidthPx: 32,
                                    screenHeightPx: max(1, 32 * geometry.screenHeightPx / geometry.screenWidthPx),
                                    distanceCm: geometry.distanceCm)
        let renderer = StimulusRenderer(geometry: small, profile: profile)
        var diagnostics: [ProtocolDiagnostic] = []
        var checked: Set<String> = []
        for (name, path) in references(spec) where !checked.contains(name) {
            checked.insert(name)
            guard let stimulus = stimuli[name] else { continue }
            do {
                _ = try renderer.render(stimulus, width: small.screenWidthPx, height: small.screenHeightPx)
                _ = try StimulusAnimation(stimulus, refreshHz: refreshHz)
            } catch {
                diagnostics.append(sourceMap.diagnostic(.error, path: path, "stimulus '\(name)' cannot be shown: \(error)"))
            }
        }
        return diagnostics
    }

    /// Every stimulus reference with the field path that makes it.
    static func references(_ spec: ProtocolSpec) -> [(name: String, path: String)] {
        spec.phases.enumerated().flatMap { index, phase -> [(name: String, path: String)] in
            switch phase {
            case .adaptation(let a), .reversal(let a):
                return a.sequence.enumerated().map { ($1.stimulus, "phases[\(index)].sequence[\($0)].stimulus") }
            case .test(let t):
                return t.conditions.enumerated().map { ($1.stimulus, "phases[\(index)].conditions[\($0)].stimulus") }
            case .illusionPSE(let i):
                return [(i.stimulus, "phases[\(index)].stimulus")]
            default:
                return []
            }
        }
    }
}
