import ArgumentParser
import Foundation
import Presenter
import SessionStore

/// `stimgen run PROTOCOL --participant ID`: a full-screen (or windowed, or headless) adaptation
/// session recorded in the session database.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a protocol with a participant; every response and frame is recorded in the session database.")

    @Argument(help: "Protocol file (YAML).")
    var protocolFile: String

    @Option(help: "Participant code.")
    var participant: String

    @Option(help: "Session database file.")
    var db: String = SessionDatabase.defaultPath

    @Option(help: "Monitor profile file; default: the protocol's viewing.monitor.")
    var monitor: String?

    @Option(help: "Folder of named stimuli; default: Stimuli/ beside the protocol's folder.")
    var stimuli: String?

    @Option(help: "Full screen on this display (0-based).")
    var display: Int?

    @Option(help: "A window of this size instead of full screen, e.g. 1280x720 (px).")
    var window: String?

    @Flag(help: "No screen: SDL's offscreen driver (default size 1280x720 px, or --window's).")
    var headless = false

    @Flag(help: "A simulated participant answers (an observer with an aftereffect, bias, noise and reaction times).")
    var simulate = false

    @Option(help: "Seed of the simulated participant.")
    var simulateSeed: UInt64 = 1

    @Option(help: "Simulated aftereffect (DKL L−M units, signed by condition: horizontal −, vertical +).")
    var simulateAftereffect: Double = 0.02

    @Option(help: "Simulated illusion: perceived difference = physical difference + gain × illusion_strength + noise (gain in the illusion's difference unit).")
    var simulateIllusionGain: Double = 0.1

    @Option(help: "Simulated illusion: standard deviation of the perceived difference's Gaussian noise (the illusion's difference unit).")
    var simulateIllusionNoise: Double = 0.02

    @Option(help: "Probability (0–1) that the simulated participant reports a fixation-task target.")
    var simulateFixationHitRate: Double = 0.9

    @Option(help: "Median time (s) from a fixation target's onset to the simulated participant's report.")
    var simulateFixationRt: Double = 0.45

    @Option(help: "Replay key presses from a script: lines 'SECONDS KEY' (after the previous press or the response window's onset) or 'at SECONDS KEY' (session clock).")
    var script: String?

    @Option(help: "Continue this session at its first unfinished trial.")
    var resume: Int64?

    @Option(help: "Write presented frames as PNG into this folder.")
    var capture: String?

    @Option(help: "With --capture: every Nth frame.")
    var captureEvery: Int = 60

    @Flag(help: "Virtual clock: frames as fast as possible, flip times = planned times (recorded as simulated timing). Headless or windowed only.")
    var fast = false

    @Option(help: "Pace frames in real time at this rate (Hz) instead of by vsync, without measuring the display (for displays without a vertical blank, e.g. Xvfb); recorded in the session's notes.")
    var paceRefresh: Double?

    @Flag(help: "Print a line for every response as soon as it is committed to the database.")
    var verbose = false

    func validate() throws {
        if simulate && script != nil { throw ValidationError("use either --simulate or --script, not both") }
        if display != nil && (window != nil || headless) { throw ValidationError("--display is for full screen; drop it with --window or --headless") }
        if let window, DisplayMode.parseSize(window) == nil { throw ValidationError("--window must look like 1280x720 (px), got '\(window)'") }
        if !(0...1).contains(simulateFixationHitRate) {
            throw ValidationError("--simulate-fixation-hit-rate must lie in 0...1, got \(simulateFixationHitRate)")
        }
        if !(simulateFixationRt > 0) { throw ValidationError("--simulate-fixation-rt must be > 0 s, got \(simulateFixationRt)") }
        if let paceRefresh, !(paceRefresh > 0) { throw ValidationError("--pace-refresh must be > 0 Hz, got \(paceRefresh)") }
        if paceRefresh != nil && fast { throw ValidationError("--pace-refresh paces in real time; drop it with --fast") }
        if captureEvery < 1 { throw ValidationError("--capture-every must be at least 1") }
    }

    func run() throws {
        let size = window.flatMap(DisplayMode.parseSize)
        let mode: DisplayMode
        if headless || ProcessInfo.processInfo.environment["SDL_VIDEODRIVER"] == "offscreen" {
            mode = .headless(widthPx: size?.widthPx ?? 1280, heightPx: size?.heightPx ?? 720)
        } else if let size {
            mode = .window(widthPx: size.widthPx, heightPx: size.heightPx)
        } else {
            mode = .fullScreen(display: display ?? 0)
        }
        let who: RunOptions.Participant
        if simulate {
            who = .simulated(SimulatedObserver.Configuration(aftereffect: simulateAftereffect, illusionGain: simulateIllusionGain,
                                                             illusionNoiseSd: simulateIllusionNoise, fixationHitRate: simulateFixationHitRate,
                                                             fixationReactionTimeMedian: simulateFixationRt), seed: simulateSeed)
        } else if let script {
            who = .script(URL(fileURLWithPath: script))
        } else {
            who = .keyboard
        }
        let options = RunOptions(
            protocolFile: URL(fileURLWithPath: protocolFile), participantCode: participant, database: URL(fileURLWithPath: db),
            monitorFile: monitor.map { URL(fileURLWithPath: $0) }, stimulusDirectory: stimuli.map { URL(fileURLWithPath: $0) },
            display: mode, participant: who, resume: resume, captureDirectory: capture.map { URL(fileURLWithPath: $0) },
            captureEvery: captureEvery, fast: fast, paceRefreshHz: paceRefresh)
        let verbose = self.verbose
        let result: RunResult
        do {
            result = try SessionRunner.run(options, version: StimgenVersion.string) { line in
                if verbose || !line.hasPrefix("committed") { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
            }
        } catch {
            FileHandle.standardError.write(Data("stimgen run: \(error)\n".utf8))
            throw ExitCode(1)
        }
        print(RunReport.text(result))
    }
}
