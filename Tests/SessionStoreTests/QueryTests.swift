import Foundation
import Testing
@testable import SessionStore

@Suite("Queries for reports")
struct QueryTests {
    @Test("sessions by selection, with participant code, protocol and safety")
    func sessions() throws {
        let database = try ExportFixture.make()
        #expect(try database.sessions(.all).map(\.participantCode) == ["P01", ExportFixture.hostileCode])
        let p01 = try database.sessions(.participants(["P01"]))
        #expect(p01.count == 1)
        #expect(p01.first?.session.protocolName == "classic")
        #expect(p01.first?.session.safetyAnalysisJSON == #"{"verdict":"warn"}"#)
        #expect(p01.first?.session.measuredRefreshHz == 59.95)
        #expect(try database.sessions(.sessions([2])).map(\.session.status) == [.aborted])
        #expect(try database.sessions(.participants(["nobody"])).isEmpty)
    }

    @Test("responses come with their trial's conditions and phase; frames and events in order")
    func perSession() throws {
        let database = try ExportFixture.make()
        let responses = try database.responses(sessionID: 1)
        #expect(responses.map(\.response.trialIndex) == [0, 1])
        #expect(responses.map(\.phaseName) == ["test", "test"])
        #expect(responses.map(\.phaseKind) == ["nulling", "nulling"])
        #expect(responses[1].conditionsJSON == #"{"orientation_deg": 90, "test_contrast": 1, "paired": false, "label": "vertical"}"#)
        #expect(responses[0].response.trajectory.map(\.value) == [0.125, 0.25])
        #expect(try database.frames(sessionID: 1).map(\.flipTimeS) == [0.5, 1.0, 1.5])
        #expect(try database.phases(sessionID: 1).map(\.name) == ["adapt", "test"])
        #expect(try database.trials(sessionID: 1).count == 2)
        #expect(try database.fixationEvents(sessionID: 1).map(\.outcome) == [.hit, .correctRejection])
        #expect(try database.keyEvents(sessionID: 1).map(\.key) == ["Left"])
        #expect(try database.responses(sessionID: 2).isEmpty)
    }
}
