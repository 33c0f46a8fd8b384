import Yams

/// A YAML mapping being read field by field. Creating it reports every key that is not among the
/// allowed ones (a typo must never be silently ignored), suggesting the nearest allowed key.
struct YAMLMapping {
    private let entries: [(key: String, value: YAMLValue)]
    let owner: YAMLValue

    init(mapping: Node.Mapping, owner: YAMLValue, allowed: [String]) {
        self.owner = owner
        var entries: [(String, YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = YAMLValue(node: keyNode, path: owner.path, sink: owner.sink)
            guard case .scalar(let scalar) = keyNode else { keyValue.error("a key must be a plain name"); continue }
            let key = scalar.string
            let childPath = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            guard allowed.contains(key) else {
                var message = "unknown field '\(key)'"
                if let near = closestName(to: key, among: allowed) { message += "; did you mean '\(near)'?" }
                YAMLValue(node: keyNode, path: childPath, sink: owner.sink).error(message, choices: allowed)
                continue
            }
            owner.sink.record(path: childPath, line: valueNode.mark?.line, column: valueNode.mark?.column)
            entries.append((key, YAMLValue(node: valueNode, path: childPath, sink: owner.sink)))
        }
        self.entries = entries
    }

    /// The value of `key`, or nil when absent (a YAML null counts as absent).
    func optional(_ key: String) -> YAMLValue? {
        guard let value = entries.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value.node, scalar.style == .plain,
           ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return value
    }

    /// The value of `key`; reports it missing at the mapping's own location when absent.
    func required(_ key: String) -> YAMLValue? {
        guard let value = optional(key) else {
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            owner.sink.report(.error, line: owner.line, column: owner.column, path: path,
                              "missing required field '\(key)'")
            return nil
        }
        return value
    }

    func has(_ key: String) -> Bool { optional(key) != nil }
}

extension YAMLMapping {
    /// An optional field without a default: `.some(nil)` when absent, `.some(value)` when read,
    /// nil when present but invalid (already reported).
    func optionalValue<T>(_ key: String, _ read: (YAMLValue) -> T?) -> T?? {
        guard let value = optional(key) else { return .some(nil) }
        guard let parsed = read(value) else { return nil }
        return .some(parsed)
    }
}

extension YAMLMapping {
    /// An optional field with a default: the default when absent, the value when read, nil when
    /// present but invalid (already reported).
    func value<T>(_ key: String, default defaultValue: T, _ read: (YAMLValue) -> T?) -> T? {
        guard let value = optional(key) else { return defaultValue }
        return read(value)
    }
}
