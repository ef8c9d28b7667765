/// The Styblinski–Tang function: f(x, y) = ½((x⁴ − 16x² + 5x) + (y⁴ − 16y² + 5y)).
///
/// Each coordinate has two wells; the deeper one is at −2.903534, so the global minimum (≈ −78.33) is at
/// (−2.903534, −2.903534) and the other three corners are local minima.
///
/// ∇f = ½(4x³ − 32x + 5,  4y³ − 32y + 5).
public struct StyblinskiTang: Surface {
    /// The surface; it has no parameters.
    public init() {}

    public var name: String { "styblinski_tang" }
    public var formula: String { "0.5*((x^4 - 16*x^2 + 5*x) + (y^4 - 16*y^2 + 5*y))" }
    public var view: ViewWindow { .square(5) }
    public var start: SIMD2<Double> { SIMD2(0.3, 4.5) }
    public var minima: [SIMD2<Double>] { [SIMD2(-2.903534027771178, -2.903534027771178)] }

    public func value(at p: SIMD2<Double>) -> Double {
        let x2 = p.x * p.x, y2 = p.y * p.y
        return 0.5 * ((x2 * x2 - 16 * x2 + 5 * p.x) + (y2 * y2 - 16 * y2 + 5 * p.y))
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        0.5 * SIMD2(4 * p.x * p.x * p.x - 32 * p.x + 5, 4 * p.y * p.y * p.y - 32 * p.y + 5)
    }
}
