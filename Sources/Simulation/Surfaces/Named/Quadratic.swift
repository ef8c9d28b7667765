/// The ill-conditioned bowl (a ravine): f(x, y) = ½(x² + κy²), minimum 0 at the origin.
///
/// The curvature across the ravine is κ times the curvature along it, so a learning rate small enough
/// to be stable across (η < 2/κ) is slow along: the classic case for momentum.
///
/// ∇f = (x, κy).
public struct Quadratic: Surface {
    public var conditionNumber: Double

    /// - Parameter conditionNumber: κ, the ratio of the largest to the smallest curvature.
    public init(conditionNumber: Double = 10) {
        self.conditionNumber = conditionNumber
    }

    public var name: String { "quadratic(condition_number=\(formulaNumber(conditionNumber)))" }
    public var formula: String { "0.5*(x^2 + \(formulaNumber(conditionNumber))*y^2)" }
    public var view: ViewWindow { ViewWindow(x: -10...10, y: -5...5) }
    public var start: SIMD2<Double> { SIMD2(-8, 3) }
    public var minima: [SIMD2<Double>] { [SIMD2(0, 0)] }

    public func value(at p: SIMD2<Double>) -> Double {
        0.5 * (p.x * p.x + conditionNumber * p.y * p.y)
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        SIMD2(p.x, conditionNumber * p.y)
    }
}
