import Foundation

extension PainterBuilder {
    /// The painter of an illusion pattern: its figure's shapes converted to pixels over the stimulus background.
    func illusionPainter(_ illusion: Illusion, rect: PixelRect, path: String) throws -> any Painter {
        let figure = try IllusionFigure(illusion, maxLuminanceCdM2: profile.maxLuminanceCdM2, time: time, path: path)
        let elements = try figure.shapes.map { try element($0, path: path) }
        return FigurePainter(rect: rect, background: SIMD3<Float>(background), elements: elements)
    }

    /// One shape in pixels (y up from the pattern centre), with the rows it can touch.
    func element(_ shape: FigureShape, path: String) throws -> FigureElement {
        let k = Float(pixelsPerDegree)
        func px(_ p: FigurePoint) -> SIMD2<Float> { SIMD2<Float>(p) * k }
        func make(_ c: FigurePoint, _ g: FigureElement.Geometry, _ colour: SIMD3<Float>, reach: Double) -> FigureElement {
            let cy = Float(c.y) * k, r = Float(reach) * k + 1
            return FigureElement(centre: px(c), geometry: g, colour: colour, yMin: cy - r, yMax: cy + r)
        }
        switch shape {
        case let .rectangle(c, w, h, angle, colour):
            let a = angle * .pi / 180
            return make(c, .box(half: SIMD2(Float(w), Float(h)) * k / 2, cos: Float(cos(a)), sin: Float(sin(a))),
                        try self.colour(colour, path), reach: (w * w + h * h).squareRoot() / 2)
        case let .disc(c, diameter, colour):
            return make(c, .disc(radius: Float(diameter / 2) * k), try self.colour(colour, path), reach: diameter / 2)
        case let .ring(c, diameter, width, colour):
            return make(c, .ring(radius: Float(diameter / 2) * k, halfWidth: Float(width / 2) * k), try self.colour(colour, path),
                        reach: (diameter + width) / 2)
        case let .polygon(vertices, colour):
            var normals: [SIMD2<Float>] = [], offsets: [Float] = []
            let centroid = vertices.reduce(FigurePoint(0, 0), +) / Double(vertices.count)
            for i in vertices.indices {
                let p = vertices[i] - centroid, q = vertices[(i + 1) % vertices.count] - centroid
                let e = q - p, n = FigurePoint(e.y, -e.x) / (e * e).sum().squareRoot()
                normals.append(SIMD2<Float>(n))
                offsets.append(Float((n * p).sum()) * k)
            }
            let reach = vertices.map { v in ((v - centroid) * (v - centroid)).sum().squareRoot() }.max() ?? 0
            return make(centroid, .polygon(normals: normals, offsets: offsets), try self.colour(colour, path), reach: reach)
        case let .grating(c, inner, outer, orientation, cpd, mean, contrast):
            let normal = (orientation + 90) * .pi / 180
            let kv = SIMD2<Float>(Float(cos(normal)), Float(sin(normal))) * Float(cpd) / k
            return make(c, .grating(inner: Float(inner / 2) * k, outer: Float(outer / 2) * k, k: kv, mean: Float(mean), contrast: Float(contrast)),
                        .zero, reach: outer / 2)
        case let .sectorRing(c, inner, outer, count, luminances, start):
            return make(c, .sectors(inner: Float(inner / 2) * k, outer: Float(outer / 2) * k, count: count, luminances: luminances.map { Float($0) },
                                    start: Float(start * .pi / 180)), .zero, reach: outer / 2)
        case let .luminanceProfile(c, w, h, knots):
            return make(c, .profile(half: SIMD2(Float(w), Float(h)) * k / 2, xs: knots.map { Float($0.x - c.x) * k }, luminances: knots.map { Float($0.y) }),
                        .zero, reach: (w * w + h * h).squareRoot() / 2)
        }
    }
}
