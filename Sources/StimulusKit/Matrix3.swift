/// A 3×3 matrix of Double, row-major, for colour-space conversions.
public struct Matrix3: Sendable, Equatable, Codable {
    /// Rows, top first.
    public var rows: [SIMD3<Double>]

    public init(rows: [SIMD3<Double>]) {
        precondition(rows.count == 3, "Matrix3 needs 3 rows")
        self.rows = rows
    }

    /// A matrix whose columns are `c0`, `c1`, `c2`.
    public init(columns c0: SIMD3<Double>, _ c1: SIMD3<Double>, _ c2: SIMD3<Double>) {
        self.rows = [SIMD3(c0.x, c1.x, c2.x), SIMD3(c0.y, c1.y, c2.y), SIMD3(c0.z, c1.z, c2.z)]
    }

    public static func * (m: Matrix3, v: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3((m.rows[0] * v).sum(), (m.rows[1] * v).sum(), (m.rows[2] * v).sum())
    }

    public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
        let bt = b.transposed
        return Matrix3(rows: a.rows.map { r in SIMD3((r * bt.rows[0]).sum(), (r * bt.rows[1]).sum(), (r * bt.rows[2]).sum()) })
    }

    public var transposed: Matrix3 { Matrix3(columns: rows[0], rows[1], rows[2]) }

    public var determinant: Double {
        let (a, b, c) = (rows[0], rows[1], rows[2])
        return a.x * (b.y * c.z - b.z * c.y) - a.y * (b.x * c.z - b.z * c.x) + a.z * (b.x * c.y - b.y * c.x)
    }

    /// The inverse (cofactor formula); nil when the matrix is singular.
    public var inverse: Matrix3? {
        let d = determinant
        guard abs(d) > 1e-300, d.isFinite else { return nil }
        let (a, b, c) = (rows[0], rows[1], rows[2])
        // Columns of the inverse are cross products of the rows, divided by the determinant.
        func cross(_ u: SIMD3<Double>, _ v: SIMD3<Double>) -> SIMD3<Double> {
            SIMD3(u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x)
        }
        return Matrix3(columns: cross(b, c) / d, cross(c, a) / d, cross(a, b) / d)
    }
}
