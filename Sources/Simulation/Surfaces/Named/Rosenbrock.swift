/// Rosenbrock's banana valley: f(x, y) = (a − x)² + b(y − x²)², minimum 0 at (a, a²).
///
/// The minimum lies at the bottom of a long curved valley with a nearly flat floor; plain gradient
/// descent finds the valley at once and then crawls along it.
///
/// ∇f = (−2(a − x) − 4bx(y − x²),  2b(y − x²)).
public struct Rosenbrock: Surface {
    public var a: Double
    public var b: Double

    /// - Parameters:
    ///   - a: the minimum is at (a, a²).
    ///   - b: the steepness of the valley walls.
    public init(a: Double = 1, b: Double = 100) {
        self.a = a
        self.b = b
    }

    public var name: String { "rosenbrock(a=\(formulaNumber(a)), b=\(formulaNumber(b)))" }
    public var formula: String { "(\(formulaNumber(a)) - x)^2 + \(formulaNumber(b))*(y - x^2)^2" }
    /// x ∈ [−2, 2], y ∈ [−1, 3], widened when needed to keep the minimum (a, a²) a unit inside.
    public var view: ViewWindow {
        ViewWindow(x: Swift.min(-2, a - 1)...Swift.max(2, a + 1), y: Swift.min(-1, a * a - 1)...Swift.max(3, a * a + 1))
    }
    public var start: SIMD2<Double> { SIMD2(-1.5, 2.5) }
    public var minima: [SIMD2<Double>] { [SIMD2(a, a * a)] }

    public func value(at p: SIMD2<Double>) -> Double {
        let u = a - p.x, v = p.y - p.x * p.x
        return u * u + b * v * v
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        let u = a - p.x, v = p.y - p.x * p.x
        return SIMD2(-2 * u - 4 * b * p.x * v, 2 * b * v)
    }
}
