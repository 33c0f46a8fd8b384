import Testing
@testable import StimulusKit
