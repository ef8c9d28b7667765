/// The parsed form of a label: what `MathText` lays out.

/// A piece of a label: plain text, or a formula written between `$` signs.
enum MathSegment: Equatable, Sendable {
    case plain(String)
    case formula([MathNode])
}

/// The TeX atom classes that decide the space between neighbouring atoms in a formula.
enum MathAtomClass: Equatable, Sendable {
    /// Ordinary: letters, digits, most symbols.
    case ordinary
    /// A large operator or a named function: `\sum`, `\log`.
    case largeOperator
    /// A binary operator: `+`, `−`, `\cdot`.
    case binary
    /// A relation: `=`, `<`, `\le`, `\to`.
    case relation
    /// An opening delimiter: `(`, `[`.
    case opening
    /// A closing delimiter: `)`, `]`.
    case closing
    /// Punctuation: `,`, `;`.
    case punctuation
}

/// Which face a glyph is set in, relative to the label's font.
enum MathFontStyle: Equatable, Sendable {
    /// The label's font exactly as given (plain text and `\text{…}`).
    case inherited
    /// Upright (slant removed).
    case upright
    /// Italic: single-letter variables.
    case italic
    /// Bold upright: `\mathbf{…}`.
    case bold
}

/// An accent drawn above its base.
enum MathAccent: String, Equatable, Sendable, CaseIterable {
    case hat, bar, tilde, vec, dot, ddot, overline
}

/// One element of a formula.
indirect enum MathNode: Equatable, Sendable {
    /// Characters set as one atom: a letter, a number, a symbol, or the text of `\text{…}`.
    case glyphs(String, MathAtomClass, MathFontStyle)
    /// A braced group, which acts as one ordinary atom.
    case group([MathNode])
    /// A base with a subscript, a superscript or both (`nil` base: scripts on nothing, as in `{}_t`).
    case scripts(base: MathNode?, subscript: [MathNode]?, superscript: [MathNode]?)
    /// An accent above a base.
    case accent(MathAccent, MathNode)
    /// `\sqrt[index]{radicand}`.
    case radical([MathNode], index: [MathNode]?)
    /// `\frac{numerator}{denominator}`; `display` keeps the parts at full size (`\dfrac`).
    case fraction([MathNode], [MathNode], display: Bool)
    /// `\left( … \right)`: delimiters grown to the height of what they enclose (`nil` for `.`, no delimiter).
    case delimited(open: String?, [MathNode], close: String?)
    /// Horizontal space in em of the current size (negative to pull neighbours together).
    case space(Double)
}

extension MathNode {
    /// The class used for spacing; `nil` for spaces, which are transparent to spacing.
    var atomClass: MathAtomClass? {
        switch self {
        case .glyphs(_, let atomClass, _): atomClass
        case .scripts(let base, _, _): base?.atomClass ?? .ordinary
        case .space: nil
        case .group, .accent, .radical, .fraction, .delimited: .ordinary
        }
    }
}
