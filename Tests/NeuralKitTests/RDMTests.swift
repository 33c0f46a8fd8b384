import Testing
@testable import NeuralKit

/// RDMs against hand-computed values.
@Suite struct RDMTests {
    let patterns: [[Float]] = [[1, 2, 3], [2, 4, 6], [3, 2, 1], [1, 0, 0]]

    @Test func correlationDistance() throws {
        let m = try RDM.compute(patterns, metric: .correlation)
        #expect(m.shape == [4, 4])
        #expect(abs(m.data[0 * 4 + 1]) < 1e-6)          // b = 2a: r = 1
        #expect(abs(m.data[0 * 4 + 2] - 2) < 1e-6)      // c reversed: r = −1
        // a and d centred: (−1, 0, 1)·(2/3, −1/3, −1/3) = −1; norms √2 and √6/3, so r = −3/√12.
        #expect(abs(m.data[0 * 4 + 3] - Float(1 + 3 / 12.0.squareRoot())) < 1e-6)
        #expect(m.data[3 * 4 + 0] == m.data[0 * 4 + 3])
        #expect((0..<4).allSatisfy { m.data[$0 * 5] == 0 })
    }

    @Test func euclideanDistance() throws {
        let m = try RDM.compute(patterns, metric: .euclidean)
        #expect(abs(m.data[1] - Float(14.0.squareRoot())) < 1e-6)   // (1, 2, 3) vs (2, 4, 6)
        #expect(abs(m.data[2] - Float(8.0.squareRoot())) < 1e-6)    // (1, 2, 3) vs (3, 2, 1)
        #expect(abs(m.data[2 * 4 + 3] - Float(9.0).squareRoot()) < 1e-6)  // (3, 2, 1) vs (1, 0, 0): √(4+4+1)
    }

    @Test func unequalLengthsAreRefused() {
        #expect(throws: NeuralError.self) { _ = try RDM.compute([[1, 2], [1]], metric: .euclidean) }
    }

    @Test func csvHasLabelsAndQuotes() throws {
        let m = try RDM.compute([[1, 2], [2, 1]], metric: .euclidean)
        #expect(RDM.csv(m, labels: ["a", "b,c"]) == "stimulus,a,\"b,c\"\na,0.0,\(m.data[1])\n\"b,c\",\(m.data[2]),0.0\n")
    }
}
