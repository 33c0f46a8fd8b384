/// Compares an analytic gradient with central finite differences of `loss` at the given elements
/// of `x`: returns the largest |analytic − numeric| and the largest |analytic| among them.
func finiteDifferenceError(_ x: [Float], gradient: [Float], elements: some Sequence<Int>, h: Float,
                           loss: ([Float]) throws -> Double) rethrows -> (worst: Float, largest: Float) {
    var worst: Float = 0, largest: Float = 0
    for element in elements {
        var plus = x, minus = x
        plus[element] += h
        minus[element] -= h
        let numeric = Float((try loss(plus) - loss(minus)) / Double(2 * h))
        worst = max(worst, abs(numeric - gradient[element]))
        largest = max(largest, abs(gradient[element]))
    }
    return (worst, largest)
}
