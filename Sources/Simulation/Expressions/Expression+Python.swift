/// An expression as Python source over PyTorch tensors, for the scripts that reproduce a run in PyTorch.
extension Expression {
    /// The formula as a Python expression of the tensors `x` and `y`: `^` becomes `**`, functions become
    /// `torch.sin(...)` and so on (`math.sin(...)` where the argument does not involve x or y), and `pi`,
    /// `e` become `math.pi`, `math.e`. Parentheses keep the evaluation order of the original formula.
    public var python: String { Self.python(root, Style(x: "x", y: "y", scalar: false)) }

    /// The formula as Python on plain numbers (`math.sin`, ...), with the first variable called `variable` —
    /// for a learning-rate factor such as `lambda epoch: 0.95**epoch`.
    public func pythonScalar(variable: String) -> String { Self.python(root, Style(x: variable, y: "y", scalar: true)) }

    /// How variables are named and whether every function works on Python floats.
    private struct Style {
        var x: String
        var y: String
        var scalar: Bool
    }

    /// Python precedence levels, loosest first.
    private enum Level: Int, Comparable {
        case sum = 1, product, unary, power, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    private static func level(_ node: Node) -> Level {
        switch node {
        case .add, .subtract: .sum
        case .multiply, .divide: .product
        case .negate: .unary
        case .power: .power
        case .constant, .x, .y, .call: .atom
        }
    }

    /// `node` printed so that it binds at least as tightly as `minimum`.
    private static func python(_ node: Node, atLeast minimum: Level, _ style: Style) -> String {
        let text = python(node, style)
        return level(node) < minimum ? "(\(text))" : text
    }

    private static func python(_ node: Node, _ style: Style) -> String {
        switch node {
        case .constant(let value):
            if value == .pi { return "math.pi" }
            if value == 2.718281828459045 { return "math.e" }
            return formulaNumber(value)
        case .x: return style.x
        case .y: return style.y
        case .negate(let a): return "-" + python(a, atLeast: .unary, style)
        case .add(let a, let b): return python(a, atLeast: .sum, style) + " + " + python(b, atLeast: .product, style)
        case .subtract(let a, let b): return python(a, atLeast: .sum, style) + " - " + python(b, atLeast: .product, style)
        case .multiply(let a, let b): return python(a, atLeast: .product, style) + "*" + python(b, atLeast: .unary, style)
        case .divide(let a, let b): return python(a, atLeast: .product, style) + "/" + python(b, atLeast: .unary, style)
        case .power(let a, let b): return python(a, atLeast: .atom, style) + "**" + python(b, atLeast: .unary, style)
        case .call(let function, let arguments):
            let constant = style.scalar || arguments.allSatisfy { !involvesVariables($0) }
            let list = arguments.map { python($0, style) }.joined(separator: ", ")
            switch function {
            case .pow: return python(.power(arguments[0], arguments[1]), style)
            case .min, .max:
                if constant { return "\(function.rawValue)(\(list))" }
                let tensors = arguments.map { "torch.as_tensor(\(python($0, style)))" }.joined(separator: ", ")
                return "torch.\(function == .min ? "minimum" : "maximum")(\(tensors))"
            case .abs where constant: return "abs(\(list))"
            default: return "\(constant ? "math" : "torch").\(function.rawValue)(\(list))"
            }
        }
    }

    /// How deeply the formula's operations nest: 1 for a number or variable, one more for each operation
    /// around it (`x + x + x` is 3 deep, as a parser builds it).
    public var depth: Int { Self.depth(root) }

    /// The deepest nesting CPython compiles safely: its parser and compiler recurse once per level, and
    /// thousands of levels raise RecursionError. Formulas deeper than this are refused for export.
    public static let pythonDepthLimit = 200

    private static func depth(_ node: Node) -> Int {
        switch node {
        case .constant, .x, .y: 1
        case .negate(let a): 1 + depth(a)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b), .power(let a, let b):
            1 + max(depth(a), depth(b))
        case .call(_, let arguments): 1 + (arguments.map(depth).max() ?? 0)
        }
    }

    private static func involvesVariables(_ node: Node) -> Bool {
        switch node {
        case .constant: false
        case .x, .y: true
        case .negate(let a): involvesVariables(a)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b), .power(let a, let b):
            involvesVariables(a) || involvesVariables(b)
        case .call(_, let arguments): arguments.contains(where: involvesVariables)
        }
    }
}
