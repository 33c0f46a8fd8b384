import CSDL2
import Foundation

/// The SDL2 display: one window and one renderer, on the thread that created it.
///
/// Full screen uses the desktop resolution of the chosen display; a window is centred on the
/// first display; headless mode selects SDL's offscreen video driver and the software renderer.
/// With a real display the renderer presents with vsync, so `present()` returns at the flip, unless
/// `vsync` is false (frames paced by the caller, e.g. `--pace-refresh` under Xvfb, where SDL would
/// otherwise throttle presents on its own).
public final class SDLDisplay: Display {
    /// The font text is drawn with (Debian/Ubuntu package fonts-dejavu-core).
    public static let fontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    public let widthPx: Int
    public let heightPx: Int
    public let isVSynced: Bool
    public let reportedRefreshHz: Double?
    /// The renderer in use as SDL_GetRendererInfo reports it (name and flags) and SDL's video driver,
    /// e.g. "software (SOFTWARE, PRESENTVSYNC, TARGETTEXTURE), video driver x11".
    public let rendererInfo: String

    private let window: OpaquePointer
    private let renderer: OpaquePointer
    private var textures: [Int: (pointer: OpaquePointer, width: Int, height: Int)] = [:]
    private var nextTextureID = 1
    private var fonts: [Int: OpaquePointer] = [:]

    public init(mode: DisplayMode, vsync: Bool = true) throws(DisplayError) {
        if case .headless = mode { setenv("SDL_VIDEODRIVER", "offscreen", 1) }
        guard SDL_Init(UInt32(SDL_INIT_VIDEO)) == 0 else { throw DisplayError("SDL_Init: \(Self.sdlError())") }
        guard TTF_Init() == 0 else { throw DisplayError("TTF_Init: \(Self.sdlError())") }

        var flags = UInt32(SDL_WINDOW_SHOWN.rawValue)
        var x = Int32(0), y = Int32(0), w = Int32(0), h = Int32(0)
        switch mode {
        case .fullScreen(let index):
            let count = SDL_GetNumVideoDisplays()
            guard index >= 0 && index < count else {
                throw DisplayError("--display \(index) does not exist; this machine has displays 0...\(max(0, count - 1))")
            }
            var bounds = SDL_Rect()
            SDL_GetDisplayBounds(Int32(index), &bounds)
            (x, y, w, h) = (bounds.x, bounds.y, bounds.w, bounds.h)
            flags |= UInt32(SDL_WINDOW_FULLSCREEN_DESKTOP.rawValue)
        case .window(let width, let height), .headless(let width, let height):
            // SDL_WINDOWPOS_CENTERED_DISPLAY(0) is a function-like macro: the mask with display 0.
            x = Int32(bitPattern: UInt32(SDL_WINDOWPOS_CENTERED_MASK))
            y = x
            (w, h) = (Int32(width), Int32(height))
        }
        guard let window = SDL_CreateWindow("stimgen", x, y, w, h, flags) else {
            throw DisplayError("SDL_CreateWindow: \(Self.sdlError())")
        }
        self.window = window
        let headless: Bool
        if case .headless = mode { headless = true } else { headless = false }
        let waitsForVSync = vsync && !headless
        let vsyncFlag = waitsForVSync ? UInt32(SDL_RENDERER_PRESENTVSYNC.rawValue) : 0
        let rendererFlags = headless ? UInt32(SDL_RENDERER_SOFTWARE.rawValue) : UInt32(SDL_RENDERER_ACCELERATED.rawValue) | vsyncFlag
        guard let renderer = SDL_CreateRenderer(window, -1, rendererFlags) ?? SDL_CreateRenderer(window, -1, vsyncFlag) else {
            SDL_DestroyWindow(window)
            throw DisplayError("SDL_CreateRenderer: \(Self.sdlError())")
        }
        self.renderer = renderer
        var info = SDL_RendererInfo()
        SDL_GetRendererInfo(renderer, &info)
        rendererInfo = Self.describe(info) + ", video driver " + (SDL_GetCurrentVideoDriver().map { String(cString: $0) } ?? "none")
        isVSynced = waitsForVSync && (info.flags & UInt32(SDL_RENDERER_PRESENTVSYNC.rawValue)) != 0
        var outW = Int32(0), outH = Int32(0)
        SDL_GetRendererOutputSize(renderer, &outW, &outH)
        (widthPx, heightPx) = (Int(outW), Int(outH))
        var displayMode = SDL_DisplayMode()
        if !headless, SDL_GetCurrentDisplayMode(SDL_GetWindowDisplayIndex(window), &displayMode) == 0,
           displayMode.refresh_rate > 0 {
            reportedRefreshHz = Double(displayMode.refresh_rate)
        } else {
            reportedRefreshHz = nil
        }
        SDL_ShowCursor(0)
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND)
    }

    deinit {
        for t in textures.values { SDL_DestroyTexture(t.pointer) }
        for f in fonts.values { TTF_CloseFont(f) }
        SDL_DestroyRenderer(renderer)
        SDL_DestroyWindow(window)
        TTF_Quit()
        SDL_Quit()
    }

    public func makeTexture(widthPx: Int, heightPx: Int, rgba: [UInt8]) throws(DisplayError) -> TextureID {
        guard rgba.count == widthPx * heightPx * 4 else {
            throw DisplayError("texture of \(widthPx)x\(heightPx) px needs \(widthPx * heightPx * 4) bytes, got \(rgba.count)")
        }
        // ABGR8888 is R,G,B,A in memory on a little-endian machine.
        guard let texture = SDL_CreateTexture(renderer, UInt32(SDL_PIXELFORMAT_ABGR8888.rawValue),
                                              Int32(SDL_TEXTUREACCESS_STATIC.rawValue), Int32(widthPx), Int32(heightPx)) else {
            throw DisplayError("SDL_CreateTexture \(widthPx)x\(heightPx): \(Self.sdlError())")
        }
        let status = rgba.withUnsafeBytes { SDL_UpdateTexture(texture, nil, $0.baseAddress, Int32(widthPx * 4)) }
        guard status == 0 else {
            SDL_DestroyTexture(texture)
            throw DisplayError("SDL_UpdateTexture: \(Self.sdlError())")
        }
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND)
        return register(texture, widthPx, heightPx)
    }

    public func makeTextTexture(_ text: String, pointSize: Int, colour: RGB8) throws(DisplayError) -> TextureID {
        let font = try font(pointSize: pointSize)
        guard let surface = TTF_RenderUTF8_Blended(font, text.isEmpty ? " " : text,
                                                   SDL_Color(r: colour.r, g: colour.g, b: colour.b, a: 255)) else {
            throw DisplayError("TTF_RenderUTF8_Blended: \(Self.sdlError())")
        }
        defer { SDL_FreeSurface(surface) }
        guard let texture = SDL_CreateTextureFromSurface(renderer, surface) else {
            throw DisplayError("SDL_CreateTextureFromSurface: \(Self.sdlError())")
        }
        return register(texture, Int(surface.pointee.w), Int(surface.pointee.h))
    }

    public func size(of texture: TextureID) -> (widthPx: Int, heightPx: Int) {
        guard let t = textures[texture.raw] else { return (0, 0) }
        return (t.width, t.height)
    }

    public func destroyTexture(_ texture: TextureID) {
        if let t = textures.removeValue(forKey: texture.raw) { SDL_DestroyTexture(t.pointer) }
    }

    public func clear(_ background: RGB8) {
        SDL_SetRenderDrawColor(renderer, background.r, background.g, background.b, 255)
        SDL_RenderClear(renderer)
    }

    public func draw(_ sprite: Sprite) {
        guard let t = textures[sprite.texture.raw]?.pointer else { return }
        SDL_SetTextureColorMod(t, sprite.modulation.r, sprite.modulation.g, sprite.modulation.b)
        SDL_SetTextureAlphaMod(t, sprite.alpha)
        var rect = SDL_Rect(x: Int32(sprite.rect.x), y: Int32(sprite.rect.y),
                            w: Int32(sprite.rect.width), h: Int32(sprite.rect.height))
        SDL_RenderCopy(renderer, t, nil, &rect)
    }

    public func readPixels() throws(DisplayError) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: widthPx * heightPx * 4)
        let status = pixels.withUnsafeMutableBytes {
            SDL_RenderReadPixels(renderer, nil, UInt32(SDL_PIXELFORMAT_ABGR8888.rawValue), $0.baseAddress, Int32(widthPx * 4))
        }
        guard status == 0 else { throw DisplayError("SDL_RenderReadPixels: \(Self.sdlError())") }
        return pixels
    }

    public func present() {
        SDL_RenderPresent(renderer)
    }

    private func register(_ texture: OpaquePointer, _ width: Int, _ height: Int) -> TextureID {
        let id = nextTextureID
        nextTextureID += 1
        textures[id] = (texture, width, height)
        return TextureID(raw: id)
    }

    private func font(pointSize: Int) throws(DisplayError) -> OpaquePointer {
        if let f = fonts[pointSize] { return f }
        guard let f = TTF_OpenFont(Self.fontPath, Int32(pointSize)) else {
            throw DisplayError("cannot open font \(Self.fontPath) (install the package fonts-dejavu-core): \(Self.sdlError())")
        }
        fonts[pointSize] = f
        return f
    }

    static func sdlError() -> String { String(cString: SDL_GetError()) }

    /// "name (FLAG, FLAG…)" of a renderer.
    static func describe(_ info: SDL_RendererInfo) -> String {
        let flags: [(SDL_RendererFlags, String)] = [(SDL_RENDERER_SOFTWARE, "SOFTWARE"), (SDL_RENDERER_ACCELERATED, "ACCELERATED"),
                                                    (SDL_RENDERER_PRESENTVSYNC, "PRESENTVSYNC"), (SDL_RENDERER_TARGETTEXTURE, "TARGETTEXTURE")]
        let set = flags.filter { info.flags & UInt32($0.0.rawValue) != 0 }.map(\.1)
        return (info.name.map { String(cString: $0) } ?? "unknown") + " (" + set.joined(separator: ", ") + ")"
    }
}
