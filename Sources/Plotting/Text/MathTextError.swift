/// Why a label's markup could not be read, and where.
///
/// The column is 1-based and counts characters (extended grapheme clusters) of the whole label, `$` signs
/// included, so it points at the same place an editor's cursor would.
public struct MathTextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// A `\name` that is not a known command; `suggestion` is the closest known name, if any is close.
        case unknownCommand(String, suggestion: String?)
        /// A `$` that opens a formula which is never closed.
        case unclosedFormula
        /// A `{` without its `}`.
        case unclosedBrace
        /// A `}` without an opening `{`.
        case unexpectedClosingBrace
        /// A `]` without its `[` or a `[` without its `]` in `\sqrt[n]{x}`.
        case unclosedBracket
        /// A command or a `_`/`^` that needs an argument and has none.
        case missingArgument(command: String)
        /// A second subscript or superscript on the same base (`x_a_b`): write `x_{ab}` or `{x_a}_b`.
        case doubleScript(String)
        /// A lone backslash at the end of a formula.
        case danglingBackslash
        /// A `\left` without its `\right`, or a `\right` without its `\left`.
        case unmatchedDelimiter(String)
        /// What follows `\left` or `\right` is not a delimiter.
        case notADelimiter(String)
        /// Groups nested deeper than `MathText.maximumNesting`.
        case nestedTooDeeply
    }

    public var kind: Kind
    /// The 1-based column of the offending character in the label.
    public var column: Int
    /// The label as written.
    public var source: String

    /// An error of `kind` at `column` of `source`.
    public init(_ kind: Kind, column: Int, source: String) {
        self.kind = kind
        self.column = column
        self.source = source
    }

    /// A one-line explanation without the location.
    public var message: String {
        switch kind {
        case .unknownCommand(let name, let suggestion):
            "unknown command \\\(name)" + (suggestion.map { "; did you mean \\\($0)?" } ?? "")
        case .unclosedFormula: "a formula opened with $ is never closed (write \\$ for a dollar sign)"
        case .unclosedBrace: "{ is never closed"
        case .unexpectedClosingBrace: "} has no matching {"
        case .unclosedBracket: "[ is never closed"
        case .missingArgument(let command): "\(command) needs an argument"
        case .doubleScript(let script): "double \(script); use braces, as in x_{ab} or {x_a}_b"
        case .danglingBackslash: "a backslash at the end of a formula"
        case .unmatchedDelimiter(let command): "\\\(command) has no matching \\\(command == "left" ? "right" : "left")"
        case .notADelimiter(let found): "\(found) is not a delimiter; use ( ) [ ] | \\{ \\} \\langle \\rangle or ."
        case .nestedTooDeeply: "groups nested more than \(MathText.maximumNesting) deep"
        }
    }

    public var description: String { "column \(column): \(message) in \"\(source)\"" }
}
