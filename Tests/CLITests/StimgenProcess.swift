import Foundation

/// Runs the built `stimgen` executable (beside the test bundle in .build/<config>) as a child process.
enum StimgenProcess {
    static var executable: URL {
        var candidates: [URL] = []
        if let main = Bundle.main.executableURL { candidates.append(main.deletingLastPathComponent().appendingPathComponent("stimgen")) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("stimgen"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/stimgen"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Starts stimgen with `arguments`; stdout and stderr are piped.
    static func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SDL_VIDEODRIVER"] = "offscreen"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Reads a `--verbose` run's stdout until it has announced `count` committed responses (or ended);
    /// returns the row ids announced.
    static func awaitCommittedResponses(_ out: Pipe, count: Int) -> [Int64] {
        var committed: [Int64] = []
        var buffer = ""
        while committed.count < count {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            buffer += String(decoding: data, as: UTF8.self)
            while let newline = buffer.firstIndex(of: "\n") {
                let line = String(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.hasPrefix("committed response "), let id = Int64(line.split(separator: " ")[2]) { committed.append(id) }
            }
        }
        return committed
    }

    /// Runs stimgen to the end; returns exit status, stdout and stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let (process, out, err) = try start(arguments)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary folder holding a test protocol (the tiny one unless told).
struct Workspace {
    let folder: URL
    var protocolFile: URL { folder.appendingPathComponent("protocol.yaml") }
    var database: URL { folder.appendingPathComponent("sessions.sqlite") }

    init(protocolYAML: String = TinyProtocol.yaml) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try protocolYAML.write(to: protocolFile, atomically: true, encoding: .utf8)
    }

    /// `stimgen run` on the workspace's protocol, headless at 320×180 px, with the given extra arguments.
    func runArguments(_ extra: [String]) -> [String] {
        ["run", protocolFile.path, "--participant", "p1", "--db", database.path, "--headless", "--window", "320x180"] + extra
    }
}
