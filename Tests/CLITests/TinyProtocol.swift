/// A protocol of a few seconds: instructions, 4 nulling trials, 3 s (180 frames at 60 Hz) of
/// adaptation alternating every 1 s, 4 more nulling trials.
enum TinyProtocol {
    /// Frames the adaptation phase must last: 3 s × 60 Hz.
    static let adaptationFrames = 180
    static let trialsPerTest = 4

    /// A test protocol's opening fields (60 Hz, seed 7, mid-grey background) and its `stimuli:`
    /// with the two achromatic test gratings, test_h and test_v; the caller adds stimuli and phases.
    static func opening(name: String, title: String) -> String {
        """
        name: \(name)
        title: \(title)
        description: End-to-end test protocol.
        citations: ["none"]
        viewing:
          distance_cm: 57
          refresh_hz: 60
        seed: 7
        background_linear_rgb: [0.5, 0.5, 0.5]
        stimuli:
          test_h:
            name: test_h
            description: achromatic test, horizontal
            pattern: {type: square_grating, orientation_deg: 0, cycles_per_degree: 1.5, colour_a: white, colour_b: black}
            aperture: {shape: circle, diameter_deg: 4}
          test_v:
            name: test_v
            description: achromatic test, vertical
            pattern: {type: square_grating, orientation_deg: 90, cycles_per_degree: 1.5, colour_a: white, colour_b: black}
            aperture: {shape: circle, diameter_deg: 4}

        """
    }

    static let yaml = opening(name: "tiny-session", title: "A few seconds of adaptation between two nulling tests") + """
      adapt_r:
        name: adapt_r
        description: red adapter, horizontal
        pattern: {type: square_grating, orientation_deg: 0, cycles_per_degree: 1.5, colour_a: red, colour_b: black}
        aperture: {shape: circle, diameter_deg: 4}
      adapt_g:
        name: adapt_g
        description: green adapter, vertical
        pattern: {type: square_grating, orientation_deg: 90, cycles_per_degree: 1.5, colour_a: lime, colour_b: black}
        aperture: {shape: circle, diameter_deg: 4}
    phases:
      - kind: instructions
        name: intro
        text: Null the tint.
      - kind: test
        name: baseline
        conditions:
          - {label: horizontal, stimulus: test_h}
          - {label: vertical, stimulus: test_v}
        repetitions: 2
        order: blocked
        inter_trial_interval: 0.25 s
        response: {method: nulling, axis: dkl_lm, coarse_step: 0.005, fine_step: 0.001, min: -0.06, max: 0.06, start_spread: 0.03}
      - kind: adaptation
        name: adaptation
        sequence:
          - {stimulus: adapt_r, duration: 1 s}
          - {stimulus: adapt_g, duration: 1 s}
        total_duration: 3 s
        countdown: true
      - kind: test
        name: post
        conditions:
          - {label: horizontal, stimulus: test_h}
          - {label: vertical, stimulus: test_v}
        repetitions: 2
        order: blocked
        inter_trial_interval: 0.25 s
        response: {method: nulling, axis: dkl_lm, coarse_step: 0.005, fine_step: 0.001, min: -0.06, max: 0.06, start_spread: 0.03}

    """
}
