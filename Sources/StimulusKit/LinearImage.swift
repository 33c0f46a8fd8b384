/// Linear-light RGB: interleaved r, g, b per pixel, row-major, top row first, each gun 0...1 of its
/// maximum output. This is what the model sees; `MonitorProfile.encode` turns it into a `DisplayImage`.
public struct LinearImage: Sendable, Equatable {
    /// Width (px).
    public let width: Int
    /// Height (px).
    public let height: Int
    /// `width × height × 3` values, 0...1 per gun (linear light).
    public var pixels: [Float]

    /// An image filled with one linear RGB colour.
    public init(width: Int, height: Int, fill: (r: Float, g: Float, b: Float) = (0, 0, 0)) {
        precondition(width >= 0 && height >= 0, "image size must be non-negative")
        self.width = width
        self.height = height
        var px = [Float](repeating: 0, count: width * height * 3)
        if fill != (0, 0, 0) {
            for i in stride(from: 0, to: px.count, by: 3) { px[i] = fill.r; px[i + 1] = fill.g; px[i + 2] = fill.b }
        }
        self.pixels = px
    }

    /// Wraps existing pixels; `pixels.count` must be `width × height × 3`.
    public init(width: Int, height: Int, pixels: [Float]) {
        precondition(pixels.count == width * height * 3, "LinearImage needs width × height × 3 values")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The linear RGB triple at column `x`, row `y` (0 = top).
    public subscript(x: Int, y: Int) -> (r: Float, g: Float, b: Float) {
        let i = (y * width + x) * 3
        return (pixels[i], pixels[i + 1], pixels[i + 2])
    }
}
