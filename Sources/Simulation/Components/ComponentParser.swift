/// A recursive-descent parser for the component syntax (see ``Component``).
///
/// Grammar (whitespace allowed between tokens):
///
/// ```
/// component := name [ "(" [ argument { "," argument } [","] ] ")" ]
/// argument  := [ name "=" ] value
/// value     := number | string | True | False | true | false | None
///            | "(" [ value { "," value } [","] ] ")"     a tuple; "(v)" is just v, "(v,)" a 1-tuple
///            | "[" [ value { "," value } [","] ] "]"     a list
///            | component
/// number    := [ "+" | "-" ] digits [ "." digits ] [ ("e" | "E") [ "+" | "-" ] digits ] | "inf" | "nan"
/// ```
struct ComponentParser {
    private let text: String
    private let characters: [Character]
    private var position = 0
    private var depth = 0

    /// Limits that keep parsing well inside the stack, far beyond any real component.
    static let maximumLength = 10_000
    static let maximumDepth = 100

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    /// Parses a component that must use up the whole text.
    mutating func parseWhole() throws(InputError) -> Component {
        skipSpace()
        guard position < characters.count else { throw error("expected a name such as 'Adam' or 'rosenbrock'") }
        guard characters.count <= Self.maximumLength else {
            throw InputError("the component is longer than \(Self.maximumLength) characters")
        }
        let component = try parseComponent()
        skipSpace()
        if position < characters.count {
            throw error("unexpected '\(characters[position])' after the component")
        }
        return component
    }

    // MARK: - Components and values

    private mutating func parseComponent() throws(InputError) -> Component {
        let column = position + 1
        guard let name = parseName() else { throw error("expected a name") }
        var arguments: [Component.Argument] = []
        skipSpace()
        if peek == "(" {
            position += 1
            skipSpace()
            while peek != ")" {
                guard peek != nil else { throw error("expected ')' to close the arguments of '\(name)'") }
                arguments.append(try parseArgument())
                skipSpace()
                if peek == "," {
                    position += 1
                    skipSpace()
                } else if peek != ")" {
                    throw error(peek == nil ? "expected ')' to close the arguments of '\(name)'"
                                            : "expected ',' or ')' in the arguments of '\(name)'")
                }
            }
            position += 1
        }
        return Component(name: name, arguments: arguments, source: text, column: column)
    }

    private mutating func parseArgument() throws(InputError) -> Component.Argument {
        let column = position + 1
        let save = position
        if let key = parseName() {
            skipSpace()
            if peek == "=" {
                position += 1
                skipSpace()
                if peek == "=" { throw error("use a single '=' between a key and its value") }
                return Component.Argument(key: key, value: try parseValue(), column: column)
            }
        }
        position = save
        return Component.Argument(key: nil, value: try parseValue(), column: column)
    }

    private mutating func parseValue() throws(InputError) -> ComponentValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("values nest more than \(Self.maximumDepth) levels deep") }
        skipSpace()
        guard let character = peek else { throw error("expected a value") }
        switch character {
        case "(":
            let (values, trailingComma) = try parseSequence(closing: ")")
            return values.count == 1 && !trailingComma ? values[0] : .tuple(values)
        case "[":
            return .list(try parseSequence(closing: "]").values)
        case "'", "\"":
            return .string(try parseString())
        case "0"..."9", ".", "+", "-":
            return try parseNumber()
        default:
            guard character.isLetter || character == "_" else {
                throw error("expected a value (a number, a string, True/False, None, a tuple, a list or a component), found '\(character)'")
            }
            let save = position
            let name = parseName()!
            skipSpace()
            if peek != "(" {
                switch name {
                case "True", "true": return .boolean(true)
                case "False", "false": return .boolean(false)
                case "None": return .none
                case "inf": return .number(.infinity)
                case "nan": return .number(.nan)
                default: break
                }
            }
            position = save
            return .component(try parseComponent())
        }
    }

    private mutating func parseSequence(closing: Character) throws(InputError) -> (values: [ComponentValue], trailingComma: Bool) {
        let open = position
        position += 1
        var values: [ComponentValue] = []
        var trailingComma = false
        skipSpace()
        while peek != closing {
            guard peek != nil else {
                throw InputError("expected '\(closing)' to close the '\(characters[open])' opened here",
                                 source: text, column: open + 1)
            }
            values.append(try parseValue())
            trailingComma = false
            skipSpace()
            if peek == "," {
                position += 1
                trailingComma = true
                skipSpace()
            } else if peek != closing {
                throw error(peek == nil ? "expected '\(closing)' to close the '\(characters[open])' opened at column \(open + 1)"
                                        : "expected ',' or '\(closing)'")
            }
        }
        position += 1
        return (values, trailingComma)
    }

    private mutating func parseString() throws(InputError) -> String {
        let start = position
        let quote = characters[position]
        position += 1
        var result = ""
        while let character = peek, character != quote {
            position += 1
            if character == "\\", let escaped = peek {
                position += 1
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(escaped)
                }
            } else {
                result.append(character)
            }
        }
        guard peek == quote else {
            throw InputError("unterminated string: expected a closing \(quote)", source: text, column: start + 1)
        }
        position += 1
        return result
    }

    private mutating func parseNumber() throws(InputError) -> ComponentValue {
        let start = position
        if peek == "+" || peek == "-" { position += 1 }
        // A sign may precede inf/nan.
        if let name = peekName(), name == "inf" || name == "nan" {
            position += name.count
            let value: Double = name == "inf" ? .infinity : .nan
            return .number(characters[start] == "-" ? -value : value)
        }
        var isInteger = true
        var digits = 0
        while let c = peek, c.isASCII, c.isNumber { position += 1; digits += 1 }
        if peek == "." {
            isInteger = false
            position += 1
            while let c = peek, c.isASCII, c.isNumber { position += 1; digits += 1 }
        }
        guard digits > 0 else { throw InputError("expected a number", source: text, column: start + 1) }
        if peek == "e" || peek == "E" {
            isInteger = false
            position += 1
            if peek == "+" || peek == "-" { position += 1 }
            var exponentDigits = 0
            while let c = peek, c.isASCII, c.isNumber { position += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { throw error("expected the digits of an exponent") }
        }
        if let c = peek, c.isLetter || c == "_" {
            throw error("unexpected '\(c)' after a number")
        }
        let literal = String(characters[start..<position])
        if isInteger, let value = Int(literal) { return .integer(value) }
        guard let value = Double(literal) else { throw InputError("'\(literal)' is not a number", source: text, column: start + 1) }
        return .number(value)
    }

    // MARK: - Tokens

    private var peek: Character? { position < characters.count ? characters[position] : nil }

    private mutating func skipSpace() {
        while let c = peek, c.isWhitespace { position += 1 }
    }

    private func peekName() -> String? {
        var end = position
        while end < characters.count, characters[end].isLetter || characters[end] == "_"
                || (end > position && characters[end].isNumber) { end += 1 }
        return end > position ? String(characters[position..<end]) : nil
    }

    private mutating func parseName() -> String? {
        guard let c = peek, c.isLetter || c == "_" else { return nil }
        let name = peekName()!
        position += name.count
        return name
    }

    private func error(_ message: String) -> InputError {
        InputError(message, source: text, column: position + 1)
    }
}
