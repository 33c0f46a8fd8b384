import StimulusKit

extension SeededGenerator {
    /// A generator for one phase of a protocol: independent of the other phases, so that editing one
    /// phase does not change the random choices of another.
    init(protocolSeed: UInt64, phaseIndex: Int) {
        var mixer = SeededGenerator(seed: protocolSeed ^ (UInt64(phaseIndex + 1) &* 0x9E37_79B9_7F4A_7C15))
        self.init(seed: mixer.next())
    }
}
