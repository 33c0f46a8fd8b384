import Foundation
import StimulusKit

/// How an image becomes a model's input tensor. Every field is recorded in the activations
/// manifest, so that a run can be repeated and compared with thingsvision's.
///
/// Pixel values are the display-encoded (gamma-corrected) 8-bit values the participant's screen
/// received, as in a photograph of it or a PNG export: v = byte / 255 · scale, then
/// (v − mean) / std per channel, in `channelOrder`.
public struct Preprocessing: Codable, Sendable, Equatable {
    public enum ChannelOrder: String, Codable, Sendable, CaseIterable { case rgb, bgr }

    /// Side of the square model input (px).
    public var inputSize: Int
    /// Visual angle the model's input spans (deg); stimuli are rendered at inputSize / fieldOfView px/deg.
    public var fieldOfViewDeg: Double
    /// PNG inputs only: the shorter side is first resized to this (px), then the centre
    /// inputSize × inputSize is cropped (torchvision's Resize + CenterCrop).
    public var resizeTo: Int
    /// Multiplier on byte / 255 before normalisation: 1 for torchvision models, 255 for Caffe ones.
    public var scale: Float
    /// Per-channel mean and standard deviation subtracted and divided, in the model's channel order.
    public var mean: [Float]
    public var std: [Float]
    public var channelOrder: ChannelOrder

    /// `resizeTo` nil: inputSize · 256/224 (torchvision's 256 for 224).
    public init(inputSize: Int = 224, fieldOfViewDeg: Double = 8, resizeTo: Int? = nil, scale: Float = 1,
                mean: [Float] = [0.485, 0.456, 0.406], std: [Float] = [0.229, 0.224, 0.225], channelOrder: ChannelOrder = .rgb) {
        self.inputSize = inputSize
        self.fieldOfViewDeg = fieldOfViewDeg
        self.resizeTo = resizeTo ?? Int((Double(inputSize) * 256 / 224).rounded())
        self.scale = scale
        self.mean = mean
        self.std = std
        self.channelOrder = channelOrder
    }

    /// torchvision's ImageNet preprocessing (as thingsvision applies it): 224 px, resize to 256,
    /// RGB, mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225); inputs span 8 deg (Brain-Score).
    public static let imageNet = Preprocessing()

    /// Throws naming the field at fault.
    public func validate() throws {
        guard inputSize >= 1 else { throw NeuralError("preprocessing: input size must be at least 1 px, got \(inputSize)") }
        guard resizeTo >= inputSize else { throw NeuralError("preprocessing: resize (\(resizeTo) px) must be at least the input size (\(inputSize) px)") }
        guard fieldOfViewDeg > 0, fieldOfViewDeg < 180 else { throw NeuralError("preprocessing: field of view must be in (0, 180) deg, got \(fieldOfViewDeg)") }
        guard mean.count == 3, std.count == 3 else { throw NeuralError("preprocessing: mean and std need 3 values each (one per channel)") }
        guard std.allSatisfy({ $0 > 0 }) else { throw NeuralError("preprocessing: std values must be positive, got \(std)") }
    }

    /// Pixels per degree of the model's input (px/deg).
    public var pixelsPerDegree: Double { Double(inputSize) / fieldOfViewDeg }

    /// A viewing geometry whose uniform (small-angle) pixels per degree put `fieldOfViewDeg`
    /// across `inputSize` px, for rendering stimuli as the model sees them.
    public var geometry: ViewingGeometry {
        let distanceCm = 57.0
        let pixelsPerCm = pixelsPerDegree / (distanceCm * Double.pi / 180)
        return ViewingGeometry(screenWidthCm: Double(inputSize) / pixelsPerCm, screenWidthPx: inputSize,
                               screenHeightPx: inputSize, distanceCm: distanceCm)
    }

    /// A stimulus rendered over the model's field and encoded through `profile`, as a [1, 3, S, S] tensor.
    public func tensor(rendering spec: StimulusSpec, profile: MonitorProfile) throws -> Tensor {
        let renderer = StimulusRenderer(geometry: geometry, profile: profile, mapping: .smallAngle)
        return tensor(display: try renderer.renderDisplay(spec, width: inputSize, height: inputSize))
    }

    /// An image (e.g. a PNG) resized so its shorter side is `resizeTo`, centre-cropped to the
    /// input size, as a [1, 3, S, S] tensor.
    public func tensor(image: DisplayImage) -> Tensor {
        let shorter = min(image.width, image.height)
        let factor = Double(resizeTo) / Double(shorter)
        let width = image.width == shorter ? resizeTo : Int((Double(image.width) * factor).rounded())
        let height = image.height == shorter ? resizeTo : Int((Double(image.height) * factor).rounded())
        let resized = ImageResampling.bilinear(image, width: width, height: height)
        return tensor(display: ImageResampling.centreCrop(resized, width: inputSize, height: inputSize))
    }

    /// An image already at the input size, as a [1, 3, S, S] tensor.
    public func tensor(display image: DisplayImage) -> Tensor {
        let pixels = image.width * image.height
        var t = Tensor(shape: [1, 3, image.height, image.width])
        for channel in 0..<3 {
            let source = channelOrder == .rgb ? channel : 2 - channel
            for p in 0..<pixels {
                let v = Float(image.pixels[p * 4 + source]) / 255 * scale
                t.data[channel * pixels + p] = (v - mean[channel]) / std[channel]
            }
        }
        return t
    }
}
