/// A problem with something a person wrote: a component, an expression, an option value or a spec.
///
/// The message is one line meant for people. When the problem sits at a known place in a piece of text,
/// `source` holds that text and `column` the 1-based column, and ``description`` adds the text with a caret
/// under the column:
///
/// ```
/// expected ')' to close the arguments of 'Adam' (column 13)
///   Adam(lr=0.1
///               ^
/// ```
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in one line.
    public var message: String
    /// The text the problem was found in, when there is one.
    public var source: String?
    /// The 1-based column of the problem inside `source`.
    public var column: Int?
    /// The parameter the problem is about, when it is about one (lets a caller point at its argument).
    public var key: String?

    /// An error with a one-line message, optionally located in `source` at `column` or attributed to `key`.
    public init(_ message: String, source: String? = nil, column: Int? = nil, key: String? = nil) {
        self.message = message
        self.source = source
        self.column = column
        self.key = key
    }

    /// The message, and for a located problem the source line with a caret under the column.
    public var description: String {
        guard let source, let column, !source.contains("\n") else { return message }
        let pad = String(repeating: " ", count: max(0, column - 1))
        return "\(message) (column \(column))\n  \(source)\n  \(pad)^"
    }

    /// The same error with `prefix: ` in front of the message (for example the option it came from).
    public func prefixed(_ prefix: String) -> InputError {
        InputError("\(prefix): \(message)", source: source, column: column, key: key)
    }
}
