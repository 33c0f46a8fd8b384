/// A fixed tensor (ONNX Constant) from its `value`, `value_float(s)` or `value_int(s)` attribute.
struct Constant: Operator {
    var value: Tensor

    init(_ attributes: Attributes) throws {
        let choices = ["value", "value_float", "value_floats", "value_int", "value_ints"]
        try attributes.allow(Set(choices))
        let present = choices.filter { attributes.values[$0] != nil }
        guard present.count == 1, let value = try attributes.tensor(present[0]) else {
            throw NeuralError("needs exactly one of the attributes \(choices.joined(separator: ", ")) (sparse_value and value_string are not supported)")
        }
        self.value = value
    }

    func forward(_ inputs: [Tensor?]) throws -> [Tensor] { [value] }

    func backward(_ inputs: [Tensor?], outputs: [Tensor], outputGradients: [Tensor]) throws -> [Tensor?] { [] }
}
