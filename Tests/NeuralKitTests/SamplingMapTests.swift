import Foundation
import StimulusKit
import Testing
@testable import NeuralKit

/// Lucid's transforms as sampling maps: values worked by hand, and each adjoint by the dot-product
/// identity ⟨M x, g⟩ = ⟨x, Mᵀ g⟩.
@Suite struct SamplingMapTests {
    /// A 3×4 image whose pixel (row, column) holds 10·row + column, in two channels (the second negated).
    let image: [Float] = (0..<12).map { Float(10 * ($0 / 4) + $0 % 4) } + (0..<12).map { -Float(10 * ($0 / 4) + $0 % 4) }

    func dotProductGap(_ map: SamplingMap, seed: UInt64) -> Double {
        let x = seededTensor([2 * map.inputHeight * map.inputWidth], seed: seed).data
        let g = seededTensor([2 * map.outputHeight * map.outputWidth], seed: seed + 1).data
        // Without the constant part: apply to x minus apply to 0 is the linear part.
        let zero = map.apply([Float](repeating: 0, count: x.count), channels: 2)
        let linear = zip(map.apply(x, channels: 2), zero).map { $0 - $1 }
        let forward = zip(linear, g).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let backward = zip(x, map.adjoint(g, channels: 2)).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        return abs(forward - backward)
    }

    @Test func padSurroundsTheImageWithTheFill() {
        let padded = SamplingMap.pad(height: 3, width: 4, border: 1, fill: 0.5).apply(image, channels: 2)
        #expect(padded.count == 2 * 5 * 6)
        #expect(padded[0] == 0.5 && padded[5] == 0.5 && padded[29] == 0.5)
        #expect(padded[1 * 6 + 1] == 0 && padded[3 * 6 + 4] == 23)
        #expect(padded[30 + 3 * 6 + 4] == -23)
    }

    @Test func cropTakesTheWindow() {
        let cropped = SamplingMap.crop(height: 3, width: 4, top: 1, left: 2, size: (2, 2)).apply(image, channels: 2)
        #expect(cropped == [12, 13, 22, 23, -12, -13, -22, -23])
    }

    @Test func resizeIsTensorFlowsBilinear() {
        // Doubling 3×4 → 6×8: output (r, c) reads input (r/2, c/2); the last row and column clamp.
        let resized = SamplingMap.resize(height: 3, width: 4, to: (6, 8)).apply(image, channels: 1)
        #expect(resized[0] == 0 && resized[1] == 0.5 && resized[2] == 1)
        #expect(resized[1 * 8 + 0] == 5)
        #expect(resized[5 * 8 + 7] == 23)
        #expect(SamplingMap.resize(height: 3, width: 4, to: (3, 4)).apply(image, channels: 2) == image)
    }

    @Test func rotatingByAQuarterTurnMovesEveryPixelExactly() {
        // 3×3, counter-clockwise 90°: the top-right corner goes to the top-left.
        let square: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        let rotated = SamplingMap.rotate(height: 3, width: 3, degrees: 90).apply(square, channels: 1)
        #expect(zip(rotated, [3, 6, 9, 2, 5, 8, 1, 4, 7] as [Float]).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(SamplingMap.rotate(height: 3, width: 4, degrees: 0).apply(image, channels: 2) == image)
    }

    @Test func everyAdjointIsTheTranspose() {
        #expect(dotProductGap(.pad(height: 5, width: 6, border: 2, fill: 0.5), seed: 1) < 1e-4)
        #expect(dotProductGap(.crop(height: 5, width: 6, top: 1, left: 2, size: (3, 3)), seed: 3) < 1e-4)
        #expect(dotProductGap(.resize(height: 5, width: 6, to: (7, 5)), seed: 5) < 1e-4)
        #expect(dotProductGap(.rotate(height: 7, width: 6, degrees: 7), seed: 7) < 1e-4)
    }

    @Test func standardTransformsShrinkAndGrowTheImageAsLucidsDo() {
        var random = SeededGenerator(seed: 1)
        for _ in 0..<20 {
            let maps = RandomTransforms.draw(height: 64, width: 64, random: &random)
            #expect(maps.map(\.outputHeight).prefix(2) == [88, 80])
            let scaled = maps[2].outputHeight
            #expect((72...88).contains(scaled))
            #expect(maps[4].outputHeight == scaled - 4 && maps[4].outputWidth == scaled - 4)
            for (a, b) in zip(maps, maps.dropFirst()) { #expect(a.outputHeight == b.inputHeight && a.outputWidth == b.inputWidth) }
        }
    }
}
