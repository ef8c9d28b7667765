#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rastrigin's function: f(x, y) = 2A + (x² − A cos 2πx) + (y² − A cos 2πy), minimum 0 at the origin.
///
/// A bowl covered in a regular grid of local minima: gradient methods stop in the nearest one.
///
/// ∇f = (2x + 2πA sin 2πx,  2y + 2πA sin 2πy).
public struct Rastrigin: Surface {
    public var amplitude: Double

    /// - Parameter amplitude: A, the depth of the ripples.
    public init(amplitude: Double = 10) {
        self.amplitude = amplitude
    }

    public var name: String { "rastrigin(A=\(formulaNumber(amplitude)))" }
    public var formula: String {
        let a = formulaNumber(amplitude)
        return "\(formulaNumber(2 * amplitude)) + (x^2 - \(a)*cos(2*pi*x)) + (y^2 - \(a)*cos(2*pi*y))"
    }
    public var view: ViewWindow { .square(5.12) }
    public var start: SIMD2<Double> { SIMD2(3.2, -2.2) }
    public var minima: [SIMD2<Double>] { [SIMD2(0, 0)] }

    public func value(at p: SIMD2<Double>) -> Double {
        2 * amplitude + (p.x * p.x - amplitude * cos(2 * .pi * p.x)) + (p.y * p.y - amplitude * cos(2 * .pi * p.y))
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        let k = 2 * Double.pi * amplitude
        return SIMD2(2 * p.x + k * sin(2 * .pi * p.x), 2 * p.y + k * sin(2 * .pi * p.y))
    }
}
