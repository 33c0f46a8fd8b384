import StimulusKit
import Foundation

/// Synthesises complete classic McCollough sessions (instructions, baseline nulling, adaptation
/// with a fixation task, two post-adaptation nulling blocks, a 2AFC block, a staircase) with
/// every frame, for benchmarks and demonstrations. Seeded: the same seed gives the same sessions.
public struct SessionSimulator: Sendable {
    public struct Configuration: Sendable {
        /// Display refresh rate (Hz).
        public var refreshHz = 60.0
        /// Adaptation duration (s).
        public var adaptationS = 600.0
        /// Nulling settings per test orientation and block.
        public var nullingTrialsPerCondition = 4
        /// Test orientations (deg): the two paired ones, then the unpaired control. After adaptation to
        /// red horizontal and green vertical gratings, a horizontal test looks greenish and is nulled
        /// with added red (+L−M), a vertical one with added green.
        public var orientationsDeg: [Double] = [0, 90, 45]
        /// Contingent effect right after adaptation (DKL L−M units) and its time constant (s).
        public var initialEffect = 0.08
        public var effectTimeConstantS = 300.0
        /// SD of a nulling setting (DKL L−M units).
        public var settingNoise = 0.01
        /// 2AFC levels (log10 contrast) and trials per level.
        public var forcedChoiceLevels: [Double] = [-2.6, -2.4, -2.2, -2.0, -1.8, -1.6, -1.4]
        public var forcedChoiceTrialsPerLevel = 15
        public var staircaseTrials = 40
        /// Probability that a frame is dropped (one extra refresh).
        public var dropProbability = 0.001
        /// SD of flip-time jitter (s).
        public var jitterS = 0.0002

        public init() {}
    }

    public var configuration: Configuration
    private var random: SeededGenerator

    public init(seed: UInt64, configuration: Configuration = Configuration()) {
        self.configuration = configuration
        random = SeededGenerator(seed: seed)
    }

    /// One full session of `participant`, whose observer has threshold `thresholdLog10` (2AFC).
    public mutating func classicSession(id: Int64, participant: String, startedAt: Date, thresholdLog10: Double = -1.8) -> SessionData {
        let c = configuration
        let trialS = 6.0, choiceS = 1.5
        let nullingS = Double(c.nullingTrialsPerCondition * c.orientationsDeg.count) * trialS
        let plan: [(String, String, Double)] = [
            ("instructions", "instructions", 10), ("baseline", "nulling", nullingS), ("adaptation", "adaptation", c.adaptationS),
            ("test 1", "nulling", nullingS), ("2AFC", "forced_choice", Double(c.forcedChoiceLevels.count * c.forcedChoiceTrialsPerLevel) * choiceS),
            ("staircase", "staircase", Double(c.staircaseTrials) * choiceS), ("test 2", "nulling", nullingS),
        ]
        var session = SessionData(
            id: id, participantCode: participant, protocolName: "classic-mccollough",
            protocolText: "name: classic-mccollough\n# simulated session\n", protocolSHA256: "", monitorProfileJSON:
                #"{"name": "simulated sRGB", "refresh_hz": 60, "white_cd_m2": 100, "viewing_distance_cm": 57}"#,
            softwareVersion: "simulated", expectedRefreshHz: c.refreshHz, measuredRefreshHz: c.refreshHz,
            safetyAnalysisJSON: #"{"verdict": "warn", "reason": "full-field striped pattern over 0.006 sr"}"#,
            status: "completed", startedAt: startedAt)
        let period = 1 / c.refreshHz
        var time = 0.0, frameIndex = 0
        var adaptationEnd = 0.0
        for (index, (name, kind, duration)) in plan.enumerated() {
            let planned = Int((duration * c.refreshHz).rounded())
            let first = time
            var dropped = 0
            for _ in 0..<planned {
                let drop = random.unit() < c.dropProbability
                let interval = (drop ? 2 * period : period) + c.jitterS * random.normal()
                if drop { dropped += 1 }
                session.frames.append(.init(index: frameIndex, phaseIndex: index, plannedTimeS: Double(frameIndex) * period,
                                            flipTimeS: time + interval, intervalS: frameIndex == 0 ? nil : interval, dropped: drop))
                time += interval
                frameIndex += 1
            }
            session.phases.append(.init(index: index, name: name, kind: kind, plannedFrames: planned, plannedDurationS: duration,
                                        measuredFrames: planned, measuredDurationS: time - first, firstFlipS: first, droppedFrames: dropped))
            switch kind {
            case "nulling":
                let effect = adaptationEnd > 0 ? c.initialEffect * exp(-(first - adaptationEnd) / c.effectTimeConstantS) : 0
                addNulling(to: &session, phase: index, start: first, trialS: trialS, effect: effect)
            case "adaptation":
                addFixation(to: &session, phase: index, start: first, duration: duration)
                adaptationEnd = time
            case "forced_choice":
                addForcedChoice(to: &session, phase: index, start: first, trialS: choiceS, threshold: thresholdLog10)
            case "staircase":
                addStaircase(to: &session, phase: index, start: first, trialS: choiceS, threshold: thresholdLog10)
            default: break
            }
        }
        session.endedAt = startedAt.addingTimeInterval(time)
        return session
    }

    private mutating func addNulling(to session: inout SessionData, phase: Int, start: Double, trialS: Double, effect: Double) {
        let c = configuration
        var trial = 0
        for _ in 0..<c.nullingTrialsPerCondition {
            for (k, orientation) in c.orientationsDeg.enumerated() {
                // The participant adds the colour that cancels the aftereffect: +½E for the first
                // paired orientation, −½E for the second, none for the control.
                let target = (k == 0 ? effect / 2 : k == 1 ? -effect / 2 : 0) + c.settingNoise * random.normal()
                let onset = start + Double(trial) * trialS
                let steps = (0...5).map { TrajectoryStep(tS: 0.6 * Double($0), value: target * Double($0) / 5) }
                session.trials.append(.init(phaseIndex: phase, trialIndex: trial, conditions: ["orientation_deg": .number(orientation)]))
                session.responses.append(.init(phaseIndex: phase, trialIndex: trial, method: "nulling", value: target, valueUnit: "dkl_lm",
                                               onsetS: onset, responseTimeS: onset + 3.2, trajectory: steps))
                trial += 1
            }
        }
    }

    private mutating func addFixation(to session: inout SessionData, phase: Int, start: Double, duration: Double) {
        for second in 0..<Int(duration) {
            let isTarget = random.unit() < 0.1
            let outcome: SessionData.FixationEvent.Outcome = isTarget
                ? (random.unit() < 0.9 ? .hit : .miss) : (random.unit() < 0.02 ? .falseAlarm : .correctRejection)
            session.fixationEvents.append(.init(phaseIndex: phase, onsetS: start + Double(second), isTarget: isTarget, outcome: outcome))
        }
    }

    /// Correct with probability ½ + ½·0.98·logistic(5 (x − threshold)).
    private mutating func answer(level: Double, threshold: Double) -> Bool {
        random.unit() < 0.5 + 0.49 / (1 + exp(-5 * (level - threshold)))
    }

    private mutating func addForcedChoice(to session: inout SessionData, phase: Int, start: Double, trialS: Double, threshold: Double) {
        let c = configuration
        let levels = (0..<c.forcedChoiceTrialsPerLevel).flatMap { _ in c.forcedChoiceLevels }
        for (trial, level) in levels.enumerated() {
            let onset = start + Double(trial) * trialS
            let correct = answer(level: level, threshold: threshold)
            session.trials.append(.init(phaseIndex: phase, trialIndex: trial, conditions: ["alternatives": .number(2)]))
            session.responses.append(.init(phaseIndex: phase, trialIndex: trial, method: "forced_choice", value: level,
                                           valueUnit: "log10_contrast", choice: correct ? "target" : "other", correct: correct,
                                           onsetS: onset, responseTimeS: onset + 0.6))
        }
    }

    /// A 1-up/2-down staircase in 0.1 log10 steps, starting at −1.2.
    private mutating func addStaircase(to session: inout SessionData, phase: Int, start: Double, trialS: Double, threshold: Double) {
        var level = -1.2, streak = 0
        for trial in 0..<configuration.staircaseTrials {
            let onset = start + Double(trial) * trialS
            let correct = answer(level: level, threshold: threshold)
            session.trials.append(.init(phaseIndex: phase, trialIndex: trial, conditions: [:]))
            session.responses.append(.init(phaseIndex: phase, trialIndex: trial, method: "staircase", value: level,
                                           valueUnit: "log10_contrast", correct: correct, onsetS: onset, responseTimeS: onset + 0.6))
            if correct { streak += 1; if streak == 2 { level -= 0.1; streak = 0 } } else { level += 0.1; streak = 0 }
        }
    }
}
