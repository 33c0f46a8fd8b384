import Foundation

/// Representational dissimilarity matrices: the pairwise dissimilarity of the activation patterns
/// a set of stimuli evokes in one layer (as rsatoolbox computes them).
public enum RDM {
    public enum Metric: String, Codable, Sendable, CaseIterable {
        /// 1 − Pearson correlation of the two patterns (0 identical up to gain and offset, 2 opposite).
        case correlation
        /// Euclidean distance between the two patterns (activation units).
        case euclidean
    }

    /// The n×n matrix for n patterns of equal length. A constant pattern has no correlation
    /// with anything: its correlation distances are NaN (as numpy's corrcoef gives).
    public static func compute(_ patterns: [[Float]], metric: Metric) throws -> Tensor {
        let n = patterns.count
        guard let length = patterns.first?.count, patterns.allSatisfy({ $0.count == length }), length > 0 else {
            throw NeuralError("RDM needs patterns of one common, non-zero length")
        }
        let rows: [[Double]]
        switch metric {
        case .euclidean:
            rows = patterns.map { $0.map(Double.init) }
        case .correlation:
            // Centre and scale each pattern to unit norm: r = dot product of the results.
            rows = patterns.map { pattern in
                let values = pattern.map(Double.init)
                let mean = values.reduce(0, +) / Double(length)
                let centred = values.map { $0 - mean }
                let norm = centred.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return centred.map { $0 / norm }
            }
        }
        var matrix = Tensor(shape: [n, n])
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                var value = 0.0
                switch metric {
                case .euclidean:
                    value = zip(rows[i], rows[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
                case .correlation:
                    value = 1 - zip(rows[i], rows[j]).reduce(0) { $0 + $1.0 * $1.1 }
                }
                matrix.data[i * n + j] = Float(value)
                matrix.data[j * n + i] = Float(value)
            }
        }
        return matrix
    }

    /// CSV text: a header row of labels, then one row per stimulus starting with its label.
    public static func csv(_ matrix: Tensor, labels: [String]) -> String {
        let n = labels.count
        var lines = ["stimulus," + labels.map(csvField).joined(separator: ",")]
        for i in 0..<n {
            lines.append(csvField(labels[i]) + "," + (0..<n).map { "\(matrix.data[i * n + $0])" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A CSV field, quoted when it holds a comma, quote or newline.
func csvField(_ text: String) -> String {
    guard text.contains(where: { ",\"\n".contains($0) }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
