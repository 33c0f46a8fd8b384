import Foundation

/// Renders stimulus specs into linear-light images (for the model) and display images (for the screen
/// and PNG). Deterministic: the same spec, size, geometry, profile and time give the same pixels.
/// Rows are rendered in parallel over `RenderThreads.count` threads.
public struct StimulusRenderer: Sendable {
    public let geometry: ViewingGeometry
    public let profile: MonitorProfile
    /// Which degrees → pixels mapping sets the pixels per degree.
    public let mapping: ViewingGeometry.Mapping

    public init(geometry: ViewingGeometry, profile: MonitorProfile, mapping: ViewingGeometry.Mapping = .tangent) {
        self.geometry = geometry
        self.profile = profile
        self.mapping = mapping
    }

    /// Pixels per degree used for every size in a spec (px/deg).
    public var pixelsPerDegree: Double { geometry.pixelsPerDegree(mapping) }

    /// Renders `spec` at `width × height` px, centred, at `time` s after onset (for drifting patterns).
    /// Throws `StimulusError` naming the field path of any invalid parameter or out-of-gamut colour.
    public func render(_ spec: StimulusSpec, width: Int, height: Int, time: Double = 0) throws -> LinearImage {
        let root = try painter(spec, width: width, height: height, time: time)
        // Every pixel is painted, so the buffer starts uninitialised (no zero-fill pass).
        let pixels = [Float](unsafeUninitializedCapacity: width * height * 3) { buf, count in
            paint(root, width: width, height: height, into: buf.baseAddress!)
            count = width * height * 3
        }
        return LinearImage(width: width, height: height, pixels: pixels)
    }

    /// Renders into an existing image of the wanted size, reusing its storage (for frame loops that
    /// redraw, e.g. drifting gratings, without allocating).
    public func render(_ spec: StimulusSpec, into image: inout LinearImage, time: Double = 0) throws {
        let root = try painter(spec, width: image.width, height: image.height, time: time)
        let (w, h) = (image.width, image.height)
        image.pixels.withUnsafeMutableBufferPointer { paint(root, width: w, height: h, into: $0.baseAddress!) }
    }

    private func paint(_ root: any Painter, width: Int, height: Int, into base: UnsafeMutablePointer<Float>) {
        let out = SendablePointer(base)
        parallelRows(height) { y in root.paint(y: y, x0: 0, count: width, into: out.pointer! + y * width * 3) }
    }

    private func painter(_ spec: StimulusSpec, width: Int, height: Int, time: Double) throws -> any Painter {
        guard width > 0, height > 0 else { throw StimulusError.invalid("size", "must be at least 1×1 px, got \(width)×\(height)") }
        let background: SIMD3<Double>
        do { background = try spec.background.linearRGB(profile: profile) } catch {
            throw StimulusError.invalid("background", "\(error)")
        }
        let builder = PainterBuilder(profile: profile, pixelsPerDegree: pixelsPerDegree, time: time, background: background,
                                     baseDirectory: spec.baseDirectory.map { URL(fileURLWithPath: $0) })
        let rect = PixelRect(x0: 0, y0: 0, x1: width, y1: height)
        var layers = [try builder.layer(spec.pattern, spec.aperture, rect: rect, path: "")]
        if let f = spec.fixation {
            try f.validate("fixation")
            layers.append((UniformPainter(colour: try builder.colour(f.colour, "fixation.colour")), FixationField(f, rect: rect, pixelsPerDegree: pixelsPerDegree)))
        }
        return LayersPainter(base: SIMD3<Float>(background), layers: layers)
    }

    /// Renders and gamma-encodes through the profile: what the screen and PNG files get.
    public func renderDisplay(_ spec: StimulusSpec, width: Int, height: Int, time: Double = 0) throws -> DisplayImage {
        profile.encode(try render(spec, width: width, height: height, time: time))
    }
}
