/// The saddle: f(x, y) = x² − y², with a stationary point at the origin that is not a minimum.
///
/// A descent started on the x-axis stalls at the saddle; the smallest offset in y lets it escape, slowly
/// at first. There is no minimum: the loss falls without bound along y.
///
/// ∇f = (2x, −2y).
public struct Saddle: Surface {
    /// The surface; it has no parameters.
    public init() {}

    public var name: String { "saddle" }
    public var formula: String { "x^2 - y^2" }
    public var view: ViewWindow { .square(2) }
    public var start: SIMD2<Double> { SIMD2(-1.8, 0.05) }

    public func value(at p: SIMD2<Double>) -> Double {
        p.x * p.x - p.y * p.y
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        SIMD2(2 * p.x, -2 * p.y)
    }
}
