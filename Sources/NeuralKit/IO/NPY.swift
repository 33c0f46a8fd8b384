import Foundation

/// numpy's .npy format, version 1.0, for little-endian float32 arrays ('<f4', C order): what
/// `numpy.save` writes for a float32 array and `numpy.load` reads back.
public enum NPY {
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// The .npy bytes of a tensor.
    public static func encode(_ tensor: Tensor) -> Data {
        let shape: String
        switch tensor.rank {
        case 0: shape = "()"
        case 1: shape = "(\(tensor.shape[0]),)"
        default: shape = "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
        }
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shape), }"
        // Magic (6) + version (2) + header length (2) + header, padded with spaces to a
        // multiple of 64 bytes and ended by a newline.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data(magic + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xff), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        tensor.data.withUnsafeBufferPointer { data.append(UnsafeBufferPointer(start: UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: UInt8.self), count: $0.count * 4)) }
        return data
    }

    /// Writes a tensor as a .npy file.
    public static func write(_ tensor: Tensor, to url: URL) throws {
        do { try encode(tensor).write(to: url, options: .atomic) } catch {
            throw NeuralError("\(url.path): cannot write (\(error.localizedDescription))")
        }
    }

    /// Reads a .npy file holding a little-endian float32 (or float64, converted) C-order array.
    public static func read(_ url: URL) throws -> Tensor {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw NeuralError("\(url.path): cannot read (\(error.localizedDescription))")
        }
        do { return try decode(data) } catch let error as NeuralError {
            throw NeuralError("\(url.path): \(error.message)")
        }
    }

    /// Parses .npy bytes (format versions 1.0–3.0).
    public static func decode(_ data: Data) throws -> Tensor {
        let bytes = [UInt8](data)
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw NeuralError("not a .npy file (bad magic)") }
        let major = bytes[6]
        let headerStart = major == 1 ? 10 : 12
        guard (1...3).contains(major), bytes.count >= headerStart else { throw NeuralError("unsupported .npy version \(major)") }
        let headerLength = major == 1
            ? Int(bytes[8]) | Int(bytes[9]) << 8
            : Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        guard bytes.count >= headerStart + headerLength else { throw NeuralError("truncated .npy header") }
        let header = String(decoding: bytes[headerStart..<headerStart + headerLength], as: UTF8.self)
        let descr = try field("descr", in: header)
        guard try field("fortran_order", in: header) == "False" else {
            throw NeuralError("Fortran-order arrays are not supported (save with C order)")
        }
        let shapeText = try field("shape", in: header).trimmingCharacters(in: CharacterSet(charactersIn: "()"))
        let shape = try shapeText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { part -> Int in
            guard let extent = Int(part), extent >= 0 else { throw NeuralError("bad shape in header: \(header)") }
            return extent
        }
        let count = shape.reduce(1, *)
        let body = bytes[(headerStart + headerLength)...]
        let width: Int
        switch descr {
        case "'<f4'": width = 4
        case "'<f8'": width = 8
        default: throw NeuralError("element type \(descr) is not supported (supported: '<f4' float32, '<f8' float64)")
        }
        guard body.count == count * width else {
            throw NeuralError("holds \(body.count) data bytes, shape \(shape) needs \(count * width) (truncated file?)")
        }
        let values: [Float] = body.withUnsafeBytes { raw in
            width == 4
                ? (0..<count).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self) }
                : (0..<count).map { Float(raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self)) }
        }
        return Tensor(shape: shape, data: values)
    }

    /// The text of one key's value in the header dictionary.
    private static func field(_ key: String, in header: String) throws -> String {
        guard let keyRange = header.range(of: "'\(key)':") else { throw NeuralError("header lacks '\(key)': \(header)") }
        var rest = header[keyRange.upperBound...].drop(while: { $0 == " " })
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { throw NeuralError("bad header: \(header)") }
            return String(rest[...close])
        }
        rest = rest.prefix(while: { $0 != "," && $0 != "}" })
        return rest.trimmingCharacters(in: .whitespaces)
    }
}
