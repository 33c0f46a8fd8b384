/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator whose sequence is fixed by its
/// seed on every platform, so a protocol compiles to the same timeline everywhere.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one phase: independent of the other phases, so that editing one phase does
    /// not change the random choices of another.
    init(protocolSeed: UInt64, phaseIndex: Int) {
        var mixer = SeededGenerator(seed: protocolSeed ^ (UInt64(phaseIndex + 1) &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in lower...upper.
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double { lower + (upper - lower) * unit() }

    /// Uniform integer in 0..<count (count > 0), by rejection so that there is no modulo bias.
    mutating func index(below count: Int) -> Int {
        let bound = UInt64(count)
        let limit = UInt64.max - UInt64.max % bound
        var value = next()
        while value >= limit { value = next() }
        return Int(value % bound)
    }

    /// Fisher–Yates shuffle with this generator.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, index(below: i + 1))
        }
    }
}
