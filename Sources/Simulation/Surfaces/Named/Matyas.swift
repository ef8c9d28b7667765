/// Matyas' function: f(x, y) = 0.26(x² + y²) − 0.48xy, minimum 0 at the origin.
///
/// A shallow bowl stretched along the diagonal: small gradients everywhere, a test of patience.
///
/// ∇f = (0.52x − 0.48y,  0.52y − 0.48x).
public struct Matyas: Surface {
    /// The surface; it has no parameters.
    public init() {}

    public var name: String { "matyas" }
    public var formula: String { "0.26*(x^2 + y^2) - 0.48*x*y" }
    public var view: ViewWindow { .square(10) }
    public var start: SIMD2<Double> { SIMD2(7, -4) }
    public var minima: [SIMD2<Double>] { [SIMD2(0, 0)] }

    public func value(at p: SIMD2<Double>) -> Double {
        0.26 * (p.x * p.x + p.y * p.y) - 0.48 * p.x * p.y
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        SIMD2(0.52 * p.x - 0.48 * p.y, 0.52 * p.y - 0.48 * p.x)
    }
}
