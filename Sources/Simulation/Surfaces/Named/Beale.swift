/// Beale's function: f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at (3, ½).
///
/// Flat plateaus next to steep walls that rise towards the corners: a test of step-size adaptation.
///
/// With tₖ the k-th bracket: ∂f/∂x = Σ 2tₖ(yᵏ − 1),  ∂f/∂y = Σ 2tₖ·k·x·yᵏ⁻¹.
public struct Beale: Surface {
    /// The surface; it has no parameters.
    public init() {}

    public var name: String { "beale" }
    public var formula: String { "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2" }
    public var view: ViewWindow { .square(4.5) }
    public var start: SIMD2<Double> { SIMD2(-1, 1.5) }
    public var minima: [SIMD2<Double>] { [SIMD2(3, 0.5)] }

    public func value(at p: SIMD2<Double>) -> Double {
        let (x, y) = (p.x, p.y)
        let t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y * y, t3 = 2.625 - x + x * y * y * y
        return t1 * t1 + t2 * t2 + t3 * t3
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        let (x, y) = (p.x, p.y)
        let y2 = y * y, y3 = y2 * y
        let t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3
        return SIMD2(2 * t1 * (y - 1) + 2 * t2 * (y2 - 1) + 2 * t3 * (y3 - 1),
                     2 * t1 * x + 4 * t2 * x * y + 6 * t3 * x * y2)
    }
}
