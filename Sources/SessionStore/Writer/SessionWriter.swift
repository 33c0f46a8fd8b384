import Dispatch
import Foundation
import GRDB

/// The writer a presenter calls from its frame loop. `record` never touches the database: it
/// appends to memory and returns (a lock held for a few instructions, one dispatch). A serial
/// background queue commits each response (and every other non-frame event) in its own
/// transaction at once, and frames in batches (`FrameBatchPolicy`).
///
/// An event that cannot be committed (the database stays locked by another writer for longer than
/// `busyRetryLimitS`, or any other SQLite error) is appended as a JSON line to `rescueURL`, counted,
/// and reported by the next `flush()`: nothing recorded is dropped silently.
public final class SessionWriter: @unchecked Sendable {
    /// Called on the writer's queue after the commit: the new row id for inserted rows (responses,
    /// fixation and key events), nil for upserts and frames; or the error.
    public typealias CommitHandler = @Sendable (Result<Int64?, any Error>) -> Void

    public let sessionID: Int64
    public let policy: FrameBatchPolicy
    /// Where events that could not be committed are saved, one JSON object per line.
    public let rescueURL: URL
    /// How long a commit keeps retrying while another process holds the write lock (s).
    public let busyRetryLimitS: Double

    private let pool: DatabasePool
    private let queue = DispatchQueue(label: "stimgen.session-writer", qos: .userInitiated)
    private let state = NSLock()
    // Guarded by `state`:
    private var pendingFrames: [FrameRecord] = []
    private var pendingFrameHandlers: [CommitHandler] = []
    private var oldestPendingFrame: DispatchTime?
    private var responseLatencies: [Double] = []
    private var frameBatchLatencies: [Double] = []
    private var failureCount = 0
    private var unreportedFailures: [String] = []
    private var timer: DispatchSourceTimer?

    init(pool: DatabasePool, sessionID: Int64, rescueURL: URL, policy: FrameBatchPolicy, busyRetryLimitS: Double = 60) {
        self.pool = pool
        self.sessionID = sessionID
        self.rescueURL = rescueURL
        self.policy = policy
        self.busyRetryLimitS = busyRetryLimitS
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let tick = DispatchTimeInterval.nanoseconds(Int(policy.maxAgeS * 1e9 / 4))
        timer.schedule(deadline: .now() + tick, repeating: tick)
        timer.setEventHandler { [weak self] in self?.commitAgedFrames() }
        timer.resume()
        self.timer = timer
        // Start the queue's worker thread now rather than inside the frame loop's first `record`.
        let started = DispatchSemaphore(value: 0)
        queue.async { started.signal() }
        started.wait()
    }

    deinit {
        timer?.cancel()
    }

    /// Hands `event` to the background writer and returns at once. `onCommit`, if given, runs on the
    /// writer's queue once the event is durable (or has failed and been rescued).
    public func record(_ event: SessionEvent, onCommit: CommitHandler? = nil) {
        let now = DispatchTime.now()
        guard case let .frame(frame) = event else {
            queue.async { self.commitImmediately(event, recordedAt: now, onCommit: onCommit) }
            return
        }
        state.lock()
        pendingFrames.append(frame)
        if let onCommit { pendingFrameHandlers.append(onCommit) }
        if oldestPendingFrame == nil { oldestPendingFrame = now }
        let batch = pendingFrames.count >= policy.maxFrames ? takePendingFrames() : nil
        state.unlock()
        if let batch {
            queue.async { self.commitFrames(batch, handedOverAt: now) }
        }
    }

    /// Commits everything recorded so far and waits for it (use at phase ends, on pause and abort).
    /// Never call it from a `CommitHandler`.
    /// - Throws: `SessionStoreError.flushTimedOut` after `timeoutS` seconds;
    ///   `SessionStoreError.writesFailed` when events failed since the last flush (they are in
    ///   `rescueURL`).
    public func flush(timeoutS: Double = 60) throws {
        let now = DispatchTime.now()
        state.lock()
        let batch = pendingFrames.isEmpty ? nil : takePendingFrames()
        state.unlock()
        let done = DispatchSemaphore(value: 0)
        queue.async {
            if let batch { self.commitFrames(batch, handedOverAt: now) }
            done.signal()
        }
        guard done.wait(timeout: now + timeoutS) == .success else {
            throw SessionStoreError.flushTimedOut(pendingSeconds: timeoutS)
        }
        state.lock()
        let failures = unreportedFailures
        unreportedFailures = []
        state.unlock()
        if let first = failures.first {
            throw SessionStoreError.writesFailed(count: failures.count, firstError: first, rescueFile: rescueURL.path)
        }
    }

    /// Commit latencies so far (s).
    public func commitLatencies() -> CommitLatencyReport {
        state.lock()
        defer { state.unlock() }
        return CommitLatencyReport(responses: LatencySummary(samples: responseLatencies),
                                   frameBatches: LatencySummary(samples: frameBatchLatencies))
    }

    /// Events that could not be committed since the writer started (they are in `rescueURL`).
    public var failedEventCount: Int {
        state.lock()
        defer { state.unlock() }
        return failureCount
    }

    /// Stops the age timer; call after the final `flush`.
    func stop() {
        state.lock()
        let timer = self.timer
        self.timer = nil
        state.unlock()
        timer?.cancel()
    }

    // MARK: - On the writer queue

    /// Caller holds `state`.
    private func takePendingFrames() -> (frames: [FrameRecord], handlers: [CommitHandler]) {
        defer {
            pendingFrames = []
            pendingFrameHandlers = []
            oldestPendingFrame = nil
        }
        return (pendingFrames, pendingFrameHandlers)
    }

    private func commitAgedFrames() {
        let now = DispatchTime.now()
        state.lock()
        var batch: (frames: [FrameRecord], handlers: [CommitHandler])?
        if let oldest = oldestPendingFrame,
           Double(now.uptimeNanoseconds - oldest.uptimeNanoseconds) / 1e9 >= policy.maxAgeS {
            batch = takePendingFrames()
        }
        state.unlock()
        if let batch { commitFrames(batch, handedOverAt: now) }
    }

    private func commitFrames(_ batch: (frames: [FrameRecord], handlers: [CommitHandler]), handedOverAt: DispatchTime) {
        let frames = batch.frames
        let result = commitWithRetry { db in
            for frame in frames { try frame.insert(db) }
            return nil
        }
        switch result {
        case .success:
            addLatency(since: handedOverAt, to: \.frameBatchLatencies)
        case let .failure(error):
            rescue(frames.map { SessionEvent.frame($0) }, error: error)
        }
        for handler in batch.handlers { handler(result) }
    }

    private func commitImmediately(_ event: SessionEvent, recordedAt: DispatchTime, onCommit: CommitHandler?) {
        let result = commitWithRetry { db in try Self.write(event, db) }
        switch result {
        case .success:
            if case .response = event { addLatency(since: recordedAt, to: \.responseLatencies) }
        case let .failure(error):
            rescue([event], error: error)
        }
        onCommit?(result)
    }

    /// Writes one non-frame event; returns the new row id of inserted rows.
    private static func write(_ event: SessionEvent, _ db: Database) throws -> Int64? {
        switch event {
        case let .phase(phase):
            try phase.upsert(db)
            return nil
        case let .trial(trial):
            try trial.upsert(db)
            return nil
        case var .response(response):
            try response.insert(db)
            return response.id
        case var .fixation(fixation):
            try fixation.insert(db)
            return fixation.id
        case var .key(key):
            try key.insert(db)
            return key.id
        case var .derivedColour(colour):
            try colour.insert(db)
            return colour.id
        case let .frame(frame):
            try frame.insert(db)
            return nil
        }
    }

    /// One write transaction, retried with back-off while the database is busy or locked by another
    /// connection, for at most `busyRetryLimitS`.
    private func commitWithRetry(_ body: @escaping @Sendable (Database) throws -> Int64?) -> Result<Int64?, any Error> {
        let start = DispatchTime.now()
        var backoffS = 0.005
        while true {
            do {
                return .success(try pool.write(body))
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                let waitedS = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                if waitedS >= busyRetryLimitS { return .failure(error) }
                Thread.sleep(forTimeInterval: backoffS)
                backoffS = min(backoffS * 2, 1)
            } catch {
                return .failure(error)
            }
        }
    }

    private func addLatency(since start: DispatchTime, to samples: ReferenceWritableKeyPath<SessionWriter, [Double]>) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        state.lock()
        self[keyPath: samples].append(seconds)
        state.unlock()
    }

    /// Appends events that could not be committed to the rescue file and remembers the failure.
    private func rescue(_ events: [SessionEvent], error: any Error) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        var lines = Data()
        for event in events {
            if let line = try? encoder.encode(event) {
                lines.append(line)
                lines.append(0x0A)
            }
        }
        var message = String(describing: error)
        if !FileManager.default.fileExists(atPath: rescueURL.path) {
            _ = FileManager.default.createFile(atPath: rescueURL.path, contents: nil)
        }
        if let handle = try? FileHandle(forWritingTo: rescueURL) {
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: lines)
            try? handle.synchronize()
            try? handle.close()
        } else {
            message += " (and the rescue file could not be written)"
        }
        state.lock()
        failureCount += events.count
        unreportedFailures.append(contentsOf: Array(repeating: message, count: events.count))
        state.unlock()
    }
}
