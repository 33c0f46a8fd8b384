import Foundation
import Testing
@testable import NeuralKit

@Suite struct NPYTests {
    @Test func readsAnArrayNumpyWrote() throws {
        // numpy: (np.arange(6, dtype=np.float32) / 4).reshape(2, 3)
        let t = try NPY.read(Fixtures.url("arange_over4.npy"))
        #expect(t.shape == [2, 3])
        #expect(t.data == [0, 0.25, 0.5, 0.75, 1, 1.25])
    }

    @Test func readsAScalarNumpyWrote() throws {
        let t = try NPY.read(Fixtures.url("scalar.npy"))
        #expect(t.shape == [])
        #expect(t.data == [-2.5])
    }

    @Test func writesNumpysVersion1Layout() throws {
        let data = NPY.encode(Tensor(shape: [2, 1, 3], data: [1, 2, 3, 4, 5, 6]))
        let bytes = [UInt8](data)
        #expect(Array(bytes[0..<8]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: bytes[10..<10 + headerLength], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1, 3), }"))
        #expect(header.hasSuffix("\n"))
        #expect(data.count == 10 + headerLength + 6 * 4)
        // 1.0f is 0x3F800000, stored little-endian.
        #expect(Array(bytes[(10 + headerLength)..<(14 + headerLength)]) == [0, 0, 0x80, 0x3F])
        #expect(try NPY.decode(data) == Tensor(shape: [2, 1, 3], data: [1, 2, 3, 4, 5, 6]))
    }

    @Test func oneDimensionalShapeHasTrailingComma() {
        let header = String(decoding: NPY.encode(Tensor(shape: [4], repeating: 0)).dropFirst(10), as: UTF8.self)
        #expect(header.contains("'shape': (4,)"))
    }

    @Test func truncatedDataIsAnError() throws {
        let data = try Data(contentsOf: Fixtures.url("arange_over4.npy"))
        #expect(throws: NeuralError.self) { _ = try NPY.decode(data.dropLast(3)) }
    }
}
