/// What a backslash command in a formula means.
enum MathCommand: Equatable, Sendable {
    /// A letter (Latin or lowercase Greek) that follows the current letter style: italic unless inside
    /// `\mathrm{…}` or `\mathbf{…}`.
    case letter(String)
    /// A symbol set upright, with its atom class.
    case symbol(String, MathAtomClass)
    /// A named function or operator set upright in text letters: `\log`, `\max`.
    case namedOperator(String)
    /// Horizontal space in em.
    case space(Double)
    case accent(MathAccent)
    case squareRoot
    case fraction(display: Bool)
    /// `\text{…}`: the argument verbatim, spaces kept, in the label's font.
    case text
    /// `\operatorname{…}`: the argument verbatim as a named operator.
    case operatorName
    /// `\mathrm`, `\mathbf`, `\mathit`: the argument is a formula whose letters take this style.
    case letterStyle(MathFontStyle)
    /// `\mathbb{R}`: double-struck capitals.
    case blackboard
    /// `\left` and `\right`: a delimiter that grows with what it encloses.
    case left, right
}

extension MathCommand {
    /// Looks up a command by its name without the backslash.
    static func named(_ name: String) -> MathCommand? { table[name] }

    /// The known command closest to `name` by edit distance, if one is close enough to be a likely typo.
    static func suggestion(for name: String) -> String? {
        let limit = name.count <= 3 ? 1 : 2
        var best: (name: String, distance: Int)?
        for candidate in table.keys where abs(candidate.count - name.count) <= limit {
            let distance = editDistance(Array(name), Array(candidate))
            guard distance <= limit else { continue }
            if let current = best, distance > current.distance || (distance == current.distance && candidate >= current.name) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// Every command name, sorted (for documentation and tests).
    static var allNames: [String] { table.keys.sorted() }
}

// MARK: - The table

private let greekLower: [(String, Unicode.Scalar)] = [
    ("alpha", "\u{03B1}"), ("beta", "\u{03B2}"), ("gamma", "\u{03B3}"), ("delta", "\u{03B4}"),
    // TeX's \epsilon is the lunate ϵ; \varepsilon is the open ε.
    ("epsilon", "\u{03F5}"), ("varepsilon", "\u{03B5}"), ("zeta", "\u{03B6}"), ("eta", "\u{03B7}"),
    ("theta", "\u{03B8}"), ("vartheta", "\u{03D1}"), ("iota", "\u{03B9}"), ("kappa", "\u{03BA}"),
    ("lambda", "\u{03BB}"), ("mu", "\u{03BC}"), ("nu", "\u{03BD}"), ("xi", "\u{03BE}"), ("omicron", "\u{03BF}"),
    ("pi", "\u{03C0}"), ("varpi", "\u{03D6}"), ("rho", "\u{03C1}"), ("varrho", "\u{03F1}"), ("sigma", "\u{03C3}"),
    ("varsigma", "\u{03C2}"), ("tau", "\u{03C4}"), ("upsilon", "\u{03C5}"),
    // TeX's \phi is the closed ϕ; \varphi is the open φ.
    ("phi", "\u{03D5}"), ("varphi", "\u{03C6}"), ("chi", "\u{03C7}"), ("psi", "\u{03C8}"), ("omega", "\u{03C9}"),
]

private let greekUpper: [(String, Unicode.Scalar)] = [
    ("Gamma", "\u{0393}"), ("Delta", "\u{0394}"), ("Theta", "\u{0398}"), ("Lambda", "\u{039B}"), ("Xi", "\u{039E}"),
    ("Pi", "\u{03A0}"), ("Sigma", "\u{03A3}"), ("Upsilon", "\u{03A5}"), ("Phi", "\u{03A6}"), ("Psi", "\u{03A8}"),
    ("Omega", "\u{03A9}"),
]

private let symbols: [(String, Unicode.Scalar, MathAtomClass)] = [
    // Ordinary symbols.
    ("nabla", "\u{2207}", .ordinary), ("partial", "\u{2202}", .ordinary), ("infty", "\u{221E}", .ordinary),
    ("ell", "\u{2113}", .ordinary), ("hbar", "\u{210F}", .ordinary), ("forall", "\u{2200}", .ordinary),
    ("exists", "\u{2203}", .ordinary), ("emptyset", "\u{2205}", .ordinary), ("neg", "\u{00AC}", .ordinary),
    ("prime", "\u{2032}", .ordinary), ("top", "\u{22A4}", .ordinary), ("bot", "\u{22A5}", .ordinary),
    ("intercal", "\u{22BA}", .ordinary), ("dagger", "\u{2020}", .ordinary), ("angle", "\u{2220}", .ordinary),
    ("ldots", "\u{2026}", .ordinary), ("dots", "\u{2026}", .ordinary), ("cdots", "\u{22EF}", .ordinary),
    ("vert", "|", .ordinary), ("Vert", "\u{2016}", .ordinary), ("|", "\u{2016}", .ordinary),
    ("%", "%", .ordinary), ("#", "#", .ordinary), ("&", "&", .ordinary), ("_", "_", .ordinary), ("$", "$", .ordinary),
    // Large operators.
    ("sum", "\u{2211}", .largeOperator), ("prod", "\u{220F}", .largeOperator), ("int", "\u{222B}", .largeOperator),
    ("oint", "\u{222E}", .largeOperator),
    // Binary operators.
    ("cdot", "\u{22C5}", .binary), ("times", "\u{00D7}", .binary), ("div", "\u{00F7}", .binary),
    ("pm", "\u{00B1}", .binary), ("mp", "\u{2213}", .binary), ("ast", "\u{2217}", .binary), ("star", "\u{22C6}", .binary),
    ("circ", "\u{2218}", .binary), ("bullet", "\u{2219}", .binary), ("odot", "\u{2299}", .binary),
    ("oplus", "\u{2295}", .binary), ("otimes", "\u{2297}", .binary), ("cup", "\u{222A}", .binary),
    ("cap", "\u{2229}", .binary), ("wedge", "\u{2227}", .binary), ("land", "\u{2227}", .binary),
    ("vee", "\u{2228}", .binary), ("lor", "\u{2228}", .binary), ("setminus", "\u{2216}", .binary),
    // Relations.
    ("le", "\u{2264}", .relation), ("leq", "\u{2264}", .relation), ("ge", "\u{2265}", .relation),
    ("geq", "\u{2265}", .relation), ("ne", "\u{2260}", .relation), ("neq", "\u{2260}", .relation),
    ("approx", "\u{2248}", .relation), ("sim", "\u{223C}", .relation), ("simeq", "\u{2243}", .relation),
    ("equiv", "\u{2261}", .relation), ("propto", "\u{221D}", .relation), ("ll", "\u{226A}", .relation),
    ("gg", "\u{226B}", .relation), ("in", "\u{2208}", .relation), ("notin", "\u{2209}", .relation),
    ("ni", "\u{220B}", .relation), ("subset", "\u{2282}", .relation), ("subseteq", "\u{2286}", .relation),
    ("supset", "\u{2283}", .relation), ("supseteq", "\u{2287}", .relation), ("perp", "\u{22A5}", .relation),
    ("parallel", "\u{2225}", .relation), ("mid", "\u{2223}", .relation), ("coloneqq", "\u{2254}", .relation),
    ("to", "\u{2192}", .relation), ("rightarrow", "\u{2192}", .relation), ("leftarrow", "\u{2190}", .relation),
    ("gets", "\u{2190}", .relation), ("leftrightarrow", "\u{2194}", .relation), ("Rightarrow", "\u{21D2}", .relation),
    ("Leftarrow", "\u{21D0}", .relation), ("Leftrightarrow", "\u{21D4}", .relation), ("implies", "\u{27F9}", .relation),
    ("mapsto", "\u{21A6}", .relation), ("uparrow", "\u{2191}", .relation), ("downarrow", "\u{2193}", .relation),
    // Delimiters.
    ("{", "{", .opening), ("}", "}", .closing), ("langle", "\u{27E8}", .opening), ("rangle", "\u{27E9}", .closing),
    ("lfloor", "\u{230A}", .opening), ("rfloor", "\u{230B}", .closing), ("lceil", "\u{2308}", .opening),
    ("rceil", "\u{2309}", .closing), ("lvert", "|", .opening), ("rvert", "|", .closing),
    ("lVert", "\u{2016}", .opening), ("rVert", "\u{2016}", .closing),
]

/// Named functions, set upright with a thin space before an ordinary neighbour (`\log x`). `argmin` and
/// `argmax` are not in plain TeX but are common enough in optimization to deserve a name.
private let namedOperators = [
    "log", "ln", "exp", "sin", "cos", "tan", "tanh", "sinh", "cosh", "min", "max", "arg", "argmin", "argmax",
    "det", "lim", "sup", "inf", "dim", "ker", "Pr", "sgn", "tr", "diag", "softmax",
]

private let spaces: [(String, Double)] = [
    (",", 3.0 / 18), (":", 4.0 / 18), (">", 4.0 / 18), (";", 5.0 / 18), ("!", -3.0 / 18), (" ", 1.0 / 3),
    ("quad", 1), ("qquad", 2),
]

private let table: [String: MathCommand] = {
    var table: [String: MathCommand] = [:]
    for (name, scalar) in greekLower { table[name] = .letter(String(scalar)) }
    for (name, scalar) in greekUpper { table[name] = .symbol(String(scalar), .ordinary) }
    for (name, scalar, atomClass) in symbols { table[name] = .symbol(String(scalar), atomClass) }
    for name in namedOperators { table[name] = .namedOperator(name) }
    for (name, width) in spaces { table[name] = .space(width) }
    for accent in MathAccent.allCases { table[accent.rawValue] = .accent(accent) }
    table["widehat"] = .accent(.hat)
    table["widetilde"] = .accent(.tilde)
    table["sqrt"] = .squareRoot
    table["frac"] = .fraction(display: false)
    table["tfrac"] = .fraction(display: false)
    table["dfrac"] = .fraction(display: true)
    table["text"] = .text
    table["textrm"] = .text
    table["operatorname"] = .operatorName
    table["mathrm"] = .letterStyle(.upright)
    table["mathbf"] = .letterStyle(.bold)
    table["mathit"] = .letterStyle(.italic)
    table["mathbb"] = .blackboard
    table["left"] = .left
    table["right"] = .right
    return table
}()

// MARK: - Edit distance

/// The Levenshtein distance between two strings: the fewest insertions, deletions and substitutions that
/// turn one into the other.
private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...max(a.count, 1) where !a.isEmpty {
        current[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return a.isEmpty ? b.count : previous[b.count]
}
