import Foundation

/// The inverse real 2-D discrete Fourier transform of an H × W image (numpy's `irfft2(X, s=(H, W))`)
/// and its adjoint, as two matrix products each on OpenBLAS.
///
/// The half spectrum X[ky, kx] has ky in 0..<H and kx in 0...W/2 (`frequencies` columns);
/// image[y, x] = (1 / HW) Σ_ky Σ_kx c_kx · Re(X[ky, kx] · e^{2πi (ky·y/H + kx·x/W)}), with c_kx = 1 for
/// kx = 0 and for kx = W/2 when W is even (the columns numpy's `irfft` takes the real part of), 2 otherwise.
/// First the complex transform along y: Z = E_y · X; then the real one along x.
struct InverseRealDFT2D: Sendable {
    let height: Int
    let width: Int
    /// Columns of the half spectrum: W/2 + 1.
    var frequencies: Int { width / 2 + 1 }

    /// [H × H]: cos and sin of 2π·ky·y/H, row y, column ky.
    private let cosY: [Float], sinY: [Float]
    /// [frequencies × W]: c_kx · cos and c_kx · sin of 2π·kx·x/W, divided by H·W; row kx, column x.
    private let cosX: [Float], sinX: [Float]

    init(height: Int, width: Int) {
        self.height = height
        self.width = width
        let f = width / 2 + 1
        var cy = [Float](repeating: 0, count: height * height), sy = cy
        for y in 0..<height {
            for ky in 0..<height {
                // (ky·y) mod H keeps the angle small, so Float rounding does not grow with the size.
                let angle = 2 * Double.pi * Double(ky * y % height) / Double(height)
                cy[y * height + ky] = Float(cos(angle))
                sy[y * height + ky] = Float(sin(angle))
            }
        }
        var cx = [Float](repeating: 0, count: f * width), sx = cx
        for kx in 0..<f {
            let weight = (kx == 0 || 2 * kx == width ? 1.0 : 2.0) / Double(height * width)
            for x in 0..<width {
                let angle = 2 * Double.pi * Double(kx * x % width) / Double(width)
                cx[kx * width + x] = Float(weight * cos(angle))
                sx[kx * width + x] = Float(weight * sin(angle))
            }
        }
        (cosY, sinY, cosX, sinX) = (cy, sy, cx, sx)
    }

    /// The image [H × W] (row-major) of the half spectrum with real and imaginary parts
    /// `real`, `imaginary` [H × frequencies].
    func image(real: [Float], imaginary: [Float]) -> [Float] {
        let (h, w, f) = (height, width, frequencies)
        let blas = OpenBLAS.shared
        // Z = E_y X: Zr = C Xr − S Xi, Zi = S Xr + C Xi.
        var zr = [Float](repeating: 0, count: h * f), zi = zr
        blas.sgemm(transA: false, transB: false, m: h, n: f, k: h, a: cosY, b: real, beta: 0, c: &zr)
        blas.sgemm(transA: false, transB: false, m: h, n: f, k: h, alpha: -1, a: sinY, b: imaginary, beta: 1, c: &zr)
        blas.sgemm(transA: false, transB: false, m: h, n: f, k: h, a: sinY, b: real, beta: 0, c: &zi)
        blas.sgemm(transA: false, transB: false, m: h, n: f, k: h, a: cosY, b: imaginary, beta: 1, c: &zi)
        // image = Re(Z e^{2πi kx x/W}) weighted: Zr Cx − Zi Sx.
        var out = [Float](repeating: 0, count: h * w)
        blas.sgemm(transA: false, transB: false, m: h, n: w, k: f, a: zr, b: cosX, beta: 0, c: &out)
        blas.sgemm(transA: false, transB: false, m: h, n: w, k: f, alpha: -1, a: zi, b: sinX, beta: 1, c: &out)
        return out
    }

    /// The adjoint of `image`: for a gradient `g` [H × W] with respect to the image, the gradients
    /// with respect to the spectrum's real and imaginary parts [H × frequencies].
    func adjoint(_ g: [Float]) -> (real: [Float], imaginary: [Float]) {
        let (h, w, f) = (height, width, frequencies)
        let blas = OpenBLAS.shared
        var dzr = [Float](repeating: 0, count: h * f), dzi = dzr
        blas.sgemm(transA: false, transB: true, m: h, n: f, k: w, a: g, b: cosX, beta: 0, c: &dzr)
        blas.sgemm(transA: false, transB: true, m: h, n: f, k: w, alpha: -1, a: g, b: sinX, beta: 0, c: &dzi)
        // dXr = Cᵀ dZr + Sᵀ dZi, dXi = −Sᵀ dZr + Cᵀ dZi.
        var real = [Float](repeating: 0, count: h * f), imaginary = real
        blas.sgemm(transA: true, transB: false, m: h, n: f, k: h, a: cosY, b: dzr, beta: 0, c: &real)
        blas.sgemm(transA: true, transB: false, m: h, n: f, k: h, a: sinY, b: dzi, beta: 1, c: &real)
        blas.sgemm(transA: true, transB: false, m: h, n: f, k: h, alpha: -1, a: sinY, b: dzr, beta: 0, c: &imaginary)
        blas.sgemm(transA: true, transB: false, m: h, n: f, k: h, a: cosY, b: dzi, beta: 1, c: &imaginary)
        return (real, imaginary)
    }
}
