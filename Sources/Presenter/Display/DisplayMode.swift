/// How the presenter opens its display.
public enum DisplayMode: Sendable, Equatable {
    /// Full screen (desktop resolution) on the display with this 0-based index; cursor hidden.
    case fullScreen(display: Int)
    /// A window of the given size (px) on the first display; cursor hidden.
    case window(widthPx: Int, heightPx: Int)
    /// SDL's offscreen driver at the given size (px): no screen, no vsync (CI, demos, capture).
    case headless(widthPx: Int, heightPx: Int)

    /// Parses "WxH" (e.g. "1280x720") into a size in px.
    public static func parseSize(_ text: String) -> (widthPx: Int, heightPx: Int)? {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        return (w, h)
    }
}
