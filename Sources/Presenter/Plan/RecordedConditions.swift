import Foundation

/// A trial's conditions as recorded in `conditions_json`: a flat object whose keys carry their units.
protocol RecordedConditions: Encodable {}

extension RecordedConditions {
    /// The JSON text, keys sorted.
    func json() throws(PlanError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        do { return String(decoding: try encoder.encode(self), as: UTF8.self) } catch {
            throw PlanError("trial conditions cannot be recorded as JSON: \(error)")
        }
    }
}
