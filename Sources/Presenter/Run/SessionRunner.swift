import Foundation
import ProtocolKit
import SessionStore
import StimulusKit

/// `stimgen run`: validate (safety included) before anything is shown, open the display, start
/// or resume the session in the database, play the timeline, finish the session, summarise.
public enum SessionRunner {
    /// Runs a session; `log` receives progress lines (and a line per committed response).
    public static func run(_ options: RunOptions, version: String, log: @escaping @Sendable (String) -> Void) throws -> RunResult {
        // 1. Validate, safety included: nothing is shown for a protocol that may not run.
        let report = ProtocolCheck.run(file: options.protocolFile,
                                       options: .init(stimulusDirectory: options.stimulusDirectory, monitorFile: options.monitorFile))
        guard report.isRunnable, let spec = report.spec, let timeline = report.timeline, let safety = report.safety else {
            throw RunError("\(options.protocolFile.path) cannot be run:\n\(report.summary)")
        }
        let profile = try loadProfile(spec, options)
        var geometry = profile.geometry ?? .standard
        geometry.distanceCm = spec.viewing.distanceCm
        let colours = try MeasuredColours(spec: spec, file: options.protocolFile, stimulusDirectory: options.stimulusDirectory,
                                          pixelsPerDegree: geometry.pixelsPerDegree())
        if options.fast, case .fullScreen = options.display {
            throw RunError("--fast runs on a virtual clock and is only for --headless or --window runs")
        }

        // 2. The display, and the refresh rate it really runs at.
        let display = try SDLDisplay(mode: options.display, vsync: options.paceRefreshHz == nil)
        let headless: Bool
        if case .headless = options.display { headless = true } else { headless = false }
        // With --pace-refresh nothing is measured: frames are paced in real time at the given rate.
        let measuredHz = options.paceRefreshHz == nil ? RefreshMeasurement.measure(display, clock: SessionClock(.monotonic)) : nil
        for (hz, source) in [(measuredHz, "the display refreshes at"), (options.paceRefreshHz, "--pace-refresh asks for")] {
            guard let hz, abs(hz - spec.viewing.refreshHz) > spec.viewing.refreshToleranceHz else { continue }
            throw RunError("\(source) \(String(format: "%.2f", hz)) Hz but the protocol expects \(spec.viewing.refreshHz) ± \(spec.viewing.refreshToleranceHz) Hz (viewing.refresh_hz); set the display's mode or the protocol's rate")
        }
        // The screen as opened: the same px/cm, so the same px/deg the stimuli were read at.
        geometry.screenWidthCm *= Double(display.widthPx) / Double(geometry.screenWidthPx)
        geometry.screenWidthPx = display.widthPx
        geometry.screenHeightPx = display.heightPx
        let builder = TimelinePlanBuilder(timeline: timeline, stimuli: colours.stimuli, profile: profile, geometry: geometry,
                                          consentWarnings: safety.consentWarnings, colours: colours)
        let (plan, images) = try builder.build()

        // 3. The session in the database.
        let database = try SessionDatabase(url: options.database)
        let session: ActiveSession
        if let id = options.resume {
            session = try database.resumeSession(id: id)
            log("resuming session \(id) at phase \(session.resumePoint.phaseIndex), trial \(session.resumePoint.trialIndex)")
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            session = try database.beginSession(NewSession(
                participantCode: options.participantCode, protocolName: spec.name,
                protocolText: try String(contentsOf: options.protocolFile, encoding: .utf8),
                monitorProfileJSON: String(decoding: try encoder.encode(profile), as: UTF8.self),
                softwareVersion: version, expectedRefreshHz: spec.viewing.refreshHz, measuredRefreshHz: measuredHz,
                safetyAnalysisJSON: String(decoding: try encoder.encode(RecordedSafety(safety)), as: UTF8.self),
                safetyOverrideReason: spec.safetyOverride.map { "\($0.reason) (approved by \($0.approvedBy))" },
                notes: timingNote(options)))
            log("session \(session.id) started")
        }
        let recorder = StoreRecorder(session: session, refreshHz: timeline.refreshHz) { id, phase, trial in
            log("committed response \(id) (phase \(phase), trial \(trial))")
        }

        // 4. Play, on a session clock that continues where a resumed session stopped (one period
        // after its latest recorded time), with its adaptive tracks rebuilt from the recorded answers.
        let start = session.resumePoint
        let clock = SessionClock(options.fast ? .virtual : .monotonic,
                                 start: start.elapsedS > 0 ? start.elapsedS + 1 / timeline.refreshHz : 0)
        let input = try makeInput(options, clock: clock)
        let answered = try database.responses(sessionID: session.id).map {
            RecordedAnswer(phase: $0.response.phaseIndex, trial: $0.response.trialIndex, key: $0.response.choice,
                           value: $0.response.value, timedOut: $0.response.timedOut)
        }
        let pacer = FramePacer(mode: options.fast ? .virtual : (display.isVSynced && options.paceRefreshHz == nil ? .vsync : .realTime),
                               period: 1 / (options.paceRefreshHz ?? timeline.refreshHz), clock: clock)
        var captured = 0
        let capture = try options.captureDirectory.map { directory -> SessionPlayer.Capture in
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return SessionPlayer.Capture(every: options.captureEvery) { index, w, h, rgba in
                try PNGCodec.write(DisplayImage(width: w, height: h, pixels: rgba),
                                   to: directory.appendingPathComponent(String(format: "frame-%07d.png", index)))
                captured += 1
            }
        }
        let player = SessionPlayer(display: display, input: input, pacer: pacer, recorder: recorder, images: images,
                                   capture: capture, seed: timeline.seed, drawsOnlyCapturedFrames: options.fast && headless)
        player.flickerMeasured = { [sessionID = session.id, writer = session.writer] phase, gain in
            guard case .flickerPhotometry(let flicker) = spec.phases[phase] else { return }
            let colour = try colours.measure(flicker, meanGain: gain)
            let stimuli = colours.dependents(ofPhase: flicker.name).sorted()
            writer.record(.derivedColour(DerivedColourRecord(sessionId: sessionID, phaseIndex: phase, resultName: flicker.resultName,
                                                             greenGain: gain, linearRGB: [colour.x, colour.y, colour.z], stimuli: stimuli)))
            log(String(format: "\(flicker.resultName) = %.4f: linear RGB [%.4f, %.4f, %.4f] for ", gain, colour.x, colour.y, colour.z)
                + stimuli.joined(separator: ", "))
        }
        let outcome: SessionPlayer.Outcome
        let cpuBefore = CPUTime.process()
        do {
            if let first = plan.firstBlock(atPhase: start.phaseIndex, trial: start.trialIndex) {
                outcome = try player.play(plan, fromBlock: first, firstFrameIndex: start.nextFrameIndex, answered: answered)
            } else {
                outcome = .completed
            }
        } catch {
            try? session.finish(.aborted)
            throw RunError("session \(session.id) stopped (everything recorded so far is kept): \(error)")
        }
        let status: SessionStatus
        switch outcome {
        case .completed: status = .completed
        case .aborted, .stopped: status = .aborted
        }
        let processCPU = CPUTime.process() - cpuBefore
        let latencies = session.writer.commitLatencies()
        try session.finish(status)

        // 5. What is on disk.
        let id = session.id
        let counts = try database.counts(sessionID: id)
        let frames = player.timing.frameCount
        func perFrameMs(_ seconds: Double) -> Double? { frames > 0 ? seconds * 1000 / Double(frames) : nil }
        return RunResult(sessionID: id, status: status.rawValue, trialsRecorded: counts.trials, responsesRecorded: counts.responses,
                         framesRecorded: counts.frames, timedOutResponses: counts.timedOutResponses,
                         fixationOutcomes: counts.fixationOutcomes, timing: TimingSummary(log: player.timing, simulatedTiming: options.fast),
                         measuredRefreshHz: measuredHz, responseCommitP50S: latencies.responses.p50S,
                         responseCommitP99S: latencies.responses.p99S, capturedFrames: captured,
                         loopCPUPerFrameMs: perFrameMs(player.loopCPUSeconds), processCPUPerFrameMs: perFrameMs(processCPU),
                         renderer: display.rendererInfo)
    }

    /// What the session's notes say about how its frames were timed, when it is not by vsync.
    private static func timingNote(_ options: RunOptions) -> String? {
        if options.fast { return "timing simulated (--fast): flip times are the planned times of a virtual clock" }
        if let hz = options.paceRefreshHz {
            return "paced in real time at \(hz) Hz (--pace-refresh): the display's refresh was not measured and vsync not used"
        }
        return nil
    }

    private static func loadProfile(_ spec: ProtocolSpec, _ options: RunOptions) throws -> MonitorProfile {
        if let file = options.monitorFile { return try MonitorProfile.load(from: file) }
        if spec.viewing.monitor == "standard_srgb" { return .standardSRGB }
        let url = spec.viewing.monitor.hasPrefix("/") ? URL(fileURLWithPath: spec.viewing.monitor)
            : options.protocolFile.deletingLastPathComponent().appendingPathComponent(spec.viewing.monitor)
        return try MonitorProfile.load(from: url)
    }

    /// The participant; the keyboard always listens too, so that Esc pauses a simulated or scripted run.
    private static func makeInput(_ options: RunOptions, clock: SessionClock) throws -> InputSource {
        let keyboard = SDLKeyboard(clock: clock)
        switch options.participant {
        case .keyboard:
            return keyboard
        case let .simulated(config, seed):
            return CombinedInput([SimulatedParticipant(observer: SimulatedObserver(config, seed: seed)), keyboard])
        case let .script(url):
            return CombinedInput([try ScriptedInput(contentsOf: url), keyboard])
        }
    }
}
