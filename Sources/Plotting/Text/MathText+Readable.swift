extension MathText {
    /// The text with its math markup turned into plain Unicode, for captions, alt text and file names:
    /// `Adam: $\hat{m}_t / (\sqrt{\hat{v}_t} + \epsilon)$` reads `Adam: m_t / (√v_t + ϵ)`.
    ///
    /// Commands become their symbols (Greek letters, ∇, ≤, ...) or their names (`\log`), `\sqrt` becomes √,
    /// spacing commands a space; accents, `\frac`, `\text` and braces are dropped around their arguments, and
    /// `$` signs disappear. It is for reading, not a faithful layout.
    public var readable: String {
        var result = ""
        var characters = source[...]
        var inMath = false
        while let c = characters.first {
            characters = characters.dropFirst()
            switch c {
            case "$":
                inMath.toggle()
            case "\\":
                if let next = characters.first, !next.isLetter {
                    characters = characters.dropFirst()
                    result.append(next == "," || next == ";" || next == ":" || next == " " || next == "!" ? " " : next == "|" ? "‖" : next)
                    continue
                }
                let name = String(characters.prefix { $0.isLetter })
                characters = characters.dropFirst(name.count)
                switch MathCommand.named(name) {
                case .letter(let text)?, .symbol(let text, _)?: result += text
                case .namedOperator(let text)?: result += text
                case .space?: result += " "
                case .squareRoot?: result += "√"
                default: break
                }
            case "{", "}" where inMath:
                continue
            case "_" where inMath:
                continue
            case "-" where inMath:
                result.append("\u{2212}")
            default:
                result.append(c)
            }
        }
        // Collapse runs of spaces left by removed commands.
        var collapsed = ""
        for c in result where !(c == " " && collapsed.last == " ") { collapsed.append(c) }
        return collapsed
    }
}
