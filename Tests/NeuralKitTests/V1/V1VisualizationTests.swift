import Foundation
import StimulusKit
import Testing
@testable import NeuralKit

/// Feature visualisation on the V1 graph, checked by what the units are known to prefer: the image
/// made for an orientation-tuned complex cell is a grating at that cell's orientation.
@Suite struct V1VisualizationTests {
    /// The dominant orientation (deg, 0…180, 0 = horizontal bars, counter-clockwise) of the image's
    /// luminance (sRGB bytes decoded, Rec. 709 weights 0.2126, 0.7152, 0.0722): the power-weighted mean
    /// of doubled frequency angles over the bins of its spectrum holding at least a tenth of the peak
    /// power (direct DFT, mean removed).
    static func dominantOrientationDeg(_ image: DisplayImage) -> Double {
        let n = image.width
        let weights = [0.2126, 0.7152, 0.0722]
        let luminance: [Double] = (0..<n * n).map { p in
            (0..<3).map { weights[$0] * TransferFunction.sRGB.decode(Double(image.pixels[4 * p + $0]) / 255) }.reduce(0, +)
        }
        let mean = luminance.reduce(0, +) / Double(n * n)
        // Rows first, then columns: F[ky][kx] = Σ_y Σ_x l[y][x] e^{−2πi(ky y + kx x)/n}.
        var rows = [[(Double, Double)]](repeating: [(Double, Double)](repeating: (0, 0), count: n), count: n)
        for y in 0..<n {
            for kx in 0..<n {
                for x in 0..<n {
                    let a = -2 * Double.pi * Double(kx * x) / Double(n)
                    rows[y][kx].0 += (luminance[y * n + x] - mean) * cos(a)
                    rows[y][kx].1 += (luminance[y * n + x] - mean) * sin(a)
                }
            }
        }
        var power = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for ky in 0..<n {
            for kx in 0..<n {
                var (re, im) = (0.0, 0.0)
                for y in 0..<n {
                    let a = -2 * Double.pi * Double(ky * y) / Double(n)
                    re += rows[y][kx].0 * cos(a) - rows[y][kx].1 * sin(a)
                    im += rows[y][kx].0 * sin(a) + rows[y][kx].1 * cos(a)
                }
                power[ky][kx] = re * re + im * im
            }
        }
        let peak = power.flatMap { $0 }.max()!
        var (c, s) = (0.0, 0.0)
        for ky in 0..<n {
            for kx in 0..<n where power[ky][kx] >= 0.1 * peak && (kx, ky) != (0, 0) {
                // Signed frequencies, y upwards (rows run down): bars at θ have frequency ∝ (−sin θ, cos θ).
                let fx = Double(kx < n / 2 ? kx : kx - n), fyUp = -Double(ky < n / 2 ? ky : ky - n)
                let theta = atan2(-fx, fyUp)
                c += power[ky][kx] * cos(2 * theta)
                s += power[ky][kx] * sin(2 * theta)
            }
        }
        let degrees = atan2(s, c) / 2 * 180 / Double.pi
        return degrees < 0 ? degrees + 180 : degrees
    }

    @Test func theOrientationMeasureReadsAGratingsOrientation() {
        // The measure itself, on gratings drawn by StimulusKit's convention (see V1ModelTests.grating).
        for orientation in [22.5, 135.0] {
            let g = V1ModelTests.grating(size: 64, ppd: 24, cpd: 3, orientationDeg: orientation)
            let bytes = g.pixels.enumerated().flatMap { $0.offset % 3 == 2 ? [UInt8($0.element * 255), 255] : [UInt8($0.element * 255)] }
            #expect(abs(Self.dominantOrientationDeg(DisplayImage(width: 64, height: 64, pixels: bytes)) - orientation) < 1)
        }
    }

    @Test(arguments: [(1, 22.5), (6, 135.0)])
    func aComplexCellsImageIsAGratingAtItsOrientation(_ channel: Int, _ orientationDeg: Double) throws {
        var c = V1ModelTests.small
        c.spatialFrequenciesCpd = [3]
        let model = try V1Model(configuration: c, profile: .standardSRGB, background: V1ModelTests.grey)
        let source = ModelSource.v1(model, display: .standardSRGB)
        var settings = VisualizationSettings()
        settings.sizePx = 64
        settings.steps = 96
        let visualization = try FeatureVisualization(network: try source.network(), layer: "complex@3cpd",
                                                     preprocessing: source.preprocessing(Preprocessing(inputSize: 64)))
        let result = try visualization.visualize(channel: channel, settings: settings)
        let measured = Self.dominantOrientationDeg(result.image)
        let difference = abs(measured - orientationDeg).truncatingRemainder(dividingBy: 180)
        let error = min(difference, 180 - difference)
        #expect(error < 6, "unit at \(orientationDeg)°: image at \(measured)°")
        #expect(result.objectives.suffix(8).reduce(0, +) > 2 * result.objectives.prefix(8).reduce(0, +))
    }
}
