/// A recursive-descent parser for ``Expression`` formulas, following Python's operator grammar:
///
/// ```
/// sum     := product { ("+" | "-") product }
/// product := unary { ("*" | "/") unary }
/// unary   := ("-" | "+") unary | power
/// power   := primary [ ("^" | "**") unary ]
/// primary := number | "x" | "y" | "pi" | "e" | function "(" sum { "," sum } ")" | "(" sum ")"
/// ```
struct ExpressionParser {
    private let text: String
    private let characters: [Character]
    private var position = 0
    private var depth = 0

    /// Limits that keep parsing and evaluation well inside the stack, far beyond any real formula.
    static let maximumLength = 10_000
    static let maximumDepth = 200

    /// The names of the two variables (x and y unless the formula is about something else).
    private let variables: (String, String?)

    init(_ text: String, variables: (String, String?) = ("x", "y")) {
        self.text = text
        self.characters = Array(text)
        self.variables = variables
    }

    mutating func parse() throws(InputError) -> Expression.Node {
        skipSpace()
        guard position < characters.count else { throw error("the formula is empty") }
        guard characters.count <= Self.maximumLength else {
            throw InputError("the formula is longer than \(Self.maximumLength) characters")
        }
        let node = try parseSum()
        skipSpace()
        if let c = peek {
            if c == ")" { throw error("unmatched ')'") }
            if c.isLetter || c.isNumber || c == "(" {
                throw error("expected an operator before '\(c)' (write multiplication as '*')")
            }
            throw error("unexpected '\(c)'")
        }
        return node
    }

    private mutating func parseSum() throws(InputError) -> Expression.Node {
        var node = try parseProduct()
        while true {
            skipSpace()
            if accept("+") { node = .add(node, try parseProduct()) }
            else if accept("-") { node = .subtract(node, try parseProduct()) }
            else { return node }
        }
    }

    private mutating func parseProduct() throws(InputError) -> Expression.Node {
        var node = try parseUnary()
        while true {
            skipSpace()
            if peek == "*" && peekNext != "*" { position += 1; node = .multiply(node, try parseUnary()) }
            else if accept("/") { node = .divide(node, try parseUnary()) }
            else { return node }
        }
    }

    private mutating func parseUnary() throws(InputError) -> Expression.Node {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("the formula nests more than \(Self.maximumDepth) levels deep") }
        skipSpace()
        if accept("-") { return .negate(try parseUnary()) }
        if accept("+") { return try parseUnary() }
        return try parsePower()
    }

    private mutating func parsePower() throws(InputError) -> Expression.Node {
        let base = try parsePrimary()
        skipSpace()
        if accept("^") || accept("**") { return .power(base, try parseUnary()) }
        return base
    }

    private mutating func parsePrimary() throws(InputError) -> Expression.Node {
        skipSpace()
        guard let c = peek else { throw error("the formula ends where a value was expected") }
        if c.isASCII && c.isNumber || c == "." { return .constant(try parseNumber()) }
        if c == "(" {
            let open = position
            position += 1
            let inner = try parseSum()
            skipSpace()
            guard accept(")") else {
                throw peek == nil ? InputError("'(' is never closed", source: text, column: open + 1)
                                  : error("expected ')'")
            }
            return inner
        }
        if c.isLetter || c == "_" {
            let start = position
            while let d = peek, d.isLetter || d.isNumber || d == "_" { position += 1 }
            let name = String(characters[start..<position])
            skipSpace()
            if peek == "(" {
                guard let function = ExpressionFunction(rawValue: name) else {
                    let hint = didYouMean(name, in: ExpressionFunction.allCases.map(\.rawValue))
                    throw InputError("unknown function '\(name)'\(hint)", source: text, column: start + 1)
                }
                position += 1
                var arguments: [Expression.Node] = []
                skipSpace()
                if peek != ")" {
                    arguments.append(try parseSum())
                    skipSpace()
                    while accept(",") {
                        arguments.append(try parseSum())
                        skipSpace()
                    }
                }
                guard accept(")") else { throw error("expected ',' or ')' in the arguments of \(name)") }
                guard arguments.count == function.arity else {
                    throw InputError("\(name) takes \(function.arity) argument\(function.arity == 1 ? "" : "s"), got \(arguments.count)",
                                     source: text, column: start + 1)
                }
                return .call(function, arguments)
            }
            if name == variables.0 { return .x }
            if let second = variables.1, name == second { return .y }
            switch name {
            case "pi": return .constant(Double.pi)
            case "e": return .constant(2.718281828459045)
            default:
                if ExpressionFunction(rawValue: name) != nil {
                    throw InputError("\(name) is a function: write \(name)(...)", source: text, column: start + 1)
                }
                let names = [variables.0] + (variables.1.map { [$0] } ?? [])
                let hint = didYouMean(name, in: names + ["pi", "e"] + ExpressionFunction.allCases.map(\.rawValue))
                throw InputError("unknown name '\(name)'\(hint) (variables: \(names.joined(separator: ", ")); constants: pi, e)",
                                 source: text, column: start + 1)
            }
        }
        throw error("expected a number, x, y, a function or '(' but found '\(c)'")
    }

    private mutating func parseNumber() throws(InputError) -> Double {
        let start = position
        while let c = peek, c.isASCII, c.isNumber { position += 1 }
        if peek == "." {
            position += 1
            while let c = peek, c.isASCII, c.isNumber { position += 1 }
        }
        if peek == "e" || peek == "E", let next = peekNext,
           next.isNumber || ((next == "+" || next == "-") && position + 2 < characters.count && characters[position + 2].isNumber) {
            position += 2
            while let c = peek, c.isASCII, c.isNumber { position += 1 }
        }
        let literal = String(characters[start..<position])
        guard let value = Double(literal) else {
            throw InputError("'\(literal)' is not a number", source: text, column: start + 1)
        }
        return value
    }

    // MARK: - Characters

    private var peek: Character? { position < characters.count ? characters[position] : nil }
    private var peekNext: Character? { position + 1 < characters.count ? characters[position + 1] : nil }

    private mutating func accept(_ token: String) -> Bool {
        let tokenCharacters = Array(token)
        guard position + tokenCharacters.count <= characters.count,
              Array(characters[position..<position + tokenCharacters.count]) == tokenCharacters else { return false }
        position += tokenCharacters.count
        return true
    }

    private mutating func skipSpace() {
        while let c = peek, c.isWhitespace { position += 1 }
    }

    private func error(_ message: String) -> InputError {
        InputError(message, source: text, column: position + 1)
    }
}
