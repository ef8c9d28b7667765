import Plotting
import Testing

@Suite struct MathTextTests {}

/// TeX's thin, medium and thick spaces (3, 4 and 5 mu) at 20 units.
private let thin = 20.0 * 3 / 18
private let medium = 20.0 * 4 / 18
private let thick = 20.0 * 5 / 18

// MARK: - Plain text

extension MathTextTests {
    @Test func plainTextIsOneRunAtTheOrigin() throws {
        let result = try typeset("Loss (log scale)")
        #expect(result.runs.count == 1)
        #expect(result.shapes.isEmpty)
        let only = try result.run("Loss (log scale)")
        #expect(only.offset == Point(0, 0))
        #expect(only.font == Font(size: 20))
        #expect(isNear(result.width, 192))
        #expect(isNear(result.ascent, 15.2) && isNear(result.descent, 4.8))
        #expect(try MathText("Loss").isPlain)
    }

    @Test func escapedDollarIsADollarSign() throws {
        let result = try typeset("price \\$5 and $x$")
        #expect(result.runs.first?.text == "price $5 and ")
        #expect(try !MathText("$x$").isPlain)
    }

    @Test func plainInitializerIgnoresMarkup() {
        let text = MathText(plain: "cost in $ and \\alpha")
        let result = text.layout(font: Font(size: 10)) { string, font in
            TextMetrics(width: Double(string.count) * font.size, ascent: font.size, descent: 0)
        }
        #expect(result.runs.map(\.text) == ["cost in $ and \\alpha"])
    }

    @Test func emptyLabelHasNoRuns() throws {
        let result = try typeset("")
        #expect(result.runs.isEmpty && result.width == 0 && result.height == 0)
    }
}

// MARK: - Scripts

extension MathTextTests {
    @Test func subscriptIsSmallerLowerAndToTheRight() throws {
        let result = try typeset("$x_t$")
        let x = try result.run("x")
        let t = try result.run("t")
        #expect(x.font.slant == .italic && t.font.slant == .italic)
        #expect(isNear(t.font.size, 0.7 * x.font.size))
        #expect(t.offset.y > 0)
        // 0.15–0.25 em of 20 units.
        #expect(t.offset.y >= 3 && t.offset.y <= 5)
        #expect(t.offset.x >= x.offset.x + x.metrics.width - 1e-9)
    }

    @Test func superscriptIsRaised() throws {
        let result = try typeset("$x^2$")
        let two = try result.run("2")
        #expect(two.offset.y < 0)
        // 0.35–0.45 em of 20 units.
        #expect(-two.offset.y >= 7 && -two.offset.y <= 9)
        #expect(two.font.slant == .normal)
        #expect(isNear(two.font.size, 14))
    }

    @Test func subscriptAndSuperscriptStackAtTheSameX() throws {
        for source in ["$x_i^2$", "$x^2_i$"] {
            let result = try typeset(source)
            let i = try result.run("i")
            let two = try result.run("2")
            #expect(isNear(i.offset.x, two.offset.x))
            #expect(i.offset.y > 0 && two.offset.y < 0)
            // Both at once are pushed apart compared with either alone.
            #expect(i.offset.y >= (try typeset("$x_i$").run("i")).offset.y)
        }
    }

    @Test func scriptsOfScriptsAreSmallerAgain() throws {
        let result = try typeset("$e^{x^2}$")
        #expect(isNear(try result.run("e").font.size, 20))
        #expect(isNear(try result.run("x").font.size, 14))
        #expect(isNear(try result.run("2").font.size, 10))
        #expect(try result.run("2").offset.y < result.run("x").offset.y)
    }

    @Test func braceGroupsAndSingleTokens() throws {
        // Without braces only one digit is the script, as in TeX.
        let loose = try typeset("$x^23$")
        #expect(try loose.run("2").offset.y < 0)
        #expect(try loose.run("3").offset.y == 0)
        let grouped = try typeset("$\\theta_{t+1}$")
        #expect(try grouped.run("\u{03B8}").offset.y == 0)
        // In scripts the operator gets no space, so `+1` is one run.
        let one = try grouped.run("+1")
        #expect(one.offset.y > 0 && isNear(one.font.size, 14))
        #expect(isNear(try grouped.run("t").offset.y, one.offset.y))
    }

    @Test func superscriptOnATallBaseClearsIt() throws {
        let plain = try typeset("$x^2$").run("2")
        let hatted = try typeset("$\\hat{x}^2$").run("2")
        #expect(hatted.offset.y < plain.offset.y)
    }
}

// MARK: - Symbols and spacing

extension MathTextTests {
    @Test(arguments: [
        ("alpha", "\u{03B1}"), ("beta", "\u{03B2}"), ("gamma", "\u{03B3}"), ("delta", "\u{03B4}"),
        ("epsilon", "\u{03F5}"), ("varepsilon", "\u{03B5}"), ("eta", "\u{03B7}"), ("theta", "\u{03B8}"),
        ("lambda", "\u{03BB}"), ("mu", "\u{03BC}"), ("pi", "\u{03C0}"), ("rho", "\u{03C1}"), ("sigma", "\u{03C3}"),
        ("tau", "\u{03C4}"), ("phi", "\u{03D5}"), ("varphi", "\u{03C6}"), ("psi", "\u{03C8}"), ("omega", "\u{03C9}"),
    ])
    func lowercaseGreekIsItalic(command: String, expected: String) throws {
        let result = try typeset("$\\\(command)$")
        #expect(result.runs.map(\.text) == [expected])
        #expect(result.runs.first?.font.slant == .italic)
    }

    @Test(arguments: [
        ("Gamma", "\u{0393}"), ("Delta", "\u{0394}"), ("Theta", "\u{0398}"), ("Lambda", "\u{039B}"), ("Xi", "\u{039E}"),
        ("Pi", "\u{03A0}"), ("Sigma", "\u{03A3}"), ("Phi", "\u{03A6}"), ("Psi", "\u{03A8}"), ("Omega", "\u{03A9}"),
        ("nabla", "\u{2207}"), ("partial", "\u{2202}"), ("infty", "\u{221E}"), ("ell", "\u{2113}"), ("sum", "\u{2211}"),
        ("prod", "\u{220F}"),
    ])
    func capitalsAndSymbolsAreUpright(command: String, expected: String) throws {
        let result = try typeset("$\\\(command)$")
        #expect(result.runs.map(\.text) == [expected])
        #expect(result.runs.first?.font.slant == .normal)
    }

    @Test(arguments: [
        ("cdot", "\u{22C5}"), ("times", "\u{00D7}"), ("pm", "\u{00B1}"), ("odot", "\u{2299}"), ("le", "\u{2264}"),
        ("leq", "\u{2264}"), ("ge", "\u{2265}"), ("geq", "\u{2265}"), ("ne", "\u{2260}"), ("neq", "\u{2260}"),
        ("approx", "\u{2248}"), ("to", "\u{2192}"), ("rightarrow", "\u{2192}"), ("leftarrow", "\u{2190}"),
        ("in", "\u{2208}"),
    ])
    func operatorsAndRelationsMapAndAreSpaced(command: String, expected: String) throws {
        let result = try typeset("$a \\\(command) b$")
        #expect(result.runs.map(\.text) == ["a", expected, "b"])
        let a = try result.run("a")
        let symbol = try result.run(expected)
        // A binary operator gets 4/18 em on each side, a relation 5/18 em.
        let gap = symbol.offset.x - (a.offset.x + a.metrics.width)
        #expect(isNear(gap, medium) || isNear(gap, thick))
    }

    @Test func minusIsTheMinusSignAndUnaryMinusIsNotSpaced() throws {
        let binary = try typeset("$a-b$")
        #expect(binary.runs.map(\.text) == ["a", "\u{2212}", "b"])
        let a = try binary.run("a")
        let binaryGap = try binary.run("\u{2212}").offset.x - a.metrics.width
        #expect(isNear(binaryGap, medium))

        let unary = try typeset("$-x$")
        let minus = try unary.run("\u{2212}")
        #expect(minus.offset.x == 0)
        #expect(isNear(try unary.run("x").offset.x, minus.metrics.width))

        let relation = try typeset("$y=-x$")
        let equals = try relation.run("=")
        let relationGap = try relation.run("\u{2212}").offset.x - (equals.offset.x + equals.metrics.width)
        #expect(isNear(relationGap, thick))
    }

    @Test func relationsAreSpacedMoreThanOperators() throws {
        let plus = try typeset("$a+b$")
        let equals = try typeset("$a=b$")
        #expect(equals.width > plus.width)
    }

    @Test func namedFunctionsTextAndFontCommands() throws {
        let result = try typeset("$\\log x + \\text{lr } y \\mathrm{d}x \\mathbf{w} \\mathbb{R}$")
        #expect(try result.run("log").font.slant == .normal)
        let text = try result.run("lr ")
        #expect(text.font == Font(size: 20))
        #expect(try result.run("d").font.slant == .normal)
        #expect(try result.run("w").font.weight == .bold)
        #expect(try result.run("\u{211D}").font.slant == .normal)
        // A thin space separates the operator from its argument.
        let log = try result.run("log")
        let operatorGap = try result.run("x").offset.x - log.metrics.width
        #expect(isNear(operatorGap, thin))
    }

    @Test func spacesCommandsAddTheirWidths() throws {
        let tight = try typeset("$ab$").width
        let thinWidth = try typeset("$a\\,b$").width - tight
        let thickWidth = try typeset("$a\\;b$").width - tight
        #expect(isNear(thinWidth, thin))
        #expect(isNear(thickWidth, thick))
        #expect(isNear(try typeset("$a\\quad b$").width - tight, 20))
    }

    @Test func neighboursInOneFontMergeIntoOneRun() throws {
        #expect(try typeset("$(1)$").runs.map(\.text) == ["(1)"])
        #expect(try typeset("$10^{-3}$").runs.map(\.text) == ["10", "\u{2212}3"])
        #expect(try typeset("Adam: $ab$").runs.map(\.text) == ["Adam: ", "ab"])
        // Spacing between atoms keeps them apart: merging them would lose the space.
        #expect(try typeset("$1+2$").runs.count == 3)
    }

    @Test func layoutWidthGrowsWithContent() throws {
        let widths = try ["$x$", "$x+y$", "$x+y^2$", "$x+y^2+\\frac{1}{z}$"].map { try typeset($0).width }
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func primeFollowsItsBase() throws {
        let result = try typeset("$f'(x)$")
        let f = try result.run("f")
        // The prime and the parenthesis are both upright: one run.
        let prime = try result.run("\u{2032}(")
        #expect(prime.offset.x > f.offset.x + f.metrics.width - 1e-9)
    }
}
