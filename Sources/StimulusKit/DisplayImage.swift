/// Display-ready 8-bit RGBA: bytes R, G, B, A per pixel, row-major, top row first, gamma-encoded
/// through a monitor profile. This is what the screen and PNG files get
/// (`SDL_PIXELFORMAT_ABGR8888` on little-endian machines).
public struct DisplayImage: Sendable, Equatable {
    /// Width (px).
    public let width: Int
    /// Height (px).
    public let height: Int
    /// `width × height × 4` bytes.
    public var pixels: [UInt8]

    /// Wraps existing bytes; `pixels.count` must be `width × height × 4`.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4, "DisplayImage needs width × height × 4 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The RGBA bytes at column `x`, row `y` (0 = top).
    public subscript(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let i = (y * width + x) * 4
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    }
}
