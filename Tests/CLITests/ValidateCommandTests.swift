import Foundation
import Testing

/// `stimgen validate` and `stimgen list protocols`, run as the user runs them.
@Suite struct ValidateCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the stimgen binary built beside the tests; returns its exit status and output.
    func stimgen(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        let candidates = [testBinary.deletingLastPathComponent().appendingPathComponent("stimgen"),
                          testBinary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("stimgen"),
                          Self.root.appendingPathComponent(".build/debug/stimgen")]
        let binary = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                                  "no stimgen binary among \(candidates.map(\.path))")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aShippedProtocolValidates() throws {
        let (status, output) = try stimgen(["validate", "Protocols/mccollough-retest.yaml"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("test 'retest': 12 trials"))
        #expect(output.contains("retest after: 1 h, 24 h, 7 d"))
        #expect(output.contains("safety: safe"))
    }

    @Test func everyErrorIsPrintedWithItsLocationAndTheExitIsNonZero() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-cli-\(UUID().uuidString).yaml")
        try """
        name: broken
        title: Broken
        description: Two mistakes.
        citations: [none]
        viewing: {distance_cm: 57, refresh_hz: 60}
        seed: 1
        phases:
          - {kind: break, name: b, duration: 30}
          - {kind: instructions, name: i, txt: hello}
        """.write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try stimgen(["validate", file.path])
        #expect(status != 0)
        #expect(output.contains("\(file.path):8:38: error: phases[0].duration:"))
        #expect(output.contains("\(file.path):9:35: error: phases[1].txt: unknown field 'txt'; did you mean 'text'?"))
        #expect(output.contains("NOT VALID: 3 errors"))
    }

    @Test func listsTheShippedProtocols() throws {
        let (status, output) = try stimgen(["list", "protocols"])
        #expect(status == 0)
        #expect(output.contains("mccollough-classic"))
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Protocols").path)
            .filter { $0.hasSuffix(".yaml") }.count
        #expect(shipped >= 11 && output.contains("\(shipped) protocols in Protocols"))
    }
}
