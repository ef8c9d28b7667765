/// Booth's function: f(x, y) = (x + 2y − 7)² + (2x + y − 5)², minimum 0 at (1, 3).
///
/// A tilted quadratic bowl: the easy case every optimizer should solve.
///
/// With u = x + 2y − 7 and v = 2x + y − 5: ∇f = (2u + 4v, 4u + 2v).
public struct Booth: Surface {
    /// The surface; it has no parameters.
    public init() {}

    public var name: String { "booth" }
    public var formula: String { "(x + 2*y - 7)^2 + (2*x + y - 5)^2" }
    public var view: ViewWindow { .square(10) }
    public var start: SIMD2<Double> { SIMD2(-8, -6) }
    public var minima: [SIMD2<Double>] { [SIMD2(1, 3)] }

    public func value(at p: SIMD2<Double>) -> Double {
        let u = p.x + 2 * p.y - 7, v = 2 * p.x + p.y - 5
        return u * u + v * v
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        let u = p.x + 2 * p.y - 7, v = 2 * p.x + p.y - 5
        return SIMD2(2 * u + 4 * v, 4 * u + 2 * v)
    }
}
