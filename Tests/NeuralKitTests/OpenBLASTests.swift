import Testing
@testable import NeuralKit

@Suite struct OpenBLASTests {
    static let avx512 = ["avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"]

    @Test func intelCoreTypeFollowsTheNewestVectorUnit() {
        let intel = "GenuineIntel"
        #expect(OpenBLAS.coreType(forCPUFlags: Set(Self.avx512), vendor: intel) == "SkylakeX")
        #expect(OpenBLAS.coreType(forCPUFlags: Set(Self.avx512 + ["avx512_bf16"]), vendor: intel) == "Cooperlake")
        #expect(OpenBLAS.coreType(forCPUFlags: ["avx", "avx2", "fma", "avx512f"], vendor: intel) == "Haswell")
        #expect(OpenBLAS.coreType(forCPUFlags: ["avx"], vendor: intel) == "SandyBridge")
        #expect(OpenBLAS.coreType(forCPUFlags: ["sse2"], vendor: intel) == nil)
    }

    @Test func amdCoreTypeIsHaswellEvenWithAVX512() {
        let amd = "AuthenticAMD"
        #expect(OpenBLAS.coreType(forCPUFlags: Set(Self.avx512 + ["avx512_bf16"]), vendor: amd) == "Haswell")
        #expect(OpenBLAS.coreType(forCPUFlags: ["avx", "avx2", "fma"], vendor: amd) == "Haswell")
        #expect(OpenBLAS.coreType(forCPUFlags: ["avx"], vendor: amd) == "SandyBridge")
    }

    @Test func sgemmMultipliesASmallCase() {
        // [[1,2],[3,4]] · [[5,6],[7,8]] = [[19,22],[43,50]]
        var c = [Float](repeating: 0, count: 4)
        OpenBLAS.shared.sgemm(transA: false, transB: false, m: 2, n: 2, k: 2, a: [1, 2, 3, 4], b: [5, 6, 7, 8], beta: 0, c: &c)
        #expect(c == [19, 22, 43, 50])
    }
}
