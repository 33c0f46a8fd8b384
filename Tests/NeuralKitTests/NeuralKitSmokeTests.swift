import Testing
@testable import NeuralKit
