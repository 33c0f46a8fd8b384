/// The ONNX op types NeuralKit runs, each with the constructor that reads its attributes.
/// `opset` is the model's default-domain opset version (ops whose meaning changed across
/// versions read it).
enum OperatorRegistry {
    typealias Factory = @Sendable (Attributes, Int) throws -> any Operator

    static let factories: [String: Factory] = [
        "Conv": { a, _ in try Conv(a) },
        "Relu": { a, _ in try Activation.relu(a) },
        "LeakyRelu": { a, _ in try Activation.leakyRelu(a) },
        "Sigmoid": { a, _ in try Activation.sigmoid(a) },
        "Clip": { a, _ in try Activation.clip(a) },
        "MaxPool": { a, _ in try Pool(.max, a) },
        "AveragePool": { a, _ in try Pool(.average, a) },
        "GlobalAveragePool": { a, _ in try GlobalAveragePool(a) },
        "ReduceMean": { a, opset in try ReduceMean(a, opset: opset) },
        "LRN": { a, _ in try LRN(a) },
        "BatchNormalization": { a, _ in try BatchNormalization(a) },
        "Concat": { a, _ in try Concat(a) },
        "Add": { a, _ in try Elementwise(.add, a) },
        "Mul": { a, _ in try Elementwise(.mul, a) },
        "Sum": { a, _ in try Elementwise(.sum, a) },
        "Gemm": { a, _ in try Gemm(a) },
        "MatMul": { a, _ in try MatMul(a) },
        "Flatten": { a, _ in try Reshaping.flatten(a) },
        "Reshape": { a, _ in try Reshaping.reshape(a) },
        "Unsqueeze": { a, _ in try Reshaping.unsqueeze(a) },
        "Identity": { a, _ in try Reshaping.identity(a) },
        "Dropout": { a, _ in try Reshaping.dropout(a) },
        "Softmax": { a, opset in try Softmax(a, opset: opset) },
        "Constant": { a, _ in try Constant(a) },
        "Gather": { a, _ in try Gather(a) },
    ]

    /// The supported op types, sorted, for error messages.
    static var supportedList: String { factories.keys.sorted().joined(separator: ", ") }

    /// The operator for one node, or an error naming what is supported.
    static func make(opType: String, domain: String, attributes: Attributes, opset: Int) throws -> any Operator {
        guard domain.isEmpty || domain == "ai.onnx", let factory = factories[opType] else {
            let qualified = domain.isEmpty ? opType : "\(domain).\(opType)"
            throw NeuralError("unsupported op \(qualified) (supported: \(supportedList))")
        }
        return try factory(attributes, opset)
    }
}
