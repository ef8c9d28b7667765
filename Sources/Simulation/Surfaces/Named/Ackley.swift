#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ackley's function: f(x, y) = −a·exp(−b·√(½(x² + y²))) − exp(½(cos cx + cos cy)) + a + e, minimum 0 at
/// the origin.
///
/// A nearly flat outer region full of small dimples around one deep funnel.
///
/// With r = √(½(x² + y²)): ∂f/∂x = a·b·e^(−br)·x/(2r) + (c/2)·sin(cx)·exp(½(cos cx + cos cy)), and likewise
/// for y. At the origin, where r has no derivative, the first term is taken as 0 (its limit along any line
/// is bounded, and 0 is the subgradient a minimiser needs).
public struct Ackley: Surface {
    public var a: Double
    public var b: Double
    public var c: Double

    /// - Parameters:
    ///   - a: the depth of the funnel.
    ///   - b: its width.
    ///   - c: the frequency of the dimples.
    public init(a: Double = 20, b: Double = 0.2, c: Double = 2 * .pi) {
        self.a = a
        self.b = b
        self.c = c
    }

    public var name: String { "ackley(a=\(formulaNumber(a)), b=\(formulaNumber(b)), c=\(formulaNumber(c)))" }
    public var formula: String {
        let (a, b, c) = (formulaNumber(a), formulaNumber(b), cText)
        return "-\(a)*exp(-\(b)*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(\(c)*x) + cos(\(c)*y))) + \(a) + e"
    }
    public var view: ViewWindow { .square(5) }
    public var start: SIMD2<Double> { SIMD2(3.2, 2.7) }
    public var minima: [SIMD2<Double>] { [SIMD2(0, 0)] }

    /// c as text: `2*pi` for the default, so that the formula reads as it is usually written.
    private var cText: String { c == 2 * .pi ? "2*pi" : formulaNumber(c) }

    public func value(at p: SIMD2<Double>) -> Double {
        let r = (0.5 * (p.x * p.x + p.y * p.y)).squareRoot()
        return -a * exp(-b * r) - exp(0.5 * (cos(c * p.x) + cos(c * p.y))) + a + M_E
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        let r = (0.5 * (p.x * p.x + p.y * p.y)).squareRoot()
        let radial = r > 0 ? a * b * exp(-b * r) / (2 * r) : 0
        let wave = 0.5 * c * exp(0.5 * (cos(c * p.x) + cos(c * p.y)))
        return SIMD2(radial * p.x + wave * sin(c * p.x), radial * p.y + wave * sin(c * p.y))
    }
}
