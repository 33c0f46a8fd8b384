import Foundation

/// A float32 .npy file read the way numpy documents the format (magic, version, header dict,
/// little-endian data), independently of the reader stimgen ships, so that CLI tests check the
/// files users will open with `numpy.load`.
struct NPYFile {
    var shape: [Int]
    var values: [Float]

    enum Problem: Error, CustomStringConvertible {
        case malformed(String)
        var description: String { if case .malformed(let why) = self { return why }; return "" }
    }

    init(_ url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard bytes.count >= 10, bytes[0] == 0x93, String(decoding: bytes[1..<6], as: UTF8.self) == "NUMPY" else {
            throw Problem.malformed("\(url.lastPathComponent): no .npy magic")
        }
        guard bytes[6] == 1 else { throw Problem.malformed("\(url.lastPathComponent): version \(bytes[6]), expected 1") }
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let header = String(decoding: bytes[10..<10 + headerLength], as: UTF8.self)
        guard header.contains("'descr': '<f4'"), header.contains("'fortran_order': False"),
              let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")") else {
            throw Problem.malformed("\(url.lastPathComponent): header \(header) is not a C-order float32 array")
        }
        shape = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let start = 10 + headerLength
        guard start % 64 == 0, bytes.count - start == 4 * shape.reduce(1, *) else {
            throw Problem.malformed("\(url.lastPathComponent): \(bytes.count - start) data bytes for shape \(shape) (header ends at \(start))")
        }
        values = stride(from: start, to: bytes.count, by: 4).map { i in
            Float(bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
        }
    }
}

/// The NeuralKit fixtures (small ONNX graphs with onnxruntime's outputs) the CLI tests run on.
enum NeuralFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NeuralKitTests/Fixtures/onnx")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A fresh temporary folder's URL (not created).
    static func temporaryFolder(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-\(label)-\(UUID().uuidString)")
    }
}
