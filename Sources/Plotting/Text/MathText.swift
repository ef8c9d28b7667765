/// A label with TeX-like formulas: plain text, with mathematics between `$` signs.
///
/// Titles, axis labels, legend entries and captions are written as one string, as in matplotlib:
///
///     Adam: $\theta_{t+1} = \theta_t - \eta\,\hat{m}_t / (\sqrt{\hat{v}_t} + \epsilon)$
///
/// `MathText` parses the string once (throwing `MathTextError` for malformed markup) and `layout(font:measure:)`
/// places every piece; `TextLayout.draw(on:at:color:angle:)` then draws it through the `Canvas` protocol
/// alone, so PNG, SVG and PDF output match. A string without `$` is plain text: it costs one scan to parse
/// and one measurement to lay out, and is drawn as a single run.
///
/// ## Markup
///
/// Outside formulas every character stands for itself, except `\$`, which is a dollar sign. Inside `$…$`:
///
/// - **Letters** `a`–`z`, `A`–`Z` are italic variables; digits (`0.5` is one number), operators and
///   punctuation are upright. Spaces are ignored; the spacing comes from the atoms' roles.
/// - **Operators**: `+ - * = < > : / ( ) [ ] , ; | ! '` — `-` is set as the minus sign U+2212, `*` as ∗, `'` as
///   a prime ′.
/// - **Greek**: `\alpha` … `\omega` (lowercase, italic, with `\varepsilon \vartheta \varphi \varrho
///   \varsigma \varpi`; `\epsilon` is ϵ and `\phi` is ϕ as in TeX), and upright capitals `\Gamma \Delta \Theta
///   \Lambda \Xi \Pi \Sigma \Upsilon \Phi \Psi \Omega`.
/// - **Symbols**: `\nabla \partial \infty \ell \hbar \forall \exists \emptyset \neg \prime \top \intercal
///   \dagger \ldots \cdots \vert \Vert \|`; operators `\cdot \times \div \pm \mp \ast \star \circ \bullet
///   \odot \oplus \otimes \cup \cap \wedge \vee \setminus`; relations `\le \leq \ge \geq \ne \neq \approx
///   \sim \simeq \equiv \propto \ll \gg \in \notin \subset \subseteq \perp \parallel \mid \coloneqq \to
///   \rightarrow \leftarrow \gets \leftrightarrow \Rightarrow \Leftarrow \implies \mapsto`; large operators
///   `\sum \prod \int \oint`; delimiters `\{ \} \langle \rangle \lfloor \rfloor \lceil \rceil`; escapes
///   `\$ \% \# \& \_`.
/// - **Named functions**, upright: `\log \ln \exp \sin \cos \tan \tanh \min \max \arg \argmin \argmax \det
///   \lim \sup \inf \tr \diag \softmax …` and `\operatorname{name}`.
/// - **Scripts**: `x_t`, `x^2`, `\theta_{t+1}`, `x_i^2` (both stacked at the same x). Without braces a
///   script is one token: a letter, one digit, or a command with its arguments.
/// - **Accents** over their argument: `\hat{m}`, `\bar{x}`, `\tilde{x}`, `\vec{v}`, `\dot{x}`, `\ddot{x}`,
///   and `\overline{…}` across the whole argument; drawn as strokes, so they look the same in every back end.
/// - **Roots and fractions**: `\sqrt{x}`, `\sqrt[3]{x}`, `\frac{a}{b}` (parts in script size, as in inline
///   TeX), `\dfrac{a}{b}` (parts at full size).
/// - **Growing delimiters**: `\left( … \right)` with `( ) [ ] | / \{ \} \| \langle \rangle \lfloor \rfloor
///   \lceil \rceil`, or `.` for none; the delimiters are the font's glyphs set larger, centred on the axis.
/// - **Fonts**: `\text{…}` (the label's own font, spaces kept), `\mathrm{…}` (upright letters), `\mathbf{…}`
///   (bold upright), `\mathit{…}`, `\mathbb{R}` (double-struck ℝ).
/// - **Spaces**: `\,` (3/18 em), `\:` (4/18), `\;` (5/18), `\!` (−3/18), `\ ` and `~` (1/3 em), `\quad`
///   (1 em), `\qquad` (2 em). `{…}` groups without adding anything.
///
/// ## Layout rules
///
/// Lengths are in em of the current size s. The label's font has level 0 (s = font size); scripts and
/// fraction parts are one level smaller, their scripts smaller again: s = 1, 0.7, 0.5 × the font size.
///
/// - Between atoms TeX's spacing applies: ordinary–binary–ordinary gets 4/18 em on each side of the
///   operator, relations 5/18 em, after punctuation 3/18 em, around a large operator or named function
///   next to an ordinary atom 3/18 em; in scripts only the last kind remains. A `+` or `−` with no left
///   operand (`−x`, `(−1)`, `x = −1`) is unary and unspaced.
/// - Superscript baseline: 0.40 s above the base's (on a box rather than a letter, at least its top −
///   0.386 of the script size). Subscript: 0.20 s below, 0.25 s when there is also a superscript; the two
///   are kept 0.12 s apart and the superscript's bottom at least 4/5 of the x-height (0.55 s) up.
/// - Fraction: the rule (0.06 s thick) is centred on the math axis, 0.32 s above the baseline; numerator and
///   denominator are centred on it, 0.10 s clear; width = max(numerator, denominator) + 0.10 s each side.
/// - Radical: the bar is 0.12 s above the radicand's ink and spans it; the sign's foot goes 0.08 s below
///   the radicand.
/// - Accent: 0.10 s above the base's ink (at least the x-height), centred, leaning right on italics.
///
/// - An italic letter followed directly by an upright character gets a kern of 0.095 × its height (TeX's
///   italic correction), so `f(x)` and `f'` do not collide.
///
/// Ink heights come from the shapes of the characters, not from the measuring function, so accents hug
/// an `m` and clear a `b`; only widths (and the label's overall ascent and descent) come from the font.
///
/// ## Use and misuse
///
///     let title = try MathText("Adam, $\\eta = 10^{-3}$")
///     let layout = title.layout(font: Font(size: 14), on: canvas)
///     layout.draw(on: canvas, at: layout.origin(placing: .bottomCenter, at: top), color: .black)
///
/// or in one step `try canvas.drawLabel("Adam, $\\eta = 10^{-3}$", at: top, font: font, color: .black,
/// anchor: .bottomCenter)`. Words inside a formula need `\text{…}`: `$loss$` is the product l·o·s·s of four
/// italic variables. Labels built from data (names, numbers) should use `init(plain:)`, so a `$` in them is
/// never read as markup. Not supported: display math (`$$x$$` is a plain x between two empty formulas), limits above and below
/// `\sum`, `\over`, `\big`, arrays and matrices, colours, `\mathcal`, line breaks.
public struct MathText: Sendable, Equatable {
    /// The label as written.
    public let source: String
    let segments: [MathSegment]

    /// How deeply groups and arguments may nest before the label is refused.
    public static let maximumNesting = 32

    /// Parses `source`.
    ///
    /// A string with no `$` is plain text and is not parsed further.
    ///
    /// - Parameter source: plain text with formulas between `$` signs.
    /// - Throws: `MathTextError` with the 1-based column for an unknown command (with the closest known one
    ///   suggested), an unclosed `$` or brace, a stray `}`, a missing argument, a double script, an unmatched
    ///   `\left`/`\right`, or nesting deeper than `maximumNesting`.
    public init(_ source: String) throws(MathTextError) {
        self.source = source
        if source.contains("$") {
            segments = try MathParser.parse(source)
        } else {
            segments = source.isEmpty ? [] : [.plain(source)]
        }
    }

    /// Plain text, taken as it is: `$` and `\` have no meaning. For labels built from data (tick values,
    /// optimizer names) that must never be read as markup.
    public init(plain text: String) {
        source = text
        segments = text.isEmpty ? [] : [.plain(text)]
    }

    /// Whether the label has no formula (it is laid out as one run).
    public var isPlain: Bool {
        segments.allSatisfy { if case .plain = $0 { true } else { false } }
    }

    /// Lays the label out in `font`.
    ///
    /// Plain text and `\text{…}` use `font` as given; math letters use its italic, digits and symbols its
    /// upright face, at the sizes the layout rules give.
    ///
    /// - Parameters:
    ///   - font: the label's font; its size is the size of level 0.
    ///   - measure: the extent of a string in a font, as the canvas that will draw it reports it.
    /// - Returns: the runs and shapes, relative to the left end of the baseline.
    public func layout(font: Font, measure: (String, Font) -> TextMetrics) -> TextLayout {
        if segments.isEmpty {
            return TextLayout(width: 0, ascent: 0, descent: 0, runs: [], shapes: [])
        }
        if segments.count == 1, case .plain(let text) = segments[0] {
            let metrics = measure(text, font)
            return TextLayout(width: metrics.width, ascent: metrics.ascent, descent: metrics.descent,
                              runs: [TextLayout.Run(text: text, font: font, offset: Point(0, 0), metrics: metrics)],
                              shapes: [])
        }
        let box = withoutActuallyEscaping(measure) { measure in
            MathTypesetter(font: font, measure: measure).layout(segments)
        }
        var ascent = 0.0
        var descent = 0.0
        for run in box.runs {
            ascent = max(ascent, run.metrics.ascent - run.offset.y)
            descent = max(descent, run.metrics.descent + run.offset.y)
        }
        for shape in box.shapes {
            guard let bounds = shape.bounds else { continue }
            ascent = max(ascent, -bounds.minY)
            descent = max(descent, bounds.maxY)
        }
        return TextLayout(width: box.width, ascent: ascent, descent: descent, runs: box.runs, shapes: box.shapes)
    }

    /// Lays the label out in `font`, measured by `canvas`.
    public func layout(font: Font, on canvas: any Canvas) -> TextLayout {
        layout(font: font) { canvas.measure($0, font: $1) }
    }
}
