/// The six-hump camel function: f(x, y) = (4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y².
///
/// Six local minima; the two global ones (≈ −1.0316) are at ±(0.0898, −0.7127).
///
/// ∇f = (8x − 8.4x³ + 2x⁵ + y,  x − 8y + 16y³).
public struct SixHumpCamel: Surface {
    /// The surface; it has no parameters.
    public init() {}

    public var name: String { "six_hump_camel" }
    public var formula: String { "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2" }
    public var view: ViewWindow { ViewWindow(x: -3...3, y: -2...2) }
    public var start: SIMD2<Double> { SIMD2(-2, 1.5) }
    public var minima: [SIMD2<Double>] {
        [SIMD2(0.08984201368301331, -0.7126564032704135), SIMD2(-0.08984201368301331, 0.7126564032704135)]
    }

    public func value(at p: SIMD2<Double>) -> Double {
        let x2 = p.x * p.x, y2 = p.y * p.y
        return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + p.x * p.y + (-4 + 4 * y2) * y2
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        let x2 = p.x * p.x
        return SIMD2(8 * p.x - 8.4 * x2 * p.x + 2 * x2 * x2 * p.x + p.y, p.x - 8 * p.y + 16 * p.y * p.y * p.y)
    }
}
