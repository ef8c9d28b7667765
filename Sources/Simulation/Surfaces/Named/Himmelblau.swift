/// Himmelblau's function: f(x, y) = (x² + y − 11)² + (x + y² − 7)², with four minima of value 0.
///
/// Which minimum a descent reaches depends on where it starts: a picture of basins of attraction.
/// Minima: (3, 2), (−2.805118, 3.131312), (−3.779310, −3.283186), (3.584428, −1.848126).
///
/// With u = x² + y − 11 and v = x + y² − 7: ∇f = (4xu + 2v, 2u + 4yv).
public struct Himmelblau: Surface {
    /// The surface; it has no parameters.
    public init() {}

    public var name: String { "himmelblau" }
    public var formula: String { "(x^2 + y - 11)^2 + (x + y^2 - 7)^2" }
    public var view: ViewWindow { .square(5) }
    public var start: SIMD2<Double> { SIMD2(0, 0) }
    public var minima: [SIMD2<Double>] {
        [SIMD2(3, 2), SIMD2(-2.805118, 3.131312), SIMD2(-3.779310, -3.283186), SIMD2(3.584428, -1.848126)]
    }

    public func value(at p: SIMD2<Double>) -> Double {
        let u = p.x * p.x + p.y - 11, v = p.x + p.y * p.y - 7
        return u * u + v * v
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        let u = p.x * p.x + p.y - 11, v = p.x + p.y * p.y - 7
        return SIMD2(4 * p.x * u + 2 * v, 2 * u + 4 * p.y * v)
    }
}
