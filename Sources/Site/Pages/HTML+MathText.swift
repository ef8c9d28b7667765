import Plotting

extension HTML {
    /// Text with math in `$...$` (the math text of titles and labels, see ``MathText``) as HTML: plain text
    /// escaped, each math span in `<span class="math">` with its commands as Unicode symbols (`\eta` → η,
    /// `\nabla` → ∇, `-` → −), its scripts as `<sup>`/`<sub>` (`x^{2}` → x<sup>2</sup>) and `\frac{a}{b}` as
    /// <sup>a</sup>⁄<sub>b</sub>.
    ///
    /// Text that is not valid math text is shown as written, escaped.
    static func mathText(_ text: String) -> HTML {
        guard (try? MathText(text)) != nil else { return .text(text) }
        var pieces: [HTML] = []
        for (k, part) in text.split(separator: "$", omittingEmptySubsequences: false).enumerated() {
            if k % 2 == 0 {
                pieces.append(.text(String(part)))
            } else {
                pieces.append("<span class=\"math\">\(math(Substring(part)))</span>")
            }
        }
        return joined(pieces, separator: "")
    }

    /// One math span: scripts outside braces as `<sup>`/`<sub>` around the Unicode reading of their parts
    /// (a script inside a command's braces, as in `\sqrt{v_t}`, reads inline).
    private static func math(_ source: Substring) -> HTML {
        var pieces: [HTML] = []
        var plain = ""
        var rest = source
        var depth = 0
        func flush() {
            if !plain.isEmpty { pieces.append(.text(((try? MathText("$" + plain + "$")) ?? MathText(plain: plain)).readable)) }
            plain = ""
        }
        /// The text inside the brace group that `text` starts with, and what follows it (nil without one).
        func group(_ text: Substring) -> (inside: Substring, after: Substring)? {
            guard text.first == "{" else { return nil }
            var depth = 0
            for index in text.indices {
                if text[index] == "{" { depth += 1 }
                if text[index] == "}" { depth -= 1; if depth == 0 { return (text[text.index(after: text.startIndex)..<index], text[text.index(after: index)...]) } }
            }
            return nil
        }
        while let c = rest.first {
            // \frac{a}{b} (and \dfrac, \tfrac) as a small fraction: a raised, a fraction slash, b lowered.
            if c == "\\", depth == 0, let command = ["frac", "dfrac", "tfrac"].first(where: { rest.dropFirst().hasPrefix($0 + "{") }),
               let numerator = group(rest.dropFirst(1 + command.count)), let denominator = group(numerator.after) {
                flush()
                pieces.append("<span class=\"frac\"><sup>\(math(numerator.inside))</sup>\u{2044}<sub>\(math(denominator.inside))</sub></span>")
                rest = denominator.after
                continue
            }
            rest = rest.dropFirst()
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1 }
            if (c == "^" || c == "_") && depth == 0 {
                flush()
                let argument: Substring
                if rest.first == "{" {
                    var depth = 0, end = rest.startIndex
                    for index in rest.indices {
                        if rest[index] == "{" { depth += 1 }
                        if rest[index] == "}" { depth -= 1; if depth == 0 { end = index; break } }
                    }
                    argument = rest[rest.index(after: rest.startIndex)..<end]
                    rest = rest[rest.index(after: end)...]
                } else if rest.first == "\\" {
                    let name = rest.dropFirst().prefix { $0.isLetter }
                    argument = rest.prefix(1 + name.count)
                    rest = rest.dropFirst(1 + name.count)
                } else {
                    argument = rest.prefix(1)
                    rest = rest.dropFirst()
                }
                let tag = c == "^" ? "sup" : "sub"
                pieces.append("<\(HTML.raw(tag))>\(math(argument))</\(HTML.raw(tag))>")
            } else {
                plain.append(c)
            }
        }
        flush()
        return joined(pieces, separator: "")
    }
}
