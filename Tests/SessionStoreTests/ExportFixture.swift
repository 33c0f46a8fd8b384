import Foundation
@testable import SessionStore

/// A small database whose every exported cell is known by hand.
enum ExportFixture {
    static let hostileCode = "Q, \"quoted\"\tand\nnew line"
    /// 2023-11-14T22:13:20.250Z
    static let recordedAt = Date(timeIntervalSince1970: 1_700_000_000.25)

    static func make() throws -> SessionDatabase {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let first = try database.beginSession(sampleSession(participant: "P01"))
        let second = try database.beginSession(sampleSession(participant: hostileCode))
        let id = first.id
        let writer = first.writer
        writer.record(.phase(PhaseRecord(sessionId: id, phaseIndex: 0, name: "adapt", kind: "adaptation",
                                         plannedFrames: 600, plannedDurationS: 10, measuredFrames: 601,
                                         measuredDurationS: 10.25, firstFlipS: 0.5, droppedFrames: 1, status: .completed)))
        writer.record(.phase(PhaseRecord(sessionId: id, phaseIndex: 1, name: "test", kind: "nulling",
                                         plannedFrames: 1200, plannedDurationS: 20)))
        writer.record(.trial(TrialRecord(sessionId: id, phaseIndex: 1, trialIndex: 0,
                                         conditionsJSON: #"{"orientation_deg": 0, "test_contrast": 0.5, "paired": true}"#,
                                         status: .completed, onsetFlipS: 10)))
        writer.record(.trial(TrialRecord(sessionId: id, phaseIndex: 1, trialIndex: 1,
                                         conditionsJSON: #"{"orientation_deg": 90, "test_contrast": 1, "paired": false, "label": "vertical"}"#,
                                         status: .completed, onsetFlipS: 20)))
        writer.record(.response(ResponseRecord(
            sessionId: id, phaseIndex: 1, trialIndex: 0, method: "nulling", value: 0.25, valueUnit: "dkl_lm",
            onsetFlipS: 10, responseTimeS: 12.5,
            trajectory: [TrajectoryPoint(tS: 0.5, value: 0.125), TrajectoryPoint(tS: 1.25, value: 0.25)],
            recordedAt: recordedAt)))
        writer.record(.response(ResponseRecord(
            sessionId: id, phaseIndex: 1, trialIndex: 1, method: "forced_choice", value: -1.5, valueUnit: "log10_contrast",
            choice: "tinted", correct: true, onsetFlipS: 20, responseTimeS: 20.75, recordedAt: recordedAt)))
        for frame in 0..<3 {
            writer.record(.frame(FrameRecord(sessionId: id, frameIndex: frame, phaseIndex: 0, plannedTimeS: Double(frame) * 0.5,
                                             flipTimeS: Double(frame) * 0.5 + 0.5, intervalS: frame == 0 ? nil : 0.5,
                                             dropped: frame == 2)))
        }
        writer.record(.fixation(FixationEventRecord(sessionId: id, phaseIndex: 0, letter: "X", onsetFlipS: 1, isTarget: true,
                                                    outcome: .hit, responseTimeS: 1.375)))
        writer.record(.fixation(FixationEventRecord(sessionId: id, phaseIndex: 0, letter: "K", onsetFlipS: 2, isTarget: false,
                                                    outcome: .correctRejection)))
        writer.record(.key(KeyEventRecord(sessionId: id, phaseIndex: 1, key: "Left", action: "decrease",
                                          sdlTimestampMs: 123_456, monotonicS: 11.5)))
        // Green [0, 0.5, 0] at gain 0.25 gives [0, 0.125, 0].
        writer.record(.derivedColour(DerivedColourRecord(sessionId: id, phaseIndex: 0, resultName: "iso_gain", greenGain: 0.25,
                                                         linearRGB: [0, 0.125, 0], stimuli: ["iso_a", "iso_b"])))
        try first.finish(.completed)
        try second.finish(.aborted)
        return database
    }
}

/// An RFC 4180 reader written for the tests, independent of the exporter: quoted fields may hold
/// the delimiter, doubled quotes and line breaks.
func parseDelimited(_ text: String, delimiter: Character) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
        if inQuotes {
            if character == "\"" {
                if characters.first == "\"" {
                    field.append("\"")
                    characters.removeFirst()
                } else {
                    inQuotes = false
                }
            } else {
                field.append(character)
            }
        } else if character == "\"" {
            inQuotes = true
        } else if character == delimiter {
            row.append(field)
            field = ""
        } else if character == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.append(character)
        }
    }
    return rows
}

/// A parsed table: its header and its rows keyed by column name.
struct ParsedTable {
    var header: [String]
    var rows: [[String: String]]

    init(url: URL, delimiter: Character) throws {
        let records = parseDelimited(try String(contentsOf: url, encoding: .utf8), delimiter: delimiter)
        header = records.first ?? []
        rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(records[0], $0)) }
    }
}
