/// A surface given by a formula, such as `expr:0.5*(x^2 + 10*y^2)`; see ``Expression`` for the syntax.
///
/// The gradient comes from dual numbers, so it is exact. Without other information the view is [−5, 5]²
/// and the start (−4, 3); both can be set.
public struct ExpressionSurface: Surface {
    public let expression: Expression
    public var view: ViewWindow
    public var start: SIMD2<Double>

    /// - Throws: ``InputError`` at the column of a syntax error in `formula`.
    public init(_ formula: String, view: ViewWindow = .square(5), start: SIMD2<Double> = SIMD2(-4, 3)) throws(InputError) {
        self.expression = try Expression(formula)
        self.view = view
        self.start = start
    }

    public var name: String { "expr:" + expression.text }
    public var formula: String { expression.text }

    public func value(at p: SIMD2<Double>) -> Double {
        expression.value(x: p.x, y: p.y)
    }

    public func gradient(at p: SIMD2<Double>) -> SIMD2<Double> {
        expression.valueAndGradient(x: p.x, y: p.y).gradient
    }
}
