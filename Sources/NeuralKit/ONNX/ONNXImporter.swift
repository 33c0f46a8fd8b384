import Foundation
import SwiftProtobuf

extension Network {
    /// Default-domain opset versions whose op semantics NeuralKit implements.
    public static let supportedOpsets = 9...20

    /// Loads an ONNX model file. Batch normalisations that follow a convolution are folded into
    /// its weights, and a residual connection's Add and a Relu that follow a convolution are
    /// fused into its output pass (all when `foldingBatchNorm`), unless the convolution's own
    /// output is named in `unfolded` (so that it stays available as a layer).
    public static func load(onnx url: URL, unfolded: Set<String> = [], foldingBatchNorm: Bool = true) throws -> Network {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw NeuralError("\(url.path): cannot read the model file (\(error.localizedDescription))")
        }
        do {
            return try Network(onnx: data, directory: url.deletingLastPathComponent(), unfolded: unfolded, foldingBatchNorm: foldingBatchNorm)
        } catch let error as NeuralError {
            throw NeuralError("\(url.path): \(error.message)")
        }
    }

    /// Imports a serialised ONNX ModelProto; `directory` holds any external data files.
    public init(onnx data: Data, directory: URL? = nil, unfolded: Set<String> = [], foldingBatchNorm: Bool = true) throws {
        let model: Onnx_ModelProto
        do { model = try Onnx_ModelProto(serializedBytes: data) } catch {
            throw NeuralError("not a readable ONNX model (truncated or corrupt protobuf: \(error))")
        }
        guard model.hasGraph, !model.graph.node.isEmpty else { throw NeuralError("the model holds no graph nodes (truncated or not an ONNX model)") }
        guard let opset = model.opsetImport.first(where: { $0.domain.isEmpty || $0.domain == "ai.onnx" })?.version else {
            throw NeuralError("the model declares no default-domain opset")
        }
        guard Network.supportedOpsets.contains(Int(opset)) else {
            throw NeuralError("opset \(opset) is not supported (supported: \(Network.supportedOpsets.lowerBound)–\(Network.supportedOpsets.upperBound))")
        }
        let graph = model.graph

        var initializers = [String: Tensor]()
        for proto in graph.initializer { initializers[proto.name] = try ONNXTensor.convert(proto, directory: directory) }

        let inputs = graph.input.filter { initializers[$0.name] == nil }.map { info in
            Input(name: info.name, shape: info.type.tensorType.shape.dim.map { dim -> Int? in
                if case .dimValue(let v)? = dim.value, v > 0 { return Int(v) }
                return nil
            })
        }

        var available = Set(initializers.keys).union(inputs.map(\.name))
        var nodes = [Node]()
        for (index, proto) in graph.node.enumerated() {
            let name = proto.name.isEmpty ? (proto.output.first ?? "node\(index)") : proto.name
            for input in proto.input where !input.isEmpty && !available.contains(input) {
                throw NeuralError.node(name, proto.opType, "input '\(input)' is produced by no earlier node, initialiser or graph input (truncated file or unsorted graph)")
            }
            var op: any Operator
            do {
                let attributes = try Attributes(proto.attribute, directory: directory)
                op = try OperatorRegistry.make(opType: proto.opType, domain: proto.domain, attributes: attributes, opset: Int(opset))
                if var pool = op as? Pool, pool.kind == .max, proto.output.count > 1, !proto.output[1].isEmpty {
                    pool.producesIndices = true
                    op = pool
                }
            } catch let error as NeuralError {
                throw NeuralError.node(name, proto.opType, error.message)
            }
            nodes.append(Node(name: name, opType: proto.opType, inputs: proto.input, outputs: proto.output, op: op))
            available.formUnion(proto.output)
        }
        let outputs = graph.output.map(\.name)
        for output in outputs where !available.contains(output) {
            throw NeuralError("graph output '\(output)' is produced by no node")
        }
        self.init(nodes: nodes, initializers: initializers, inputs: inputs, outputs: outputs)
        try foldConstants()
        if foldingBatchNorm {
            foldBatchNormalisations(keeping: unfolded)
            fuseResidualAdds(keeping: unfolded)
            fuseRelus(keeping: unfolded)
        }
        prepareWinogradFilters()
        packWeights()
    }
}

extension Attributes {
    /// A node's attributes from their protobuf form; graph-, sparse- and string-list-valued ones
    /// are an error (no supported op uses them).
    init(_ protos: [Onnx_AttributeProto], directory: URL?) throws {
        var values = [String: Value]()
        for a in protos {
            switch a.type {
            case .float: values[a.name] = .float(a.f)
            case .int: values[a.name] = .int(Int(a.i))
            case .string: values[a.name] = .string(String(decoding: a.s, as: UTF8.self))
            case .floats: values[a.name] = .floats(a.floats)
            case .ints: values[a.name] = .ints(a.ints.map { Int($0) })
            case .tensor: values[a.name] = .tensor(try ONNXTensor.convert(a.t, directory: directory))
            default:
                throw NeuralError("attribute '\(a.name)' has type \(a.type), which no supported op takes (supported: float, int, string, floats, ints, tensor)")
            }
        }
        self.init(values)
    }
}
