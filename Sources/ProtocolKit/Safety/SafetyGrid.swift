import Foundation
import StimulusKit

/// The display divided into analysis cells, each with its direction from the eye and the solid
/// angle it subtends. Flash analysis works on these cells rather than on single pixels: each cell
/// holds the mean linear RGB of the pixels it covers (what WCAG tools do on reduced frames).
public struct SafetyGrid: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    public let geometry: ViewingGeometry
    /// Unit vector from the eye to each cell's centre (x right, y up, z towards the screen), row-major.
    let directions: [SIMD3<Double>]
    /// Solid angle of each cell (sr): area·cos³θ / d² for a flat patch seen at θ from the line of sight.
    public let solidAngles: [Double]

    /// A grid whose cells are about `cellDeg` (deg) wide at the screen centre.
    public init(geometry: ViewingGeometry, cellDeg: Double = 0.5) {
        let ppd = geometry.pixelsPerDegree(.tangent)
        let columns = max(1, Int((Double(geometry.screenWidthPx) / ppd / cellDeg).rounded()))
        let rows = max(1, Int((Double(geometry.screenHeightPx) / ppd / cellDeg).rounded()))
        self.init(geometry: geometry, columns: columns, rows: rows)
    }

    /// A grid of `columns × rows` equal cells over the screen.
    public init(geometry: ViewingGeometry, columns: Int, rows: Int) {
        self.geometry = geometry
        self.columns = columns
        self.rows = rows
        let cmPerPx = geometry.screenWidthCm / Double(geometry.screenWidthPx)
        let cellWidthCm = Double(geometry.screenWidthPx) / Double(columns) * cmPerPx
        let cellHeightCm = Double(geometry.screenHeightPx) / Double(rows) * cmPerPx
        let d = geometry.distanceCm
        var directions: [SIMD3<Double>] = []
        var solidAngles: [Double] = []
        for row in 0..<rows {
            // Row 0 is the top of the screen.
            let y = (Double(geometry.screenHeightPx) / 2 - (Double(row) + 0.5) * Double(geometry.screenHeightPx) / Double(rows)) * cmPerPx
            for column in 0..<columns {
                let x = ((Double(column) + 0.5) * Double(geometry.screenWidthPx) / Double(columns) - Double(geometry.screenWidthPx) / 2) * cmPerPx
                let r = (x * x + y * y + d * d).squareRoot()
                directions.append(SIMD3(x / r, y / r, d / r))
                let cosTheta = d / r
                solidAngles.append(cellWidthCm * cellHeightCm * cosTheta * cosTheta * cosTheta / (d * d))
            }
        }
        self.directions = directions
        self.solidAngles = solidAngles
    }

    public var cellCount: Int { columns * rows }

    /// Angle between the lines of sight to two cells (deg).
    func separationDeg(_ a: Int, _ b: Int) -> Double {
        let dot = min(1, max(-1, (directions[a] * directions[b]).sum()))
        return acos(dot) * 180 / .pi
    }

    /// Cell index range (inclusive) of columns and rows that can lie within `radiusDeg` of `cell`:
    /// a conservative box using the smallest cell extent in degrees (at the screen's corners).
    func neighbourhood(of cell: Int, radiusDeg: Double) -> (columns: ClosedRange<Int>, rows: ClosedRange<Int>) {
        let cmPerPx = geometry.screenWidthCm / Double(geometry.screenWidthPx)
        let cellCm = min(Double(geometry.screenWidthPx) / Double(columns), Double(geometry.screenHeightPx) / Double(rows)) * cmPerPx
        let halfW = geometry.screenWidthCm / 2, halfH = Double(geometry.screenHeightPx) * cmPerPx / 2
        let farthest = (halfW * halfW + halfH * halfH + geometry.distanceCm * geometry.distanceCm).squareRoot()
        // Smallest angular size of a cell: at the corner, s·cos²θ / d (distance d/cosθ, foreshortening cosθ).
        let cosTheta = geometry.distanceCm / farthest
        let minCellDeg = atan(cellCm * cosTheta * cosTheta / geometry.distanceCm) * 180 / .pi
        let reach = Int((radiusDeg / max(minCellDeg, 1e-9)).rounded(.up)) + 1
        let column = cell % columns, row = cell / columns
        return (max(0, column - reach)...min(columns - 1, column + reach), max(0, row - reach)...min(rows - 1, row + reach))
    }
}

extension SafetyGrid {
    /// Angle between the line of sight to the screen centre and to `cell` (deg).
    func eccentricityDeg(_ cell: Int) -> Double {
        acos(min(1, max(-1, directions[cell].z))) * 180 / .pi
    }
}
