#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-mode dual number over two variables: a value and its exact partial derivatives by x and y.
///
/// Arithmetic on duals applies the chain rule exactly, so evaluating a formula on
/// `Dual(x, dx: 1, dy: 0)` and `Dual(y, dx: 0, dy: 1)` yields f(x, y) and ∇f(x, y) to rounding, with no
/// finite differences. Non-smooth points follow PyTorch's autograd conventions: |x|′ = 0 at 0, and
/// `min`/`max` split the derivative equally between tied arguments.
public struct Dual: Sendable, Equatable {
    public var value: Double
    public var dx: Double
    public var dy: Double

    /// A value with derivatives (dx, dy); `Dual(x, dx: 1)` seeds the variable x.
    public init(_ value: Double, dx: Double = 0, dy: Double = 0) {
        self.value = value
        self.dx = dx
        self.dy = dy
    }

    /// The gradient (∂/∂x, ∂/∂y).
    public var gradient: SIMD2<Double> { SIMD2(dx, dy) }

    /// The same derivative direction scaled by `factor`: the chain rule for f(u) with f′(u) = factor.
    @inline(__always)
    func chain(_ newValue: Double, _ factor: Double) -> Dual {
        Dual(newValue, dx: factor * dx, dy: factor * dy)
    }
}

/// A number type the expression evaluator can compute with: Double for values, ``Dual`` for gradients.
protocol ExpressionScalar {
    init(constant: Double)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// a raised to a constant power.
    func power(_ exponent: Double) -> Self
    /// a raised to a variable power.
    func power(_ exponent: Self) -> Self
    func apply(_ function: ExpressionFunction) -> Self
    static func minimum(_ a: Self, _ b: Self) -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
}

extension Double: ExpressionScalar {
    init(constant: Double) { self = constant }

    func power(_ exponent: Double) -> Double {
        exponent == 2 ? self * self : pow(self, exponent)
    }

    func apply(_ function: ExpressionFunction) -> Double {
        switch function {
        case .sin: sin(self)
        case .cos: cos(self)
        case .tan: tan(self)
        case .exp: exp(self)
        case .log: log(self)
        case .sqrt: squareRoot()
        case .abs: Swift.abs(self)
        case .tanh: tanh(self)
        case .sinh: sinh(self)
        case .cosh: cosh(self)
        case .atan: atan(self)
        case .min, .max, .pow: preconditionFailure("two-argument function applied to one argument")
        }
    }

    static func minimum(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }
    static func maximum(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }
}

extension Dual: ExpressionScalar {
    init(constant: Double) { self.init(constant) }

    static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, dx: a.dx + b.dx, dy: a.dy + b.dy) }
    static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, dx: a.dx - b.dx, dy: a.dy - b.dy) }
    static prefix func - (a: Dual) -> Dual { Dual(-a.value, dx: -a.dx, dy: -a.dy) }

    static func * (a: Dual, b: Dual) -> Dual {
        Dual(a.value * b.value, dx: a.dx * b.value + a.value * b.dx, dy: a.dy * b.value + a.value * b.dy)
    }

    static func / (a: Dual, b: Dual) -> Dual {
        let q = a.value / b.value
        return Dual(q, dx: (a.dx - q * b.dx) / b.value, dy: (a.dy - q * b.dy) / b.value)
    }

    func power(_ exponent: Double) -> Dual {
        if exponent == 0 { return Dual(1) }
        let derivative = exponent == 2 ? 2 * value : exponent * pow(value, exponent - 1)
        return chain(value.power(exponent), derivative)
    }

    func power(_ exponent: Dual) -> Dual {
        if exponent.dx == 0 && exponent.dy == 0 { return power(exponent.value) }
        // d(a^b) = a^b · (b′·ln a + b·a′/a)
        let result = pow(value, exponent.value)
        let logBase = log(value)
        let scale = exponent.value / value
        return Dual(result, dx: result * (exponent.dx * logBase + scale * dx),
                    dy: result * (exponent.dy * logBase + scale * dy))
    }

    func apply(_ function: ExpressionFunction) -> Dual {
        switch function {
        case .sin: return chain(sin(value), cos(value))
        case .cos: return chain(cos(value), -sin(value))
        case .tan:
            let t = tan(value)
            return chain(t, 1 + t * t)
        case .exp:
            let e = exp(value)
            return chain(e, e)
        case .log: return chain(log(value), 1 / value)
        case .sqrt:
            let r = value.squareRoot()
            return chain(r, 1 / (2 * r))
        case .abs: return chain(Swift.abs(value), value > 0 ? 1 : value < 0 ? -1 : 0)
        case .tanh:
            let t = tanh(value)
            return chain(t, 1 - t * t)
        case .sinh: return chain(sinh(value), cosh(value))
        case .cosh: return chain(cosh(value), sinh(value))
        case .atan: return chain(atan(value), 1 / (1 + value * value))
        case .min, .max, .pow: preconditionFailure("two-argument function applied to one argument")
        }
    }

    static func minimum(_ a: Dual, _ b: Dual) -> Dual { pick(a, b, preferFirst: a.value < b.value) }
    static func maximum(_ a: Dual, _ b: Dual) -> Dual { pick(a, b, preferFirst: a.value > b.value) }

    private static func pick(_ a: Dual, _ b: Dual, preferFirst: Bool) -> Dual {
        if a.value.isNaN || b.value.isNaN { return Dual(.nan, dx: .nan, dy: .nan) }
        if a.value == b.value { return Dual(a.value, dx: 0.5 * (a.dx + b.dx), dy: 0.5 * (a.dy + b.dy)) }
        return preferFirst ? a : b
    }
}
