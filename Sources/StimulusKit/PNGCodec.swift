import CPNG
import Foundation

/// PNG through libpng's simplified API. Writes 8-bit RGBA with an sRGB chunk at zlib level 6 with
/// libpng's adaptive row filters (the simplified API's default; Pillow's default level is also 6);
/// reads 8- or 16-bit gray, gray+alpha, RGB or RGBA (and palette) into 8-bit RGBA. 16-bit files without a
/// gAMA or sRGB chunk are taken as sRGB-encoded (libpng's `PNG_IMAGE_FLAG_16BIT_sRGB`), so 16-bit value
/// v reads as round(v / 257) rather than being treated as linear light.
public enum PNGCodec {
    /// How hard libpng's simplified API compresses.
    public enum Compression: String, Sendable, CaseIterable {
        /// The simplified API's default: zlib level 6, adaptive row filters (as Pillow's default level 6).
        case standard
        /// `PNG_IMAGE_FLAG_FAST`: zlib level 3, no row filters; faster, larger files (for intermediates).
        case fast
    }

    /// Encodes `image` as a PNG file.
    public static func write(_ image: DisplayImage, to url: URL, compression: Compression = .standard) throws {
        let data = try encode(image, compression: compression)
        do { try data.write(to: url) } catch {
            throw PNGError.io(path: url.path, message: error.localizedDescription)
        }
    }

    /// Encodes `image` as PNG bytes.
    public static func encode(_ image: DisplayImage, compression: Compression = .standard) throws -> Data {
        var png = png_image()
        if compression == .fast { png.flags |= UInt32(PNG_IMAGE_FLAG_FAST) }
        png.version = UInt32(PNG_IMAGE_VERSION)
        png.width = UInt32(image.width)
        png.height = UInt32(image.height)
        png.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // PNG_FORMAT_RGBA (a compound macro Swift does not import)
        let stride = Int32(image.width * 4)
        // One compression pass into a buffer the result cannot outgrow (asking libpng for the size
        // first would compress the image twice); should libpng still need more, it says how much.
        var capacity = encodedSizeBound(width: image.width, height: image.height)
        var out = Data()
        try image.pixels.withUnsafeBufferPointer { px in
            while true {
                out = Data(count: capacity)
                var size = png_alloc_size_t(capacity)
                let ok = out.withUnsafeMutableBytes { buf in
                    png_image_write_to_memory(&png, buf.baseAddress, &size, 0, px.baseAddress, stride, nil)
                }
                if ok != 0 { out.count = Int(size); return }
                guard Int(size) > capacity else { throw PNGError.encode(message: message(&png)) }
                capacity = Int(size)
            }
        }
        return out
    }

    /// Decodes a PNG file into 8-bit RGBA. A missing, corrupt, truncated or non-PNG file throws
    /// `PNGError` with the path and libpng's message.
    public static func read(_ url: URL) throws -> DisplayImage {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PNGError.io(path: url.path, message: error.localizedDescription)
        }
        do { return try decode(data) } catch let PNGError.decode(_, message) {
            throw PNGError.decode(path: url.path, message: message)
        }
    }

    /// Decodes PNG bytes into 8-bit RGBA.
    public static func decode(_ data: Data) throws -> DisplayImage {
        try data.withUnsafeBytes { bytes in
            var png = png_image()
            png.version = UInt32(PNG_IMAGE_VERSION)
            guard png_image_begin_read_from_memory(&png, bytes.baseAddress, bytes.count) != 0 else {
                throw PNGError.decode(path: "", message: message(&png))
            }
            png.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // PNG_FORMAT_RGBA (a compound macro Swift does not import)
            png.flags |= UInt32(PNG_IMAGE_FLAG_16BIT_sRGB)
            let w = Int(png.width), h = Int(png.height)
            var pixels = [UInt8](repeating: 0, count: w * h * 4)
            let ok = pixels.withUnsafeMutableBufferPointer { png_image_finish_read(&png, nil, $0.baseAddress, Int32(w * 4), nil) }
            guard ok != 0 else {
                let m = message(&png)
                png_image_free(&png)
                throw PNGError.decode(path: "", message: m)
            }
            return DisplayImage(width: w, height: h, pixels: pixels)
        }
    }

    /// An upper bound (bytes) on an 8-bit RGBA PNG of `width × height` px: zlib's deflate bound on the
    /// filtered rows (libpng's `PNG_ZLIB_MAX_SIZE`), 12 bytes per IDAT chunk of at least 8 KiB, and
    /// 1 KiB for the signature and the other chunks.
    static func encodedSizeBound(width: Int, height: Int) -> Int {
        let raw = height * (4 * width + 1)
        let deflated = raw + (raw + 7) / 8 + (raw + 63) / 64 + 11
        return deflated + 12 * (deflated / 8192 + 1) + 1024
    }

    private static func message(_ png: inout png_image) -> String {
        withUnsafeBytes(of: &png.message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}

/// A PNG that could not be read or written: the path and libpng's (or the system's) message.
public enum PNGError: Error, CustomStringConvertible, Equatable {
    case io(path: String, message: String)
    case decode(path: String, message: String)
    case encode(message: String)
    public var description: String {
        switch self {
        case let .io(path, message): return "\(path): \(message)"
        case let .decode(path, message): return "\(path.isEmpty ? "PNG data" : path): not a readable PNG: \(message)"
        case let .encode(message): return "PNG encoding failed: \(message)"
        }
    }
}
