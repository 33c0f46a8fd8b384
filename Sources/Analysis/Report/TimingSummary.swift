import Foundation

/// How well the presentation kept time: frame intervals, dropped frames, planned vs measured
/// phase durations.
public struct TimingSummary: Sendable, Equatable {
    public struct PhaseTiming: Sendable, Equatable {
        public var name: String
        public var plannedFrames: Int
        public var measuredFrames: Int?
        /// Planned and measured duration (s).
        public var plannedS: Double
        public var measuredS: Double?
        /// measured − planned (ms).
        public var differenceMs: Double? { measuredS.map { ($0 - plannedS) * 1000 } }
        public var droppedFrames: Int?
    }

    public struct SlowFrame: Sendable, Equatable {
        public var frameIndex: Int
        public var phaseName: String
        /// Interval before this frame's flip (ms).
        public var intervalMs: Double
    }

    /// Frames recorded.
    public var frameCount: Int
    /// Frames flagged as dropped by the presenter.
    public var droppedFrames: Int
    /// All recorded intervals (ms).
    public var intervalsMs: [Double]
    public var meanIntervalMs: Double?
    public var sdIntervalMs: Double?
    public var phases: [PhaseTiming]
    /// The longest intervals, longest first.
    public var worst: [SlowFrame]

    public init(session: SessionData, worstCount: Int) {
        let phaseNames = Dictionary(session.phases.map { ($0.index, $0.name) }, uniquingKeysWith: { a, _ in a })
        frameCount = session.frames.count
        droppedFrames = session.frames.filter(\.dropped).count
        let timed = session.frames.compactMap { f in f.intervalS.map { (f, $0 * 1000) } }
        intervalsMs = timed.map(\.1)
        meanIntervalMs = Descriptive.mean(intervalsMs)
        sdIntervalMs = Descriptive.standardDeviation(intervalsMs)
        worst = timed.sorted { $0.1 > $1.1 }.prefix(worstCount).map {
            SlowFrame(frameIndex: $0.0.index, phaseName: phaseNames[$0.0.phaseIndex] ?? "phase \($0.0.phaseIndex)", intervalMs: $0.1)
        }
        phases = session.phases.sorted { $0.index < $1.index }.map {
            PhaseTiming(name: $0.name, plannedFrames: $0.plannedFrames, measuredFrames: $0.measuredFrames,
                        plannedS: $0.plannedDurationS, measuredS: $0.measuredDurationS, droppedFrames: $0.droppedFrames)
        }
    }
}
