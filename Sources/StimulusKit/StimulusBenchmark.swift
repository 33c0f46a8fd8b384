import Foundation

/// Timings of the stimulus engine at full-HD, for `bench/stimulus`: each case is run `repeats` times
/// and the smallest CPU time of the calling thread kept (ms; `CLOCK_THREAD_CPUTIME_ID`, so other load
/// on a shared machine does not inflate it). Meaningful with one render thread: set STIMGEN_THREADS=1.
public enum StimulusBenchmark {
    public struct Timing: Sendable, Codable {
        public let name: String
        /// Fastest run (ms).
        public let bestMs: Double
        /// Output size (bytes).
        public let bytes: Int
    }

    /// The three patterns the benchmark compares with numpy, as specs.
    public static let cases: [(String, Pattern)] = [
        ("sine_grating", .sineGrating(Grating(orientationDeg: 30, cyclesPerDegree: 2))),
        ("square_grating", .squareGrating(Grating(orientationDeg: 30, cyclesPerDegree: 2, modulation: Modulation(waveform: .square)))),
        ("circle_grid", .circleGrid(CircleGrid(spacingDeg: 1.5, diameterDeg: 0.9, colourA: .named("red"), colourB: .named("black")))),
    ]

    static func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        func now() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
        }
        for _ in 0..<repeats {
            let t = now()
            try body()
            best = min(best, now() - t)
        }
        return best
    }

    /// Runs every case at `width × height` px. When `dump` is given, writes the sine grating's display
    /// bytes there (`sine_grating.rgba`, raw RGBA) so other encoders can be timed on the same pixels.
    public static func run(width: Int = 1920, height: Int = 1080, repeats: Int = 10, dump: URL? = nil) throws -> [Timing] {
        let renderer = StimulusRenderer(geometry: .standard, profile: .standardSRGB)
        var out: [Timing] = []
        var sineDisplay: DisplayImage?
        for (name, pattern) in cases {
            let spec = StimulusSpec(name: name, pattern: pattern)
            var image = try renderer.render(spec, width: width, height: height)
            let fresh = try best(repeats) { _ = try renderer.render(spec, width: width, height: height) }
            out.append(Timing(name: "render_\(name)_linear_float_new_buffer", bestMs: fresh, bytes: image.pixels.count * 4))
            let ms = try best(repeats) { try renderer.render(spec, into: &image) }
            out.append(Timing(name: "render_\(name)_linear_float", bestMs: ms, bytes: image.pixels.count * 4))
            if name == "sine_grating" {
                var display = DisplayImage(width: 0, height: 0, pixels: [])
                let e = best(repeats) { display = renderer.profile.encode(image) }
                out.append(Timing(name: "gamma_encode_to_rgba8", bestMs: e, bytes: display.pixels.count))
                sineDisplay = display
            }
        }
        let n = width * height * 3
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: n)
        defer { buffer.deallocate() }
        memset(buffer, 0, n * 4)   // fault the pages in first, as the reused render buffer is
        let m = best(repeats) { memset(buffer, 0x3F, n * 4) }
        out.append(Timing(name: "memset_linear_float", bestMs: m, bytes: n * 4))
        if let display = sineDisplay {
            for compression in PNGCodec.Compression.allCases {
                var png = Data()
                let p = try best(max(1, repeats / 2)) { png = try PNGCodec.encode(display, compression: compression) }
                out.append(Timing(name: "png_encode_sine_grating_\(compression.rawValue)", bestMs: p, bytes: png.count))
            }
            if let dump {
                try FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true)
                try Data(display.pixels).write(to: dump.appendingPathComponent("sine_grating.rgba"))
            }
        }
        return out
    }
}
