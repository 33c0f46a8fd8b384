import Foundation

/// Converts ONNX TensorProtos (initialisers, Constant values) into float tensors. Data may sit
/// in raw_data, in the typed fields, or in an external file beside the model. Integers become
/// floats, which is exact for the shapes, axes and indices they hold in CNNs (|x| < 2²⁴;
/// larger values are an error rather than a silently rounded tensor).
enum ONNXTensor {
    static let supportedTypes = "FLOAT, DOUBLE, INT32, INT64"

    /// The tensor, or an error naming it. `directory` is where external data files are looked up.
    static func convert(_ proto: Onnx_TensorProto, directory: URL?) throws -> Tensor {
        let name = proto.name.isEmpty ? "(unnamed)" : proto.name
        guard proto.dims.allSatisfy({ $0 >= 0 }) else { throw NeuralError("tensor '\(name)' has a negative dimension \(proto.dims)") }
        let shape = proto.dims.map { Int($0) }
        let count = shape.reduce(1, *)
        let type = Onnx_TensorProto.DataType(rawValue: Int(proto.dataType))
        var raw: Data? = proto.rawData.isEmpty ? nil : proto.rawData
        if proto.dataLocation == .external {
            raw = try externalBytes(proto, name: name, directory: directory)
        }
        let values: [Float]
        switch type {
        case .float?:
            values = try raw.map { try decode($0, as: Float.self, count: count, name: name) } ?? proto.floatData
        case .double?:
            values = try (raw.map { try decode($0, as: Double.self, count: count, name: name) } ?? proto.doubleData).map { Float($0) }
        case .int64?:
            values = try checkedIntegers(raw.map { try decode($0, as: Int64.self, count: count, name: name) } ?? proto.int64Data, name: name)
        case .int32?:
            values = try checkedIntegers((raw.map { try decode($0, as: Int32.self, count: count, name: name) } ?? proto.int32Data).map { Int64($0) }, name: name)
        default:
            throw NeuralError("tensor '\(name)' has element type \(type.map { "\($0)" } ?? "\(proto.dataType)") (supported: \(supportedTypes))")
        }
        guard values.count == count else {
            throw NeuralError("tensor '\(name)' of shape \(shape) holds \(values.count) values, expected \(count) (truncated or malformed file)")
        }
        return Tensor(shape: shape, data: values)
    }

    private static func decode<T>(_ data: Data, as type: T.Type, count: Int, name: String) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard data.count == count * size else {
            throw NeuralError("tensor '\(name)' has \(data.count) bytes of data, expected \(count * size) (truncated or malformed file)")
        }
        return data.withUnsafeBytes { bytes in (0..<count).map { bytes.loadUnaligned(fromByteOffset: $0 * size, as: T.self) } }
    }

    private static func checkedIntegers(_ values: [Int64], name: String) throws -> [Float] {
        try values.map { value in
            guard abs(value) < 16_777_216 || value == Int64.max || value == Int64.min else {
                throw NeuralError("tensor '\(name)' holds the integer \(value), which a float32 tensor cannot hold exactly")
            }
            // Int64.max / Int64.min appear as "to the end" markers (e.g. in slices); they stay huge.
            return Float(value)
        }
    }

    /// The bytes of an externally stored tensor (keys location, offset, length).
    private static func externalBytes(_ proto: Onnx_TensorProto, name: String, directory: URL?) throws -> Data {
        let fields = Dictionary(proto.externalData.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        guard let location = fields["location"], !location.isEmpty else {
            throw NeuralError("tensor '\(name)' is stored externally but names no location")
        }
        guard !location.hasPrefix("/"), !location.split(separator: "/").contains("..") else {
            throw NeuralError("tensor '\(name)' has external location '\(location)', which is outside the model's folder")
        }
        let url = (directory ?? URL(fileURLWithPath: ".")).appendingPathComponent(location)
        let file: Data
        do { file = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw NeuralError("tensor '\(name)': cannot read external data file \(url.path): \(error.localizedDescription)")
        }
        let offset = Int(fields["offset"] ?? "0") ?? -1
        let length = fields["length"].map { Int($0) ?? -1 } ?? (file.count - max(offset, 0))
        guard offset >= 0, length >= 0, offset + length <= file.count else {
            throw NeuralError("tensor '\(name)': external data offset \(fields["offset"] ?? "0") length \(fields["length"] ?? "-") lies outside \(url.lastPathComponent) (\(file.count) bytes)")
        }
        return file.subdata(in: offset..<offset + length)
    }
}
