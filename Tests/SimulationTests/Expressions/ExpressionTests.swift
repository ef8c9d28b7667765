import Simulation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The formula language: Python's precedence, exact gradients, located errors.
@Suite struct ExpressionTests {}

extension ExpressionTests {
    @Test(arguments: [
        ("-x^2", 3.0, 0.0, -9.0),
        ("2^3^2", 0.0, 0.0, 512.0),
        ("x^-2", 2.0, 0.0, 0.25),
        ("2**3", 0.0, 0.0, 8.0),
        ("-2^2 + 1", 0.0, 0.0, -3.0),
        ("x*y/4 - y", 2.0, 4.0, -2.0),
        ("(x + 1)*(y - 1)", 1.0, 3.0, 4.0),
        ("1e-3*1E3 + .5", 0.0, 0.0, 1.5),
        ("min(x, y) + max(x, y) + pow(x, 2)", 1.0, 2.0, 4.0),
        ("abs(-x) + sqrt(y) + exp(0) + log(e)", 2.0, 9.0, 7.0),
        ("cos(pi) + sin(0) + tan(0) + tanh(0) + sinh(0) + cosh(0) + atan(0)", 0.0, 0.0, 0.0),
    ])
    func evaluatesWithPythonPrecedence(_ formula: String, _ x: Double, _ y: Double, _ expected: Double) throws {
        #expect(isClose(try Expression(formula).value(x: x, y: y), expected))
    }

    /// Gradients from dual numbers against gradients derived by hand.
    @Test func gradientsAreExact() throws {
        let points: [(Double, Double)] = [(0.3, -1.2), (2.5, 0.7), (-1.1, 1.9)]
        let cases: [(String, (Double, Double) -> (Double, Double))] = [
            ("x^3*y - 2*y^2", { x, y in (3 * x * x * y, x * x * x - 4 * y) }),
            ("sin(x)*cos(y)", { x, y in (cos(x) * cos(y), -sin(x) * sin(y)) }),
            ("exp(x*y)", { x, y in (y * exp(x * y), x * exp(x * y)) }),
            ("log(x^2 + y^2)", { x, y in (2 * x / (x * x + y * y), 2 * y / (x * x + y * y)) }),
            ("sqrt(1 + x^2)/y", { x, y in (x / (sqrt(1 + x * x) * y), -sqrt(1 + x * x) / (y * y)) }),
            ("tanh(x) + atan(y)", { x, y in (1 - tanh(x) * tanh(x), 1 / (1 + y * y)) }),
            ("2^x", { x, _ in (log(2) * pow(2, x), 0) }),
            ("abs(x - y)", { x, y in (x > y ? 1 : -1, x > y ? -1 : 1) }),
            ("tan(x) + sinh(y) + cosh(x)", { x, y in (1 / (cos(x) * cos(x)) + sinh(x), cosh(y)) }),
            ("pow(abs(x), y)", { x, y in (y * pow(abs(x), y - 1) * (x > 0 ? 1 : -1), pow(abs(x), y) * log(abs(x))) }),
        ]
        for (formula, derivative) in cases {
            let expression = try Expression(formula)
            for (x, y) in points {
                let (_, gradient) = expression.valueAndGradient(x: x, y: y)
                let (gx, gy) = derivative(x, y)
                #expect(isClose(gradient.x, gx, relative: 1e-13), "\(formula) ∂x at (\(x), \(y))")
                #expect(isClose(gradient.y, gy, relative: 1e-13), "\(formula) ∂y at (\(x), \(y))")
            }
        }
    }

    @Test func tiesSplitTheDerivativeAsPyTorchDoes() throws {
        let (_, gradient) = try Expression("max(x, y)").valueAndGradient(x: 1, y: 1)
        #expect(gradient == SIMD2(0.5, 0.5))
        #expect(try Expression("abs(x)").valueAndGradient(x: 0, y: 0).gradient == SIMD2(0, 0))
    }

    @Test(arguments: [
        ("x^2 +", 6, "the formula ends where a value was expected"),
        ("2x", 2, "expected an operator before 'x' (write multiplication as '*')"),
        ("sinn(x)", 1, "unknown function 'sinn' — did you mean 'sin'?"),
        ("x + z", 5, "unknown name 'z'"),
        ("(x + y", 1, "'(' is never closed"),
        ("x + y)", 6, "unmatched ')'"),
        ("max(x)", 1, "max takes 2 arguments, got 1"),
        ("", 1, "the formula is empty"),
        ("x $ y", 3, "unexpected '$'"),
    ])
    func syntaxErrorsNameTheColumn(_ formula: String, _ column: Int, _ message: String) {
        let error = #expect(throws: InputError.self) { try Expression(formula) }
        #expect(error?.column == column, "\(formula)")
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
    }

    @Test func absurdInputIsRefusedNotACrash() {
        #expect(throws: InputError.self) { try Expression(String(repeating: "(", count: 50_000) + "x") }
        #expect(throws: InputError.self) { try Expression(String(repeating: "-", count: 50_000) + "x") }
        #expect(throws: InputError.self) { try Expression(Array(repeating: "x", count: 20_000).joined(separator: "+")) }
        #expect((try? Expression(String(repeating: "(", count: 150) + "x" + String(repeating: ")", count: 150)))?.value(x: 2, y: 0) == 2)
    }

    @Test func caretSitsUnderTheColumn() {
        let error = #expect(throws: InputError.self) { try Expression("x^2 + * y") }
        #expect(error?.description == "expected a number, x, y, a function or '(' but found '*' (column 7)\n  x^2 + * y\n        ^")
    }
}
