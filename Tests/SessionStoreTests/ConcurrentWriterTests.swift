import Foundation
import GRDB
import Testing
@testable import SessionStore

@Suite("Several writers on one database")
struct ConcurrentWriterTests {
    @Test("presenters opening a new database at the same moment all open it, migrated once")
    func simultaneousOpensOfANewDatabase() throws {
        // Each round, four threads (as four presenters would) open the same new file together.
        for _ in 0..<100 {
            let url = try temporaryDatabaseURL()
            let errors = LockedBox<[String]>([])
            let done = DispatchGroup(), start = DispatchSemaphore(value: 0)
            for opener in 0..<4 {
                done.enter()
                Thread.detachNewThread {
                    defer { done.leave() }
                    start.wait()
                    do {
                        _ = try SessionDatabase(url: url, busyTimeoutS: 30)
                    } catch {
                        errors.mutate { $0.append("opener \(opener): \(error)") }
                    }
                }
            }
            for _ in 0..<4 { start.signal() }
            #expect(done.wait(timeout: .now() + 120) == .success)
            #expect(errors.value.isEmpty, "\(errors.value)")
            let check = try DatabaseQueue(path: url.path)
            let applied = try check.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(applied == SessionSchema.migrator.migrations)
        }
    }

    @Test("two presenters (two connection pools, two threads) lose nothing and corrupt nothing")
    func twoWriters() throws {
        let url = try temporaryDatabaseURL()
        let perWriter = 300
        let errors = LockedBox<[String]>([])
        let done = DispatchGroup()
        for writerIndex in 0..<2 {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                do {
                    let database = try SessionDatabase(url: url, busyTimeoutS: 30)
                    let session = try database.beginSession(sampleSession(participant: "P\(writerIndex)"),
                                                            framePolicy: FrameBatchPolicy(maxFrames: 30, maxAgeS: 0.2))
                    for trial in 0..<perWriter {
                        session.writer.record(.response(sampleResponse(session: session.id, trial: trial)))
                        session.writer.record(.frame(FrameRecord(
                            sessionId: session.id, frameIndex: trial, phaseIndex: 1, plannedTimeS: Double(trial) / 60,
                            flipTimeS: Double(trial) / 60, intervalS: 1.0 / 60, dropped: false)))
                    }
                    try session.finish(.completed)
                } catch {
                    errors.mutate { $0.append("writer \(writerIndex): \(error)") }
                }
            }
        }
        // Generous: 600 fsynced commits each can take minutes on a busy shared disk.
        #expect(done.wait(timeout: .now() + 600) == .success)
        #expect(errors.value.isEmpty, "\(errors.value)")
        #expect(try countRows("responses", in: url) == 2 * perWriter)
        #expect(try countRows("frames", in: url) == 2 * perWriter)
        #expect(try countRows("sessions", in: url, where: "status = 'completed'") == 2)
        #expect(try countRows("participants", in: url) == 2)
        for session in 1...2 {
            #expect(try countRows("responses", in: url, where: "session_id = \(session)") == perWriter)
        }
        let check = try DatabaseQueue(path: url.path)
        #expect(try check.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
    }
}
