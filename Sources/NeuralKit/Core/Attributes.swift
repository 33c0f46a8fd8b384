/// A node's attributes by name, with typed accessors that throw on a wrong type.
public struct Attributes: Sendable {
    /// One attribute value, as ONNX types them.
    public enum Value: Sendable, Equatable {
        case int(Int), float(Float), string(String), ints([Int]), floats([Float]), tensor(Tensor)

        var typeName: String {
            switch self {
            case .int: "int"
            case .float: "float"
            case .string: "string"
            case .ints: "ints"
            case .floats: "floats"
            case .tensor: "tensor"
            }
        }
    }

    public var values: [String: Value]

    public init(_ values: [String: Value] = [:]) { self.values = values }

    /// Throws when an attribute outside `known` is present (it would otherwise be silently ignored).
    func allow(_ known: Set<String>) throws {
        for name in values.keys.sorted() where !known.contains(name) {
            throw NeuralError("unsupported attribute '\(name)' (supported: \(known.sorted().joined(separator: ", ")))")
        }
    }

    func int(_ name: String, default value: Int) throws -> Int {
        switch values[name] {
        case nil: return value
        case .int(let v): return v
        case let other?: throw mistyped(name, "int", other)
        }
    }

    func float(_ name: String, default value: Float) throws -> Float {
        switch values[name] {
        case nil: return value
        case .float(let v): return v
        case .int(let v): return Float(v)
        case let other?: throw mistyped(name, "float", other)
        }
    }

    func ints(_ name: String) throws -> [Int]? {
        switch values[name] {
        case nil: return nil
        case .ints(let v): return v
        case let other?: throw mistyped(name, "ints", other)
        }
    }

    func string(_ name: String, default value: String) throws -> String {
        switch values[name] {
        case nil: return value
        case .string(let v): return v
        case let other?: throw mistyped(name, "string", other)
        }
    }

    func tensor(_ name: String) throws -> Tensor? {
        switch values[name] {
        case nil: return nil
        case .tensor(let v): return v
        case .float(let v): return Tensor(shape: [], data: [v])
        case .floats(let v): return Tensor(shape: [v.count], data: v)
        case .int(let v): return Tensor(shape: [], data: [Float(v)])
        case .ints(let v): return Tensor(shape: [v.count], data: v.map(Float.init))
        case let other?: throw mistyped(name, "tensor", other)
        }
    }

    private func mistyped(_ name: String, _ expected: String, _ found: Value) -> NeuralError {
        NeuralError("attribute '\(name)' must be of type \(expected), found \(found.typeName)")
    }
}
