import Foundation
import SessionStore

/// The lines `stimgen run` prints at the end of a session.
public enum RunReport {
    public static func text(_ r: RunResult) -> String {
        let t = r.timing
        // Under --fast frames come faster than real time, so the loop's CPU per frame and the commit
        // latency (commits queue behind many more frame batches) say nothing about a real session.
        let notRealTime = t.simulatedTiming ? " (--fast, not real time)" : ""
        var lines = [
            "session \(r.sessionID): \(r.status)",
            "recorded: \(r.trialsRecorded) trials, \(r.responsesRecorded) responses (\(r.timedOutResponses) timed out), \(r.framesRecorded) frames",
            "timing\(t.simulatedTiming ? " (simulated, --fast)" : ""): \(t.frames) frames, \(t.dropped) dropped (> 1.5 periods), worst interval \(String(format: "%.2f", t.worstIntervalMs)) ms"
                + (t.meanIntervalMs.map { String(format: ", mean %.3f ms", $0) } ?? ""),
        ]
        if !r.fixationOutcomes.isEmpty {
            let count = { (o: FixationOutcome) in r.fixationOutcomes[o] ?? 0 }
            lines.append("fixation task: \(count(.hit)) hits, \(count(.miss)) misses, \(count(.falseAlarm)) false alarms, \(count(.correctRejection)) correct rejections")
        }
        if let cpu = r.loopCPUPerFrameMs, let all = r.processCPUPerFrameMs {
            lines.append("frame loop CPU\(notRealTime): " + String(format: "%.3f ms per frame (whole process %.3f ms)", cpu, all) + " (renderer \(r.renderer))")
        }
        if let hz = r.measuredRefreshHz { lines.append(String(format: "refresh measured at start: %.2f Hz", hz)) }
        if let p50 = r.responseCommitP50S, let p99 = r.responseCommitP99S {
            lines.append("response commit latency\(notRealTime): " + String(format: "p50 %.2f ms, p99 %.2f ms", p50 * 1000, p99 * 1000))
        }
        if r.capturedFrames > 0 { lines.append("captured \(r.capturedFrames) frames as PNG") }
        return lines.joined(separator: "\n")
    }
}
