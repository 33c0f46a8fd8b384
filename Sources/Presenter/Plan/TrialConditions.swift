import Foundation
import ProtocolKit
import StimulusKit

/// What a recorded trial's `conditions_json` holds: the protocol's condition label and test
/// stimulus, the repetition, the adaptive track (staircase/QUEST trials), and, when the test is a
/// grating, its orientation (deg) and spatial frequency (cpd), so that reports and tidy exports can
/// group trials by them. Absent values are left out.
struct TrialConditions: RecordedConditions {
    let condition: String
    let stimulus: String
    let repetition: Int
    let track: Int?
    let orientationDeg: Double?
    let cyclesPerDegree: Double?

    private enum CodingKeys: String, CodingKey {
        case condition, stimulus, repetition, track
        case orientationDeg = "orientation_deg", cyclesPerDegree = "cycles_per_degree"
    }

    init(_ trial: Trial, test: StimulusSpec?) {
        condition = trial.condition
        stimulus = trial.stimulus
        repetition = trial.repetition
        track = trial.track
        let grating = test?.pattern.grating
        orientationDeg = grating?.orientationDeg
        cyclesPerDegree = grating?.cyclesPerDegree
    }
}
