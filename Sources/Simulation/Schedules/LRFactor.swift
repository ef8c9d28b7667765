#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A learning-rate factor written as a formula in `epoch`, standing in for the Python function that
/// ``LambdaLR`` and ``MultiplicativeLR`` take: `0.95^epoch`, `min(1, (epoch + 1)/5)`, `1/(1 + 0.1*epoch)`.
///
/// The formula uses the syntax of ``Expression`` with the single variable `epoch`, and is evaluated as Python
/// evaluates `lambda epoch: ...` with `math` functions, so that the factors agree to the last bit: `^` is
/// Python's `**` (the C library's `pow`, also for a square), `min`/`max` return their first argument on a
/// tie, and what Python refuses is refused — a division by zero, zero to a negative power, a negative number
/// to a fractional power (a complex number in Python), `log` or `sqrt` outside their domain, and `exp`,
/// `sinh`, `cosh` or a power that overflows.
public struct LRFactor: Sendable, CustomStringConvertible {
    /// The formula as written.
    public let text: String
    private let expression: Expression

    /// Parses `text` as a formula in `epoch`.
    ///
    /// - Throws: ``InputError`` pointing at the first problem in the formula.
    public init(_ text: String) throws(InputError) {
        self.text = text
        self.expression = try Expression(text, variables: ("epoch", nil))
    }

    /// The factor at `epoch`.
    ///
    /// - Throws: ``InputError`` where Python would raise (see the type's discussion).
    public func callAsFunction(_ epoch: Int) throws(InputError) -> Double {
        try evaluate(expression.root, Double(epoch))
    }

    public var description: String { text }

    private func fail(_ message: String) -> InputError {
        InputError("lr_lambda '\(text)': \(message) (Python raises here)")
    }

    private func evaluate(_ node: Expression.Node, _ epoch: Double) throws(InputError) -> Double {
        switch node {
        case .constant(let value): return value
        case .x: return epoch
        case .y: return 0
        case .negate(let a): return -(try evaluate(a, epoch))
        case .add(let a, let b): return try evaluate(a, epoch) + evaluate(b, epoch)
        case .subtract(let a, let b): return try evaluate(a, epoch) - evaluate(b, epoch)
        case .multiply(let a, let b): return try evaluate(a, epoch) * evaluate(b, epoch)
        case .divide(let a, let b):
            let numerator = try evaluate(a, epoch)
            let denominator = try evaluate(b, epoch)
            guard denominator != 0 else { throw fail("division by zero") }
            return numerator / denominator
        case .power(let a, let b):
            return try power(evaluate(a, epoch), evaluate(b, epoch))
        case .call(let function, let arguments):
            let values = try arguments.map { (node) throws(InputError) in try evaluate(node, epoch) }
            return try call(function, values)
        }
    }

    private func power(_ base: Double, _ exponent: Double) throws(InputError) -> Double {
        if base == 0 && exponent < 0 { throw fail("0.0 cannot be raised to a negative power") }
        if base < 0 && exponent.isFinite && exponent.rounded() != exponent {
            throw fail("a negative number to a fractional power is complex")
        }
        let result = pow(base, exponent)
        if result.isInfinite && base.isFinite && exponent.isFinite { throw fail("numerical result out of range") }
        return result
    }

    private func call(_ function: ExpressionFunction, _ values: [Double]) throws(InputError) -> Double {
        let x = values[0]
        switch function {
        case .min: return values[1] < x ? values[1] : x
        case .max: return values[1] > x ? values[1] : x
        case .pow: return try power(x, values[1])
        case .log:
            guard x > 0 || x.isNaN else { throw fail("math domain error") }
            return log(x)
        case .sqrt:
            guard x >= 0 || x.isNaN else { throw fail("math domain error") }
            return x.squareRoot()
        case .exp, .sinh, .cosh:
            let result = x.apply(function)
            if result.isInfinite && x.isFinite { throw fail("math range error") }
            return result
        default:
            return x.apply(function)
        }
    }

    /// Reads the `lr_lambda` argument of `scheduler`, blaming the formula's problems on that argument.
    static func parse(_ arguments: Arguments, for scheduler: String) throws(InputError) -> LRFactor {
        do {
            return try LRFactor(arguments.string("lr_lambda"))
        } catch {
            throw error.prefixed("\(scheduler): lr_lambda")
        }
    }

    /// The `lr_lambda` parameter of ``LambdaLR`` and ``MultiplicativeLR``.
    static let parameter = ParameterList.Parameter(
        "lr_lambda", .string, nil, "the factor as a formula in epoch, such as '0.95^epoch' (a Python lambda in PyTorch)")
}
