/// A formula in x and y, such as `0.5*(x^2 + 10*y^2)`, that gives its value and its exact gradient.
///
/// Syntax: numbers (`3`, `0.5`, `1e-3`), the variables `x` and `y`, the constants `pi` and `e`,
/// `+ - * /`, `^` (or `**`) for powers, parentheses, and the functions `sin cos tan exp log sqrt abs tanh
/// sinh cosh atan` (one argument) and `min max pow` (two). Precedence follows Python: `^` binds tighter than
/// a unary minus on its left and is right-associative, so `-x^2` is −(x²) and `2^3^2` is 2⁹; a minus on its
/// right is part of the exponent (`x^-2`).
///
/// The gradient is computed with forward-mode dual numbers (``Dual``): exact up to rounding, never a
/// finite difference.
public struct Expression: Sendable, CustomStringConvertible {
    indirect enum Node: Sendable, Equatable {
        case constant(Double)
        case x
        case y
        case negate(Node)
        case add(Node, Node)
        case subtract(Node, Node)
        case multiply(Node, Node)
        case divide(Node, Node)
        case power(Node, Node)
        case call(ExpressionFunction, [Node])
    }

    let root: Node
    /// The formula as written.
    public let text: String

    /// Parses a formula in x and y.
    ///
    /// - Throws: ``InputError`` naming the column of the first problem, with the formula and a caret.
    public init(_ text: String) throws(InputError) {
        try self.init(text, variables: ("x", "y"))
    }

    /// Parses a formula whose two variables have other names — for example `("epoch", nil)` for a learning-rate
    /// factor such as `0.95^epoch`; the first variable takes the place of x, the second of y.
    public init(_ text: String, variables: (String, String?)) throws(InputError) {
        var parser = ExpressionParser(text, variables: variables)
        self.root = try parser.parse()
        self.text = text
    }

    public var description: String { text }

    /// f(x, y).
    public func value(x: Double, y: Double) -> Double {
        Self.evaluate(root, x: x, y: y)
    }

    /// f(x, y) and ∇f(x, y), exactly (forward-mode automatic differentiation).
    public func valueAndGradient(x: Double, y: Double) -> (value: Double, gradient: SIMD2<Double>) {
        let result: Dual = Self.evaluate(root, x: Dual(x, dx: 1), y: Dual(y, dy: 1))
        return (result.value, result.gradient)
    }

    static func evaluate<T: ExpressionScalar>(_ node: Node, x: T, y: T) -> T {
        switch node {
        case .constant(let value): return T(constant: value)
        case .x: return x
        case .y: return y
        case .negate(let a): return -evaluate(a, x: x, y: y)
        case .add(let a, let b): return evaluate(a, x: x, y: y) + evaluate(b, x: x, y: y)
        case .subtract(let a, let b): return evaluate(a, x: x, y: y) - evaluate(b, x: x, y: y)
        case .multiply(let a, let b): return evaluate(a, x: x, y: y) * evaluate(b, x: x, y: y)
        case .divide(let a, let b): return evaluate(a, x: x, y: y) / evaluate(b, x: x, y: y)
        case .power(let a, .constant(let c)): return evaluate(a, x: x, y: y).power(c)
        case .power(let a, let b): return evaluate(a, x: x, y: y).power(evaluate(b, x: x, y: y))
        case .call(let function, let arguments):
            switch function {
            case .min: return T.minimum(evaluate(arguments[0], x: x, y: y), evaluate(arguments[1], x: x, y: y))
            case .max: return T.maximum(evaluate(arguments[0], x: x, y: y), evaluate(arguments[1], x: x, y: y))
            case .pow: return evaluate(.power(arguments[0], arguments[1]), x: x, y: y)
            default: return evaluate(arguments[0], x: x, y: y).apply(function)
            }
        }
    }
}

/// The functions an ``Expression`` may call.
enum ExpressionFunction: String, CaseIterable, Sendable {
    case sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh, atan, min, max, pow

    /// How many arguments the function takes.
    var arity: Int {
        switch self {
        case .min, .max, .pow: 2
        default: 1
        }
    }
}
