import Testing
@testable import ProtocolKit
