import Testing
@testable import Presenter
