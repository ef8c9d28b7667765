/// Reads a label into plain-text segments and formulas.
///
/// A recursive-descent parser over the label's characters. It keeps indices into the whole label so that
/// every error names its column there. Nesting is bounded by `MathText.maximumNesting`, so a hostile label
/// cannot overflow the stack.
struct MathParser {
    private let source: String
    private let characters: [Character]
    private var index = 0
    /// The end of the formula being parsed (the index of its closing `$`).
    private var end = 0
    /// The style letters take: italic, or what `\mathrm`/`\mathbf`/`\mathit` ask for.
    private var letterStyle: MathFontStyle = .italic
    /// How many `\left` are open in the current group: a `\right` ends the innermost one.
    private var openLefts = 0

    private init(_ source: String) {
        self.source = source
        characters = Array(source)
    }

    /// The segments of `source`: plain text outside `$…$` (with `\$` read as a dollar sign) and formulas.
    static func parse(_ source: String) throws(MathTextError) -> [MathSegment] {
        var parser = MathParser(source)
        return try parser.segments()
    }

    // MARK: - Segments

    private mutating func segments() throws(MathTextError) -> [MathSegment] {
        var segments: [MathSegment] = []
        var plain = ""
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1] == "$" {
                plain.append("$")
                index += 2
            } else if character == "$" {
                let opening = index
                end = try closingDollar(after: opening)
                if !plain.isEmpty { segments.append(.plain(plain)) }
                plain = ""
                index = opening + 1
                let formula = try list(until: nil, depth: 0)
                if !formula.isEmpty { segments.append(.formula(formula)) }
                index = end + 1
            } else {
                plain.append(character)
                index += 1
            }
        }
        if !plain.isEmpty { segments.append(.plain(plain)) }
        return segments
    }

    /// The index of the `$` that closes the formula opened at `opening` (a `\$` inside does not close it).
    private func closingDollar(after opening: Int) throws(MathTextError) -> Int {
        var i = opening + 1
        while i < characters.count {
            if characters[i] == "\\" {
                i += 2
            } else if characters[i] == "$" {
                return i
            } else {
                i += 1
            }
        }
        throw error(.unclosedFormula, at: opening)
    }

    // MARK: - Lists and scripts

    /// Atoms up to `terminator` (not consumed) or the end of the formula.
    private mutating func list(until terminator: Character?, depth: Int) throws(MathTextError) -> [MathNode] {
        guard depth <= MathText.maximumNesting else { throw error(.nestedTooDeeply, at: index) }
        var nodes: [MathNode] = []
        while true {
            skipWhitespace()
            guard index < end else { return nodes }
            let character = characters[index]
            if character == terminator { return nodes }
            if openLefts > 0, isAtRight { return nodes }
            switch character {
            case "}":
                throw error(.unexpectedClosingBrace, at: index)
            case "_", "^":
                let position = index
                index += 1
                let argument = try self.argument(for: String(character), at: position, depth: depth)
                try attach(argument, isSubscript: character == "_", to: &nodes, at: position)
            case "'":
                index += 1
                nodes.append(.glyphs("\u{2032}", .ordinary, .upright))
            default:
                nodes.append(try atom(depth: depth))
            }
        }
    }

    /// Attaches a script to the last atom of `nodes` (or to an empty base after a space or at the start).
    private func attach(_ script: [MathNode], isSubscript: Bool, to nodes: inout [MathNode], at position: Int)
        throws(MathTextError)
    {
        var base: MathNode?
        var lower: [MathNode]?
        var upper: [MathNode]?
        switch nodes.last {
        case .scripts(let existing, let sub, let sup)?:
            (base, lower, upper) = (existing, sub, sup)
            nodes.removeLast()
        case .space?, nil:
            break
        case let last?:
            base = last
            nodes.removeLast()
        }
        if isSubscript {
            guard lower == nil else { throw error(.doubleScript("subscript"), at: position) }
            lower = script
        } else {
            guard upper == nil else { throw error(.doubleScript("superscript"), at: position) }
            upper = script
        }
        nodes.append(.scripts(base: base, subscript: lower, superscript: upper))
    }

    /// The argument of a command or script: a braced group, a command with its own arguments, or one
    /// character (a single digit: `x^23` is x² followed by 3, as in TeX).
    private mutating func argument(for command: String, at position: Int, depth: Int) throws(MathTextError)
        -> [MathNode]
    {
        skipWhitespace()
        guard index < end, !"}]_^".contains(characters[index]) else {
            throw error(.missingArgument(command: command), at: position)
        }
        if characters[index] == "{" {
            return try braced(depth: depth + 1)
        }
        if characters[index].isASCII, characters[index].isNumber {
            let digit = characters[index]
            index += 1
            return [.glyphs(String(digit), .ordinary, letterStyle == .bold ? .bold : .upright)]
        }
        return [try atom(depth: depth + 1)]
    }

    /// A `{…}` group's contents; the index is at the `{`. A `\right` inside cannot close a `\left` outside.
    private mutating func braced(depth: Int) throws(MathTextError) -> [MathNode] {
        let opening = index
        index += 1
        let outerLefts = openLefts
        openLefts = 0
        defer { openLefts = outerLefts }
        let nodes = try list(until: "}", depth: depth)
        guard index < end, characters[index] == "}" else { throw error(.unclosedBrace, at: opening) }
        index += 1
        return nodes
    }

    /// Whether the index is at the command `\right`.
    private var isAtRight: Bool {
        let name: [Character] = ["\\", "r", "i", "g", "h", "t"]
        guard index + name.count <= end, Array(characters[index ..< index + name.count]) == name else { return false }
        let after = index + name.count
        return after == end || !(characters[after].isASCII && characters[after].isLetter)
    }

    /// `\left⟨delimiter⟩ … \right⟨delimiter⟩`; the index is just past `\left`.
    private mutating func delimited(from backslash: Int, depth: Int) throws(MathTextError) -> MathNode {
        let open = try delimiter(for: "\\left", at: backslash)
        openLefts += 1
        let body = try list(until: nil, depth: depth + 1)
        openLefts -= 1
        guard index < end, isAtRight else { throw error(.unmatchedDelimiter("left"), at: backslash) }
        let right = index
        index += 6
        let close = try delimiter(for: "\\right", at: right)
        return .delimited(open: open, body, close: close)
    }

    /// The delimiter after `\left` or `\right`: a bracket character, a delimiter command, or `.` for none.
    private mutating func delimiter(for command: String, at position: Int) throws(MathTextError) -> String? {
        skipWhitespace()
        guard index < end else { throw error(.missingArgument(command: command), at: position) }
        let start = index
        let character = characters[index]
        index += 1
        switch character {
        case ".": return nil
        case "(", ")", "[", "]", "|", "/": return String(character)
        case "\\":
            var name = ""
            while index < end, characters[index].isASCII, characters[index].isLetter {
                name.append(characters[index])
                index += 1
            }
            if name.isEmpty, index < end {
                name = String(characters[index])
                index += 1
            }
            if case .symbol(let symbol, let atomClass)? = MathCommand.named(name),
               [.opening, .closing].contains(atomClass) || ["|", "\u{2016}"].contains(symbol)
            {
                return symbol
            }
            throw error(.notADelimiter("\\" + name), at: start)
        default:
            throw error(.notADelimiter(String(character)), at: start)
        }
    }

    // MARK: - Atoms

    /// One atom at the index.
    private mutating func atom(depth: Int) throws(MathTextError) -> MathNode {
        let character = characters[index]
        if character == "{" {
            let nodes = try braced(depth: depth + 1)
            return .group(nodes)
        }
        if character == "\\" {
            return try command(depth: depth)
        }
        index += 1
        if character.isASCII, character.isNumber {
            var number = String(character)
            while index < end, characters[index].isASCII,
                  characters[index].isNumber
                    || (characters[index] == "." && index + 1 < end && characters[index + 1].isASCII
                        && characters[index + 1].isNumber)
            {
                number.append(characters[index])
                index += 1
            }
            return .glyphs(number, .ordinary, letterStyle == .bold ? .bold : .upright)
        }
        if character.isLetter, character.isASCII || isLowercaseGreek(character) {
            return .glyphs(String(character), .ordinary, letterStyle)
        }
        let style: MathFontStyle = letterStyle == .bold ? .bold : .upright
        switch character {
        case "+": return .glyphs("+", .binary, style)
        case "-": return .glyphs("\u{2212}", .binary, style)
        case "*": return .glyphs("\u{2217}", .binary, style)
        case "=", "<", ">", ":": return .glyphs(String(character), .relation, style)
        case "(", "[": return .glyphs(String(character), .opening, style)
        case ")", "]", "!", "?": return .glyphs(String(character), .closing, style)
        case ",", ";": return .glyphs(String(character), .punctuation, style)
        case "~": return .space(1.0 / 3)
        default: return .glyphs(String(character), .ordinary, style)
        }
    }

    /// A backslash command and its arguments; the index is at the backslash.
    private mutating func command(depth: Int) throws(MathTextError) -> MathNode {
        let backslash = index
        index += 1
        guard index < end else { throw error(.danglingBackslash, at: backslash) }
        var name = String(characters[index])
        index += 1
        if name.first!.isASCII, name.first!.isLetter {
            while index < end, characters[index].isASCII, characters[index].isLetter {
                name.append(characters[index])
                index += 1
            }
        }
        guard let command = MathCommand.named(name) else {
            throw error(.unknownCommand(name, suggestion: MathCommand.suggestion(for: name)), at: backslash)
        }
        let display = "\\" + name
        switch command {
        case .letter(let letter):
            return .glyphs(letter, .ordinary, letterStyle)
        case .symbol(let symbol, let atomClass):
            return .glyphs(symbol, atomClass, letterStyle == .bold ? .bold : .upright)
        case .namedOperator(let name):
            return .glyphs(name, .largeOperator, .upright)
        case .space(let width):
            return .space(width)
        case .accent(let accent):
            return .accent(accent, single(try argument(for: display, at: backslash, depth: depth)))
        case .squareRoot:
            var rootIndex: [MathNode]?
            skipWhitespace()
            if index < end, characters[index] == "[" {
                let opening = index
                index += 1
                rootIndex = try list(until: "]", depth: depth + 1)
                guard index < end, characters[index] == "]" else { throw error(.unclosedBracket, at: opening) }
                index += 1
            }
            return .radical(try argument(for: display, at: backslash, depth: depth), index: rootIndex)
        case .fraction(let isDisplay):
            let numerator = try argument(for: display, at: backslash, depth: depth)
            let denominator = try argument(for: display, at: backslash, depth: depth)
            return .fraction(numerator, denominator, display: isDisplay)
        case .text:
            return .glyphs(try verbatim(for: display, at: backslash, keepingSpaces: true), .ordinary, .inherited)
        case .operatorName:
            return .glyphs(try verbatim(for: display, at: backslash, keepingSpaces: false), .largeOperator, .upright)
        case .letterStyle(let style):
            let saved = letterStyle
            letterStyle = style
            defer { letterStyle = saved }
            return single(try argument(for: display, at: backslash, depth: depth))
        case .left:
            return try delimited(from: backslash, depth: depth)
        case .right:
            throw error(.unmatchedDelimiter("right"), at: backslash)
        case .blackboard:
            let letters = try verbatim(for: display, at: backslash, keepingSpaces: false)
            return .glyphs(String(letters.map(doubleStruck)), .ordinary, .upright)
        }
    }

    /// A braced argument taken as text (`\text{…}`): nested braces are kept balanced, `\{`, `\}`, `\\` and
    /// `\$` stand for the character. Without braces, the argument is one character.
    private mutating func verbatim(for command: String, at position: Int, keepingSpaces: Bool)
        throws(MathTextError) -> String
    {
        skipWhitespace()
        guard index < end, characters[index] != "}" else {
            throw error(.missingArgument(command: command), at: position)
        }
        guard characters[index] == "{" else {
            index += 1
            return String(characters[index - 1])
        }
        let opening = index
        index += 1
        var text = ""
        var nesting = 0
        while index < end {
            let character = characters[index]
            index += 1
            switch character {
            case "\\" where index < end && "{}$\\".contains(characters[index]):
                text.append(characters[index])
                index += 1
            case "{":
                nesting += 1
                text.append(character)
            case "}" where nesting == 0:
                return text
            case "}":
                nesting -= 1
                text.append(character)
            case " " where !keepingSpaces:
                break
            default:
                text.append(character)
            }
        }
        throw error(.unclosedBrace, at: opening)
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while index < end, characters[index].isWhitespace { index += 1 }
    }

    private func single(_ nodes: [MathNode]) -> MathNode {
        nodes.count == 1 ? nodes[0] : .group(nodes)
    }

    private func isLowercaseGreek(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x03B1...0x03C9).contains(scalar.value) || [0x03D1, 0x03D5, 0x03D6, 0x03F1, 0x03F5].contains(scalar.value)
    }

    private func error(_ kind: MathTextError.Kind, at index: Int) -> MathTextError {
        MathTextError(kind, column: max(index, 0) + 1, source: source)
    }
}

/// The double-struck form of a letter (ℝ for R); other characters are returned unchanged.
private func doubleStruck(_ character: Character) -> Character {
    let special: [Character: Character] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
    if let mapped = special[character] { return mapped }
    guard let ascii = character.asciiValue else { return character }
    let base: UInt32
    switch ascii {
    case 65...90: base = 0x1D538 + UInt32(ascii - 65)
    case 97...122: base = 0x1D552 + UInt32(ascii - 97)
    case 48...57: base = 0x1D7D8 + UInt32(ascii - 48)
    default: return character
    }
    return Unicode.Scalar(base).map(Character.init) ?? character
}
