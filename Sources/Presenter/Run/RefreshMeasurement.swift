/// The refresh rate measured at start: flip `frames` blank frames with vsync and take the median
/// interval (robust to the odd late first frames).
public enum RefreshMeasurement {
    /// Measured rate (Hz); nil when the display does not wait for vsync (offscreen, or vsync refused).
    public static func measure(_ display: Display, clock: SessionClock, frames: Int = 61) -> Double? {
        guard display.isVSynced else { return nil }
        var times: [Double] = []
        for _ in 0..<frames {
            display.clear(.black)
            display.present()
            times.append(clock.now())
        }
        let intervals = zip(times.dropFirst(), times).map { $0 - $1 }.sorted()
        guard !intervals.isEmpty else { return nil }
        let median = intervals[intervals.count / 2]
        return median > 0 ? 1 / median : nil
    }
}
