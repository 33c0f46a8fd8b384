import Foundation
import Testing
@testable import Analysis

/// The prediction table's CSV and JSON, written out by hand.
@Suite struct PredictionTableTests {
    static let table = PredictionTable(protocolName: "p", model: "v1", adaptation: "decorrelation", rows: [
        PredictedCondition(phase: "after", condition: "horizontal, thin", stimulus: "t\"h", orientationDeg: 0, adaptationS: 600,
                           perceivedTintDKLLM: -0.0125, predictedNullDKLLM: 0.0125, perceivedTintDKLS: 0.002, predictedNullDKLS: -0.002),
        PredictedCondition(phase: "after", condition: "blank", stimulus: "grey", orientationDeg: nil, adaptationS: 600,
                           perceivedTintDKLLM: nil, predictedNullDKLLM: nil),
    ])

    @Test func csvQuotesFieldsAndLeavesUndefinedValuesEmpty() {
        #expect(Self.table.csv == """
            phase,condition,stimulus,orientation_deg,adaptation_s,perceived_tint_dkl_lm,predicted_null_dkl_lm,perceived_tint_dkl_s,predicted_null_dkl_s
            after,"horizontal, thin","t""h",0,600,-0.0125,0.0125,0.002,-0.002
            after,blank,grey,,600,,,,

            """)
    }

    @Test func jsonNamesEveryFieldWithItsUnit() throws {
        let object = try JSONSerialization.jsonObject(with: Data(Self.table.json().utf8)) as! [String: Any]
        #expect(object["protocol"] as? String == "p")
        let rows = object["rows"] as! [[String: Any]]
        #expect(rows[0]["perceived_tint_dkl_lm"] as? Double == -0.0125)
        #expect(rows[0]["adaptation_s"] as? Double == 600)
        #expect(rows[1]["perceived_tint_dkl_lm"] == nil)
        #expect(rows[0]["perceived_tint_dkl_s"] as? Double == 0.002)
        #expect(rows[0]["predicted_null_dkl_s"] as? Double == -0.002)
    }
}
