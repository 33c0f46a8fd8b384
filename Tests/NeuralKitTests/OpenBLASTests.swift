import Testing
@testable import NeuralKit

@Suite struct OpenBLASTests {
    @Test func coreTypeFromCPUFlags() {
        #expect(OpenBLAS.coreType(forCPUFlags: ["avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"]) == "SkylakeX")
        #expect(OpenBLAS.coreType(forCPUFlags: ["avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd", "avx512_bf16"]) == "Cooperlake")
        #expect(OpenBLAS.coreType(forCPUFlags: ["avx", "avx2", "fma", "avx512f"]) == "Haswell")
        #expect(OpenBLAS.coreType(forCPUFlags: ["avx"]) == "SandyBridge")
        #expect(OpenBLAS.coreType(forCPUFlags: ["sse2"]) == nil)
    }

    @Test func sgemmMultipliesASmallCase() {
        // [[1,2],[3,4]] · [[5,6],[7,8]] = [[19,22],[43,50]]
        var c = [Float](repeating: 0, count: 4)
        OpenBLAS.shared.sgemm(transA: false, transB: false, m: 2, n: 2, k: 2, a: [1, 2, 3, 4], b: [5, 6, 7, 8], beta: 0, c: &c)
        #expect(c == [19, 22, 43, 50])
    }
}
