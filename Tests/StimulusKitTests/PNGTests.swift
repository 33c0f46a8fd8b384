import Foundation
import Testing
@testable import StimulusKit

@Suite struct PNGTests {
    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// The chunk types of a PNG byte stream, in order (parsed by hand from the file format).
    func chunkTypes(_ data: Data) -> [String] {
        let b = [UInt8](data)
        var types: [String] = [], i = 8
        while i + 8 <= b.count {
            let len = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            types.append(String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self))
            i += 12 + len
        }
        return types
    }

    @Test func roundTripIsBitExactAndCarriesAnSRGBChunk() throws {
        var rng = SystemRandomNumberGenerator()
        let pixels = (0..<(37 * 23 * 4)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let image = DisplayImage(width: 37, height: 23, pixels: pixels)
        let url = try tempDir().appendingPathComponent("r.png")
        try PNGCodec.write(image, to: url)
        #expect(try PNGCodec.read(url) == image)
        let data = try Data(contentsOf: url)
        #expect(Array(data.prefix(8)) == [137, 80, 78, 71, 13, 10, 26, 10])
        let types = chunkTypes(data)
        #expect(types.first == "IHDR" && types.last == "IEND" && types.contains("sRGB"))
    }

    @Test func corruptTruncatedAndForeignFilesAreTypedErrorsWithThePath() throws {
        let dir = try tempDir()
        let good = try PNGCodec.encode(DisplayImage(width: 8, height: 8, pixels: [UInt8](repeating: 200, count: 256)))
        var corrupt = good
        corrupt[40] ^= 0xFF                          // inside IDAT/IHDR data: CRC no longer matches
        let cases: [(String, Data)] = [("truncated.png", good.prefix(good.count / 2)), ("corrupt.png", corrupt),
                                       ("text.png", Data("not a png at all".utf8)), ("empty.png", Data())]
        for (name, bytes) in cases {
            let url = dir.appendingPathComponent(name)
            try bytes.write(to: url)
            #expect {
                _ = try PNGCodec.read(url)
            } throws: { error in
                guard case let PNGError.decode(path, message)? = error as? PNGError else { return false }
                return path == url.path && !message.isEmpty
            }
        }
        #expect(throws: PNGError.self) { _ = try PNGCodec.read(dir.appendingPathComponent("missing.png")) }
    }

    // MARK: A hand-built PNG writer (stored deflate blocks) for formats stimgen itself never writes.

    func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return ~c
    }

    func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }

    func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let t = Array(type.utf8)
        return be32(UInt32(body.count)) + t + body + be32(crc32(t + body))
    }

    /// A PNG of the given colour type and bit depth whose raw scanlines (filter byte 0) are `rows`.
    func handmadePNG(width: Int, height: Int, bitDepth: UInt8, colourType: UInt8, rows: [[UInt8]]) -> Data {
        var raw: [UInt8] = []
        for r in rows { raw += [0] + r }
        var a: UInt32 = 1, b: UInt32 = 0
        for x in raw { a = (a + UInt32(x)) % 65521; b = (b + a) % 65521 }
        let len = UInt16(raw.count)
        let zlib: [UInt8] = [0x78, 0x01, 1, UInt8(len & 255), UInt8(len >> 8), UInt8(~len & 255), UInt8(~len >> 8)] + raw + be32(b << 16 | a)
        let ihdr = be32(UInt32(width)) + be32(UInt32(height)) + [bitDepth, colourType, 0, 0, 0]
        return Data([137, 80, 78, 71, 13, 10, 26, 10] + chunk("IHDR", ihdr) + chunk("IDAT", zlib) + chunk("IEND", []))
    }

    @Test func reads16BitGrayAnd8BitRGB() throws {
        // 16-bit gray: 0x0000, 0x8080 (= 128 × 257), 0xFFFF.
        let gray = handmadePNG(width: 3, height: 1, bitDepth: 16, colourType: 0, rows: [[0, 0, 0x80, 0x80, 0xFF, 0xFF]])
        let g = try PNGCodec.decode(gray)
        #expect(g.pixels == [0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255])
        // 8-bit RGB: one red and one teal pixel.
        let rgb = handmadePNG(width: 2, height: 1, bitDepth: 8, colourType: 2, rows: [[255, 0, 0, 0, 128, 128]])
        #expect(try PNGCodec.decode(rgb).pixels == [255, 0, 0, 255, 0, 128, 128, 255])
        // 16-bit RGBA.
        let rgba = handmadePNG(width: 1, height: 1, bitDepth: 16, colourType: 6, rows: [[0xFF, 0xFF, 0, 0, 0x40, 0x40, 0x80, 0x80]])
        #expect(try PNGCodec.decode(rgba).pixels == [255, 0, 64, 128])
    }
}
