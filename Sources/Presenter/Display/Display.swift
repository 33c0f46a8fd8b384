/// Where frames go: a real SDL window (full screen or windowed) or SDL's offscreen driver.
/// Used from one thread only (SDL's main thread); textures are uploaded before a phase starts,
/// and a frame only clears, blits sprites and flips.
public protocol Display: AnyObject {
    /// Drawable size (px).
    var widthPx: Int { get }
    var heightPx: Int { get }
    /// Whether `present()` waits for the vertical blank (a real display with vsync).
    var isVSynced: Bool { get }
    /// The refresh rate the display mode reports (Hz); nil when it reports none (offscreen).
    var reportedRefreshHz: Double? { get }

    /// Uploads display-ready 8-bit RGBA pixels (R,G,B,A bytes, row-major) as a texture.
    func makeTexture(widthPx: Int, heightPx: Int, rgba: [UInt8]) throws(DisplayError) -> TextureID
    /// Renders one line of text (UTF-8) at `pointSize` (pt) in `colour` as a texture.
    func makeTextTexture(_ text: String, pointSize: Int, colour: RGB8) throws(DisplayError) -> TextureID
    /// Size of a texture (px).
    func size(of texture: TextureID) -> (widthPx: Int, heightPx: Int)
    func destroyTexture(_ texture: TextureID)

    /// Starts a frame filled with `background`.
    func clear(_ background: RGB8)
    /// Blits a sprite into the frame being built.
    func draw(_ sprite: Sprite)
    /// Reads back the frame being built (before `present()`), as RGBA bytes, for `--capture`.
    func readPixels() throws(DisplayError) -> [UInt8]
    /// Shows the frame; with vsync, returns after the flip.
    func present()
}

/// A texture owned by a display.
public struct TextureID: Hashable, Sendable {
    public let raw: Int
    public init(raw: Int) { self.raw = raw }
}

/// An 8-bit sRGB-encoded colour (what the display gets).
public struct RGB8: Hashable, Sendable, Codable {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) { self.r = r; self.g = g; self.b = b }
    public static let white = RGB8(255, 255, 255)
    public static let black = RGB8(0, 0, 0)
}

/// A rectangle on the display (px, origin top left).
public struct PixelRect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) { self.x = x; self.y = y; self.width = width; self.height = height }

    /// A rectangle of the given size centred on (cx, cy) px.
    public static func centred(width: Int, height: Int, at cx: Int, _ cy: Int) -> PixelRect {
        PixelRect(x: cx - width / 2, y: cy - height / 2, width: width, height: height)
    }
}

/// One blit: a texture into a rectangle with a per-gun colour modulation and an opacity.
/// Colour modulation multiplies each encoded gun by `modulation/255`; on a power-law display
/// that is a per-gun gain in linear light, which is how the nulling tint is applied per frame.
public struct Sprite: Sendable {
    public var texture: TextureID
    public var rect: PixelRect
    public var modulation: RGB8
    public var alpha: UInt8
    public init(texture: TextureID, rect: PixelRect, modulation: RGB8 = .white, alpha: UInt8 = 255) {
        self.texture = texture; self.rect = rect; self.modulation = modulation; self.alpha = alpha
    }
}

/// A display that could not be opened or used; the message says what SDL reported.
public struct DisplayError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
