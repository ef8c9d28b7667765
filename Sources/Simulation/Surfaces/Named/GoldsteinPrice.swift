/// The Goldstein–Price function, minimum 3 at (0, −1):
///
/// ```
/// f(x, y) = [1 + (x + y + 1)²·(19 − 14x + 3x² − 14y + 6xy + 3y²)]
///         · [30 + (2x − 3y)²·(18 − 32x + 12x² + 48y − 36xy + 27y²)]
/// ```
///
/// Several local minima and values spanning six orders of magnitude (plot it with log-spaced contours).
/// Written A·B with u = x + y + 1, P the first polynomial, v = 2x − 3y, Q the second:
/// ∂A/∂x = ∂A/∂y = 2uP + u²(6x + 6y − 14); ∂B/∂x = 4vQ + v²(24x − 36y − 32); ∂B/∂y = −6vQ + v²(54y − 36x + 48);
/// ∇f = B·∇A + A·∇B.
public struct GoldsteinPrice: Surface {
    /// The surface; it has no parameters.
    public init() {}

    public var name: String { "goldstein_price" }
    public var formula: String {
        "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))"
            + "*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))"
    }
    public var view: ViewWindow { ViewWindow(x: -2...2, y: -3...1) }
    public var start: SIMD2<Double> { SIMD2(1.5, -0.5) }
    public var minima: [SIMD2<Double>] { [SIMD2(0, -1)] }

    private func parts(_ p: SIMD2<Double>) -> (a: Double, b: Double, da: SIMD2<Double>, db: SIMD2<Double>) {
        let (x, y) = (p.x, p.y)
        let u = x + y + 1, v = 2 * x - 3 * y
        let pp = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y
        let q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y
        let a = 1 + u * u * pp, b = 30 + v * v * q
        let dA = 2 * u * pp + u * u * (6 * x + 6 * y - 14)
        let da = SIMD2(dA, dA)
        let db = SIMD2(4 * v * q + v * v * (24 * x - 36 * y - 32), -6 * v * q + v * v * (54 * y - 36 * x + 48))
        return (a, b, da, db)
    }

    public func value(at p: SIMD2<Double>) -> Double {
        let (a, b, _, _) = parts(p)
        return a * b
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        let (a, b, da, db) = parts(p)
        return b * da + a * db
    }
}
